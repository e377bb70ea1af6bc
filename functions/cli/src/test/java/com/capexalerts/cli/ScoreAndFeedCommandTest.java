package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScoreAndFeedCommandTest {
  private static final String CORPUS = Path.of("../core/src/test/resources/corpus/dev-corpus.jsonl").toString();

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = CapexAlerts.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void detectOutputScoresExactlyAsTheInProcessDetector() {
    Path predictions = dir.resolve("pred.jsonl");
    Run detect = run("detect", "--input", CORPUS, "--output", predictions.toString());
    assertEquals(0, detect.exit(), detect.err());

    Run viaCli = run("score", "--labels", CORPUS, "--predictions", predictions.toString());
    Run inProcess = run("score", "--labels", CORPUS);

    String headline = viaCli.out().lines().limit(3).reduce("", (a, b) -> a + b + "\n");
    assertTrue(headline.contains("Precision"), viaCli.out());
    assertEquals(inProcess.out(), viaCli.out(), "the JSON Lines interface loses nothing the scorer needs");
    assertEquals(0, viaCli.exit(), "the development corpus meets precision and recall 0.95:\n" + headline);
  }

  @Test
  void feedPrintsTheItemsDetectReads() throws Exception {
    Run feed = run("feed", Path.of("../../events/sample-feeds/asia-tech-wire.xml").toString());
    assertEquals(0, feed.exit(), feed.err());
    Path items = dir.resolve("items.jsonl");
    Files.writeString(items, feed.out());
    assertEquals(3, feed.out().lines().count());
    Path out = dir.resolve("out.jsonl");
    Run detect = run("detect", "--input", items.toString(), "--output", out.toString());
    assertEquals(0, detect.exit(), detect.err());
    String first = Files.readAllLines(out).getFirst();
    assertTrue(first.contains("\"company\":\"Alibaba\",\"kind\":\"announcement\""), first);
  }

  @Test
  void anUnreadableFeedNamesItAndExitsNonZero() throws Exception {
    Path notAFeed = dir.resolve("page.html");
    Files.writeString(notAFeed, "<html><body>hello</body></html>");
    Run r = run("feed", notAFeed.toString());
    assertEquals(CapexAlerts.EXIT_UNREADABLE, r.exit());
    assertTrue(r.err().contains(notAFeed.toString()), r.err());
    Run missing = run("feed", dir.resolve("missing.xml").toString());
    assertEquals(CapexAlerts.EXIT_UNREADABLE, missing.exit(), missing.err());
  }
}
