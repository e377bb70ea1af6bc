package com.capexalerts.cli.state;

import static com.capexalerts.testsupport.contract.AnnouncementStoreContract.event;
import static com.capexalerts.testsupport.contract.AnnouncementStoreContract.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementStore;
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
    // Two events in one file: each process adds to its own, so a lost update shows as a missing source.
    Announcement childEvent = event("alibaba-2025-02-24-53b", "Alibaba", "53000000000", t0,
        source("https://www.alizila.com/a/", "Alizila", t0));
    Announcement parentEvent = event("microsoft-2025-01-03-80b", "Microsoft", "80000000000", t0,
        source("https://blogs.microsoft.com/a/", "Microsoft", t0));
    FileAnnouncementStore store = new FileAnnouncementStore(dir);
    store.create(childEvent);
    store.create(parentEvent);
    int writes = AnnouncementStore.MAX_SOURCES - 1;
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SourceWriter.class.getName(), dir.toString(),
        childEvent.key().value(), "child", Integer.toString(writes), "20")
        .inheritIO().start();
    // Start writing only once the child writes too, so the two really overlap.
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (store.get(childEvent.key()).orElseThrow().sources().size() < 2 && System.nanoTime() < waitUntil) {
      Thread.sleep(2);
    }
    int childDoneBefore = store.get(childEvent.key()).orElseThrow().sources().size() - 1;

    SourceWriter.main(new String[] {dir.toString(), parentEvent.key().value(), "parent", Integer.toString(writes)});

    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child process did not finish");
    assertEquals(0, child.exitValue(), "the child process failed");
    assertTrue(childDoneBefore < writes, "the child finished before the parent started: no overlap");
    assertEquals(AnnouncementStore.MAX_SOURCES, store.get(childEvent.key()).orElseThrow().sources().size());
    assertEquals(AnnouncementStore.MAX_SOURCES, store.get(parentEvent.key()).orElseThrow().sources().size());
  }
}
