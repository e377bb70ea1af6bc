package com.capexalerts.cli.state;

import static com.capexalerts.testsupport.contract.AnnouncementStoreContract.event;
import static com.capexalerts.testsupport.contract.AnnouncementStoreContract.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.Announcement;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes writing one state directory at the same time lose nothing: the file lock serialises them. */
class CrossProcessLockTest {
  @TempDir
  Path dir;

  @Test
  void concurrentRunsInTwoProcessesKeepEveryWrite() throws Exception {
    Instant t0 = Instant.parse("2025-02-24T09:30:00Z");
    Announcement event = event("alibaba-2025-02-24-53b", "Alibaba", "53000000000", t0,
        source("https://www.alizila.com/a/", "Alizila", t0));
    new FileAnnouncementStore(dir).create(event);
    int childWrites = 150;
    int parentWrites = 100;
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SourceWriter.class.getName(), dir.toString(),
        event.key().value(), "child", Integer.toString(childWrites))
        .inheritIO().start();
    // Start writing only once the child writes too, so the two really overlap.
    FileAnnouncementStore store = new FileAnnouncementStore(dir);
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (store.get(event.key()).orElseThrow().sources().size() < 2 && System.nanoTime() < waitUntil) {
      Thread.sleep(5);
    }
    int childDoneBefore = store.get(event.key()).orElseThrow().sources().size() - 1;

    SourceWriter.main(new String[] {dir.toString(), event.key().value(), "parent", Integer.toString(parentWrites)});

    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child process did not finish");
    assertEquals(0, child.exitValue(), "the child process failed");
    assertTrue(childDoneBefore < childWrites, "the child finished before the parent started: no overlap");
    assertEquals(1 + childWrites + parentWrites, store.get(event.key()).orElseThrow().sources().size());
  }
}
