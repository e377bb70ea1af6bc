package com.capexalerts.core.poll;

import com.capexalerts.core.fetch.FailureClass;
import java.time.Instant;

/**
 * One feed's part of a poll.
 *
 * @param url           the feed
 * @param name          its name
 * @param status        what happened
 * @param items         items in the fetched body (0 unless fetched)
 * @param newItems      items not seen before
 * @param tooOld        new items older than the max age: recorded as seen, never alerted
 * @param error         why the feed failed (or what went wrong saving its state), else null
 * @param nextAttemptAt the feed is not fetched before this time, or null
 * @param errorClass    the class of the failure of a FAILED feed, else null
 */
public record FeedReport(
    String url,
    String name,
    FeedStatus status,
    int items,
    int newItems,
    int tooOld,
    String error,
    Instant nextAttemptAt,
    FailureClass errorClass) {
  public FeedReport(String url, String name, FeedStatus status, int items, int newItems, int tooOld, String error,
      Instant nextAttemptAt) {
    this(url, name, status, items, newItems, tooOld, error, nextAttemptAt,
        status == FeedStatus.FAILED ? FailureClass.OTHER : null);
  }
}
