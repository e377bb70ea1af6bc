package com.capexalerts.cli.state;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The local stores over one state directory: announcements.json, feeds.json, seen-items.json and ledger.json.
 * Same semantics as the DynamoDB stores (conditional create, idempotent addSource, notification claims).
 */
public record FileStores(FileAnnouncementStore announcements, FileFeedStateStore feedStates,
    FileSeenItemStore seenItems, FileCommitmentLedger ledger) {
  public static FileStores open(Path stateDirectory, Clock clock) {
    StateDirectory dir = new StateDirectory(stateDirectory);
    return new FileStores(new FileAnnouncementStore(dir), new FileFeedStateStore(dir),
        new FileSeenItemStore(dir, clock), new FileCommitmentLedger(dir));
  }

  public static FileStores open(Path stateDirectory) {
    return open(stateDirectory, Clock.systemUTC());
  }
}
