package com.capexalerts.cli.state;

import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import java.nio.file.Path;
import java.time.Instant;

/** Run in a second JVM by {@link CrossProcessLockTest}: adds numbered sources to one event. */
public final class SourceWriter {
  public static void main(String[] args) throws InterruptedException {
    FileAnnouncementStore store = new FileAnnouncementStore(Path.of(args[0]));
    EventKey key = new EventKey(args[1]);
    int count = Integer.parseInt(args[3]);
    for (int i = 0; i < count; i++) {
      String link = "https://" + args[2] + ".example/" + i;
      if (!store.addSource(key, new Source(link, args[2], "t" + i, Instant.EPOCH))) {
        throw new IllegalStateException("addSource refused new link " + link);
      }
      if (args.length > 4) {
        Thread.sleep(Long.parseLong(args[4])); // the child paces its writes so the parent overlaps it on a busy host
      }
    }
  }
}
