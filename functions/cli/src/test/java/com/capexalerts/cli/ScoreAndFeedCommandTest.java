package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreAndFeedCommandTest {
  private static final String CORPUS = Path.of("../core/src/test/resources/corpus/dev-corpus.jsonl").toString();

  @TempDir Path dir;

  @Test
  void detectOutputScoresExactlyAsTheInProcessDetector() {
    Path predictions = dir.resolve("pred.jsonl");
    Cli.Result detect = Cli.run("detect", "--input", CORPUS, "--output", predictions.toString());
    assertEquals(0, detect.exit(), detect.err());

    Cli.Result viaCli = Cli.run("score", "--labels", CORPUS, "--predictions", predictions.toString());
    Cli.Result inProcess = Cli.run("score", "--labels", CORPUS);

    String headline = viaCli.out().lines().limit(3).reduce("", (a, b) -> a + b + "\n");
    assertTrue(headline.contains("Precision"), viaCli.out());
    assertEquals(inProcess.out(), viaCli.out(), "the JSON Lines interface loses nothing the scorer needs");
    assertEquals(0, viaCli.exit(), "the development corpus meets precision and recall 0.95:\n" + headline);
  }

  @Test
  void feedPrintsTheItemsDetectReads() throws Exception {
    Cli.Result feed = Cli.run("feed", Path.of("../../events/sample-feeds/asia-tech-wire.xml").toString());
    assertEquals(0, feed.exit(), feed.err());
    Path items = dir.resolve("items.jsonl");
    Files.writeString(items, feed.out());
    assertEquals(3, feed.out().lines().count());
    Path out = dir.resolve("out.jsonl");
    Cli.Result detect = Cli.run("detect", "--input", items.toString(), "--output", out.toString());
    assertEquals(0, detect.exit(), detect.err());
    String first = Files.readAllLines(out).getFirst();
    assertTrue(first.contains("\"company\":\"Alibaba\",\"kind\":\"announcement\""), first);
  }

  @Test
  void anUnreadableFeedNamesItAndExitsNonZero() throws Exception {
    Path notAFeed = dir.resolve("page.html");
    Files.writeString(notAFeed, "<html><body>hello</body></html>");
    Cli.Result r = Cli.run("feed", notAFeed.toString());
    assertEquals(CapexAlerts.EXIT_UNREADABLE, r.exit());
    assertTrue(r.err().contains(notAFeed.toString()), r.err());
    Cli.Result missing = Cli.run("feed", dir.resolve("missing.xml").toString());
    assertEquals(CapexAlerts.EXIT_UNREADABLE, missing.exit(), missing.err());
  }
}
