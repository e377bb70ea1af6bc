package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `replay`, `ledger` and the ledger options of `run`, through the real command line. */
class LedgerCommandsTest {
  private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  @TempDir Path dir;

  /** A small corpus in our own words: a pledge, its retelling two months on, a second pledge, a non-event. */
  private Path corpus() throws IOException {
    Path file = dir.resolve("corpus.jsonl");
    Files.writeString(file, String.join("\n",
        "{\"id\":\"t-1\",\"title\":\"Tencent to invest $9 billion in new AI data centres in Saudi Arabia\","
            + "\"summary\":\"Tencent said it will invest $9 billion over five years to build AI data centres in Saudi"
            + " Arabia.\",\"link\":\"https://example.com/t-1\",\"published\":\"2025-03-03T08:00:00Z\","
            + "\"label\":{\"announcements\":[{\"company\":\"Tencent\",\"amount_usd\":9000000000}],\"mentions\":[],"
            + "\"note\":\"new pledge\"}}",
        "{\"id\":\"t-2\",\"title\":\"Tencent to invest $9 billion in new AI data centres in Saudi Arabia\","
            + "\"summary\":\"Tencent will invest $9 billion over five years to build AI data centres in Saudi Arabia,"
            + " the company said.\",\"link\":\"https://example.com/t-2\",\"published\":\"2025-05-20T08:00:00Z\","
            + "\"label\":{\"announcements\":[{\"company\":\"Tencent\",\"amount_usd\":9000000000}],\"mentions\":[],"
            + "\"note\":\"the same pledge retold eleven weeks later\"}}",
        "{\"id\":\"t-3\",\"title\":\"Alibaba to invest over 380 billion yuan in AI infrastructure over three years\","
            + "\"summary\":\"Alibaba Group will invest more than 380 billion yuan ($53 billion) in cloud and AI"
            + " infrastructure over the next three years.\",\"link\":\"https://example.com/t-3\","
            + "\"published\":\"2025-02-24T04:00:00Z\",\"label\":{\"announcements\":[{\"company\":\"Alibaba\","
            + "\"amount_usd\":53000000000}],\"mentions\":[],\"note\":\"new pledge\"}}",
        "{\"id\":\"t-4\",\"title\":\"Apple quarterly revenue rises to $95 billion\",\"summary\":\"Sales grew.\","
            + "\"link\":\"https://example.com/t-4\",\"published\":\"2025-05-01T20:00:00Z\","
            + "\"label\":{\"announcements\":[],\"mentions\":[],\"note\":\"revenue\"}}") + "\n");
    return file;
  }

  @Test
  void replayScoresEventsAndTheRetellingMonthsLaterIsNoSecondAlert() throws IOException {
    Cli.Result r = Cli.run("replay", "--labels", corpus().toString(), "--ledger-seed", "none");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Arrays.asList(r.out().strip().split("\n"));
    assertEquals("alerts 2  right 2  wrong 0  repeats 0 (0 from items labelling no announcement)  precision 1.000"
        + "  event recall 1.000 (2/2 commitments)",
        lines.getLast(), r.out());
    assertTrue(lines.getFirst().startsWith("right   Alibaba"), "sorted by published: " + r.out());
  }

  @Test
  void withTheBundledSeedTheOriginalCoverageStillAlertsOnce() throws IOException {
    Cli.Result r = Cli.run("replay", "--labels", corpus().toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("right   Alibaba"), "the seed entry does not hide its own first coverage: " + r.out());
  }

  private static String rssItem(String id, String title, Instant published) {
    return "<item><guid>" + id + "</guid><title>" + title + "</title><link>https://example.com/" + id
        + "</link><pubDate>" + RFC_822.format(published) + "</pubDate></item>";
  }

  @Test
  void aPledgeOfYearsAgoRestatedTodayAlertsOnlyWithoutTheSeed() throws IOException {
    Instant today = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Path feed = dir.resolve("today.xml");
    Files.writeString(feed, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>"
        + rssItem("ms", "Microsoft plans to spend $80 billion on AI-enabled data centres", today)
        + rssItem("meta", "Meta reaffirms plan to spend up to $65 billion on AI infrastructure", today)
        + "</channel></rss>");
    Cli.Result seeded = Cli.run("run", "--feed", feed.toString(), "--state", dir.resolve("a").toString(),
        "--explain");
    assertEquals(0, seeded.exit(), seeded.err());
    assertEquals("", seeded.out().strip(), "known commitment: no alert");
    assertTrue(seeded.err().contains("known commitment microsoft-2025-01-03-80b (seed): source added"),
        seeded.err());

    Cli.Result empty = Cli.run("run", "--feed", feed.toString(), "--state", dir.resolve("b").toString(),
        "--ledger-seed", "none", "--explain");
    assertEquals(0, empty.exit(), empty.err());
    assertTrue(empty.out().contains("\"company\":\"Microsoft\""), "empty ledger: it alerts as news: " + empty.out());
    assertTrue(empty.err().contains(": alert"), empty.err());

    Cli.Result list = Cli.run("ledger", "list", "--state", dir.resolve("b").toString());
    assertEquals(0, list.exit(), list.err());
    assertTrue(list.out().lines().anyMatch(l -> l.contains("Microsoft") && l.contains(" alert ")), list.out());
    assertTrue(list.out().lines().anyMatch(l -> l.contains("Meta") && l.contains(" mention ")), list.out());
  }

  @Test
  void exportThenImportCarriesTheLedgerToAnotherState() throws IOException {
    Cli.Result export = Cli.run("ledger", "export", "--state", dir.resolve("empty").toString());
    assertEquals("", export.out().strip(), "a state never run has an empty ledger");
    Path seedCopy = dir.resolve("ledger.jsonl");
    Files.writeString(seedCopy, String.join("\n",
        "{\"company\":\"Tencent\",\"amount\":9000000000,\"currency\":\"USD\",\"amount_usd\":9000000000,"
            + "\"date\":\"2025-03-03\",\"period\":\"over five years\",\"what\":\"AI data centres in Saudi Arabia\","
            + "\"link\":\"https://example.com/t-1\"}",
        "{\"company\":\"Tencent\",\"amount_usd\":\"nine\",\"date\":\"2025-03-03\"}") + "\n");
    Cli.Result imported = Cli.run("ledger", "import", seedCopy.toString(), "--state", dir.resolve("c").toString());
    assertEquals(CapexAlerts.EXIT_BAD_LINES, imported.exit(), "the bad line is reported, the good one imported");
    assertTrue(imported.err().contains("ledger.jsonl:2: \"amount_usd\" must be a number"), imported.err());
    Cli.Result again = Cli.run("ledger", "export", "--state", dir.resolve("c").toString());
    assertTrue(again.out().contains("\"key\":\"tencent-2025-03-03-9b\""), again.out());
    assertTrue(again.out().contains("\"origin\":\"seed\""), again.out());
  }
}
