package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quick start on any date, run's exit codes and skip summary, `status` and `feeds` on the embedded state. */
class OperateCommandsTest {
  private static final Path SAMPLES = Path.of("../../events/sample-feeds").toAbsolutePath().normalize();

  @TempDir Path state;
  @TempDir Path work;

  private static long lines(String out) {
    return out.lines().filter(l -> !l.isBlank()).count();
  }

  @Test
  void theQuickStartExplainsOldItemsAndAlertsWithMaxAgeNone() {
    Cli.Result old = Cli.run("run", "--state", state.toString(), "--feed", SAMPLES.toString());
    assertEquals(0, old.exit(), old.err());
    assertEquals(0, lines(old.out()), "the 2025 samples are older than the default max age");
    assertTrue(old.err().contains("10 item(s) skipped: 10 older than 14d (use --max-age none)"), old.err());

    Cli.Result all = Cli.run("run", "--state", state.toString(), "--feed", SAMPLES.toString(), "--max-age", "none");
    assertEquals(0, all.exit(), all.err());
    assertEquals(3, lines(all.out()), "items skipped as too old were not marked seen: " + all.err());
    assertTrue(all.err().contains("3 of a known event"), all.err());

    Cli.Result again = Cli.run("run", "--state", state.toString(), "--feed", SAMPLES.toString(), "--max-age",
        "none");
    assertEquals(0, lines(again.out()));
  }

  @Test
  void everyFeedFailedIsExit4AndWithStrictAnyFailedIsExit5() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String dead = "http://127.0.0.1:" + closed + "/feed";
    Cli.Result all = Cli.run("run", "--state", state.toString(), "--feed", dead);
    assertEquals(RunCommand.EXIT_ALL_FEEDS_FAILED, all.exit(), all.err());
    assertTrue(all.err().contains("error [connect]"), all.err());

    Path other = Files.createDirectories(work.resolve("s2"));
    Cli.Result some = Cli.run("run", "--state", other.toString(), "--feed", SAMPLES.resolve("markets-daily.xml")
        .toString(), "--feed", "http://no-such-host.invalid/rss", "--strict");
    assertEquals(RunCommand.EXIT_SOME_FEEDS_FAILED, some.exit(), some.err());
    assertTrue(some.err().contains("error [dns]"), some.err());
    Cli.Result lenient = Cli.run("run", "--state", work.resolve("s3").toString(), "--feed",
        SAMPLES.resolve("markets-daily.xml").toString(), "--feed", "http://no-such-host.invalid/rss");
    assertEquals(0, lenient.exit(), lenient.err());

    Cli.Result status = Cli.run("status", "--state", other.toString(), "--json");
    assertEquals(StatusCommand.EXIT_SOME_FAILING, status.exit(), status.err());
    JsonNode feeds = Json.MAPPER.readTree(status.out()).get("feeds");
    JsonNode failing = null;
    for (JsonNode f : feeds) {
      if (f.get("url").asText().contains("invalid")) {
        failing = f;
      }
    }
    assertEquals("dns", failing.get("last_error_class").asText(), failing.toString());
    assertEquals(1, failing.get("consecutive_failures").asInt());
    assertEquals("backing-off", failing.get("status").asText());
  }

  @Test
  void aFeedsFileIsOneFeedALine() throws IOException {
    List<String> list = new ArrayList<>(List.of("# the sample outlets", ""));
    try (var files = Files.list(SAMPLES)) {
      files.sorted().forEach(f -> list.add(f.toString()));
    }
    Path feedsFile = Files.write(work.resolve("feeds.txt"), list);
    Cli.Result r = Cli.run("run", "--state", state.toString(), "--feeds", feedsFile.toString(), "--max-age", "none");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("polling 3 feed(s)"), r.err());
    assertEquals(3, lines(r.out()));
  }

  @Test
  void feedsAreManagedAndTheRunPollsTheList() throws IOException {
    String s = state.toString();
    Path market = SAMPLES.resolve("markets-daily.xml");
    // The list is seeded once with $FEEDS or the bundled list; empty it first so the run stays offline.
    Cli.Result listed = Cli.run("feeds", "list", "--state", s);
    for (String line : listed.out().lines().toList()) {
      assertEquals(0, Cli.run("feeds", "remove", line.split("\\s+")[0], "--state", s).exit());
    }
    assertEquals("", Cli.run("feeds", "list", "--state", s).out());

    Cli.Result add = Cli.run("feeds", "add", market.toString(), "--name", "Markets Daily", "--state", s);
    assertEquals(0, add.exit(), add.err());
    assertEquals(1, Cli.run("feeds", "add", market.toString(), "--state", s).exit(), "listed already");
    assertEquals(2, Cli.run("feeds", "add", "ftp://x.example/feed", "--state", s).exit());

    Cli.Result run = Cli.run("run", "--state", s, "--max-age", "none");
    assertTrue(run.err().contains("polling 1 feed(s) of the feed list"), run.err());
    assertEquals(2, lines(run.out()), "markets-daily carries two events: " + run.err());

    assertEquals(0, Cli.run("feeds", "disable", market.toString(), "--state", s).exit());
    assertTrue(Cli.run("run", "--state", s).err().contains("polling 0 feed(s)"));
    assertEquals(0, Cli.run("feeds", "enable", market.toString(), "--state", s).exit());
    assertEquals(0, Cli.run("feeds", "reset", market.toString(), "--state", s).exit());
    assertEquals(FeedsCommand.EXIT_NO_SUCH_FEED, Cli.run("feeds", "reset", "/no/such.xml", "--state", s).exit());

    Cli.Result export = Cli.run("feeds", "export", "--state", s);
    assertTrue(export.out().contains("<opml version=\"2.0\">") && export.out().contains("Markets Daily"),
        export.out());
    Path opml = Files.writeString(work.resolve("feeds.opml"), export.out().replace(market.toString(),
        SAMPLES.resolve("asia-tech-wire.xml").toString()));
    Cli.Result imported = Cli.run("feeds", "import", opml.toString(), "--state", s);
    assertEquals(0, imported.exit(), imported.err());
    assertTrue(imported.err().contains("1 added"), imported.err());
    assertEquals(2, lines(Cli.run("feeds", "list", "--state", s).out()));
    assertFalse(Cli.run("feeds", "list", "--state", s, "--json").out().isBlank());
  }

  @Test
  void aMisspeltCompanyThresholdIsRefusedWithTheNearestName() {
    Cli.Result r = Cli.run("run", "--state", state.toString(), "--feed", SAMPLES.toString(), "--company-thresholds",
        "Nvida=5000000000");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("did you mean Nvidia?"), r.err());
  }
}
