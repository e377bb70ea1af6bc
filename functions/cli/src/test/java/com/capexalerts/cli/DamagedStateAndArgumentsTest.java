package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Damaged state, a held lock and arguments that used to hang, exhaust the heap or fail every feed silently. */
@Timeout(120)
class DamagedStateAndArgumentsTest {
  private static final String SAMPLES = Path.of("../../events/sample-feeds").toString();

  @TempDir Path dir;

  @Test
  void anEmptyAnnouncementsFileIsRefusedNamingItInsteadOfAlertingEverythingAgain() throws Exception {
    Path state = dir.resolve("state");
    Cli.Result first = Cli.run("run", "--state", state.toString(), "--feed", SAMPLES, "--max-age", "none");
    assertEquals(0, first.exit(), first.err());
    Files.write(state.resolve("announcements.json"), new byte[0]);

    Cli.Result again = Cli.run("run", "--state", state.toString(), "--feed", SAMPLES, "--max-age", "none");

    assertEquals(1, again.exit(), again.err());
    assertEquals("", again.out(), "no alert sent again");
    assertTrue(again.err().contains(state.resolve("announcements.json").toRealPath().toString() + " is empty"),
        again.err());
  }

  /** Holds the state lock the way the CLI takes it, as another process would. */
  public static final class LockHolder {
    public static void main(String[] args) throws Exception {
      Path lock = Path.of(args[0], ".lock");
      try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        channel.lock();
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
            .getBytes(StandardCharsets.US_ASCII)));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(60_000);
      }
    }
  }

  @Test
  void aHeldLockIsWaitedForWithinABoundNamingTheLockAndItsHolder() throws Exception {
    Path state = Files.createDirectories(dir.resolve("locked"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process holder = new ProcessBuilder(java, "-cp", classpath, LockHolder.class.getName(), state.toString()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", out.readLine());
      ProcessBuilder run = new ProcessBuilder(java, "-cp", classpath, CapexAlerts.class.getName(), "run",
          "--state", state.toString(), "--feed", SAMPLES);
      run.environment().put("CAPEX_STATE_LOCK_TIMEOUT", "PT2S");
      Path err = dir.resolve("run.err");
      Process waiting = run.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();

      assertTrue(waiting.waitFor(60, TimeUnit.SECONDS), "the run gives up instead of waiting forever");
      String log = Files.readString(err);
      assertEquals(1, waiting.exitValue(), log);
      assertTrue(log.contains("waiting for the lock " + state.toRealPath().resolve(".lock") + " held by process "
          + holder.pid()), log);
      assertTrue(log.contains("is locked by process " + holder.pid()), log);
    } finally {
      holder.destroyForcibly();
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--threshold-usd | 1e999999999      | --threshold-usd must be at most 1e15",
      "--max-age       | 99999999999999d  | more than ten years",
      "--feed          | ftp://example.com/feed.xml | unsupported URL scheme \"ftp\"",
  })
  void outOfRangeArgumentsAreUsageErrors(String option, String value, String expected) {
    Cli.Result r = Cli.run("run", "--state", dir.resolve("s").toString(), "--feed", SAMPLES, option, value);
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(expected), r.err());
  }

  @Test
  void aMalformedWatchlistIsNamed() throws Exception {
    Path watchlist = Files.writeString(dir.resolve("my-watchlist.json"), "{\"companies\": [");
    Cli.Result r = Cli.run("run", "--state", dir.resolve("s").toString(), "--feed", SAMPLES, "--watchlist",
        watchlist.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(watchlist.toString()), r.err());
    assertFalse(Files.exists(dir.resolve("s").resolve("announcements.json")), "nothing polled");
  }
}
