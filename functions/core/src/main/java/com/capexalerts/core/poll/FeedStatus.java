package com.capexalerts.core.poll;

import java.util.Locale;

/** What happened to one feed in one poll. */
public enum FeedStatus {
  /** Fetched and its items processed. */
  FETCHED,
  /** The server (or file) said unchanged: nothing parsed, nothing written but the feed state. */
  NOT_MODIFIED,
  /** Fetch or parse failed; the failure is recorded and the feed backs off. */
  FAILED,
  /** Still backing off from earlier failures: not fetched. */
  BACKING_OFF,
  /** Not started because the poll's deadline was near. */
  SKIPPED_DEADLINE;

  /** "not-modified", "skipped-deadline", ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
