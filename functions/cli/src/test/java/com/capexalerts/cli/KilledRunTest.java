package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.aws.sns.OutboxAlertPublisher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real {@code run} processes killed with SIGKILL, some at random moments and some the instant their outbox grows
 * (between the append and the record of the publish, the window that used to send an alert twice). Whatever the
 * kills, the run that finally completes leaves every alert in the outbox exactly once.
 */
class KilledRunTest {
  private static final String[] COMPANIES = {"Microsoft", "Meta", "Amazon", "Oracle", "Nvidia", "Apple"};
  private static final int KILLS = 20;

  @TempDir
  Path dir;

  @Test
  void everyAlertIsInTheOutboxExactlyOnceWhateverTheKills() throws Exception {
    Path feeds = Files.createDirectories(dir.resolve("feeds"));
    Files.writeString(feeds.resolve("wire.xml"), feed(), StandardCharsets.UTF_8);
    Set<String> expected = eventKeys(completeRun(feeds, dir.resolve("reference")));
    assertEquals(COMPANIES.length, expected.size(), "one alert per company in the uninterrupted run");

    Random random = new Random(42);
    long started = System.nanoTime();
    int kills = 0;
    int targeted = 0;
    int round = 0;
    while (kills < KILLS) {
      Path state = dir.resolve("state-" + round++);
      for (int attempt = 0; attempt < COMPANIES.length + 2 && kills < KILLS; attempt++) {
        boolean aimAtWindow = attempt % 3 != 2;
        Process run = start(feeds, state);
        boolean killed = aimAtWindow ? killWhenOutboxGrows(run, state) : killAfter(run, 150 + random.nextInt(1500));
        if (killed) {
          kills++;
          targeted += aimAtWindow ? 1 : 0;
        }
      }
      List<String> lines = eventKeyLines(completeRun(feeds, state));
      assertEquals(expected, new TreeSet<>(lines), "round " + round + ": every alert went out");
      assertEquals(lines.size(), Set.copyOf(lines).size(), "round " + round + ": no alert twice: " + lines);
    }
    assertTrue(targeted >= KILLS / 2, "most kills landed right after an append: " + targeted);
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(90), "bounded");
  }

  private static String feed() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < COMPANIES.length; i++) {
      items.append("<item><title>").append(COMPANIES[i]).append(" will invest $").append(20 + 7 * i)
          .append(" billion in AI data centres this year</title><link>https://wire.example/").append(i)
          .append("</link><guid isPermaLink=\"false\">w-").append(i).append("</guid>")
          .append("<pubDate>Mon, 24 Feb 2025 0").append(i).append(":00:00 +0000</pubDate>")
          .append("<description>").append(COMPANIES[i]).append(" said it will invest $").append(20 + 7 * i)
          .append(" billion in AI data centres this year.</description></item>");
    }
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>" + items + "</channel></rss>";
  }

  private Process start(Path feeds, Path state) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath,
        CapexAlerts.class.getName(), "run", "--feed", feeds.toString(), "--state", state.toString(),
        "--max-age", "none")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve("stderr-" + System.nanoTime() + ".txt").toFile())
        .start();
  }

  private Path completeRun(Path feeds, Path state) throws Exception {
    Process run = start(feeds, state);
    assertTrue(run.waitFor(60, TimeUnit.SECONDS), "run finishes");
    assertEquals(0, run.exitValue(), "the completing run succeeds");
    return state.resolve("outbox.jsonl");
  }

  /** SIGKILL the moment the outbox gains a line; false when the run ended first. */
  private static boolean killWhenOutboxGrows(Process run, Path state) throws Exception {
    Path outbox = state.resolve("outbox.jsonl");
    long before = Files.exists(outbox) ? Files.size(outbox) : 0;
    while (run.isAlive()) {
      if (Files.exists(outbox) && Files.size(outbox) > before) {
        return kill(run);
      }
      Thread.onSpinWait();
    }
    return false;
  }

  private static boolean killAfter(Process run, long millis) throws Exception {
    return !run.waitFor(millis, TimeUnit.MILLISECONDS) && kill(run);
  }

  private static boolean kill(Process run) throws InterruptedException {
    run.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
    run.waitFor();
    return true;
  }

  private static List<String> eventKeyLines(Path outbox) throws IOException {
    List<String> keys = new ArrayList<>();
    for (String line : Files.readAllLines(outbox)) {
      keys.add(OutboxAlertPublisher.eventKeyOf(line));
    }
    return keys;
  }

  private static Set<String> eventKeys(Path outbox) throws IOException {
    return new TreeSet<>(eventKeyLines(outbox));
  }
}
