package com.capexalerts.core.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How one feed is doing, from its stored state: the view of {@code status}, {@code GET /feeds} and the metrics.
 *
 * @param state  the stored state
 * @param status one word: ok, failing, backing-off, stale, disabled, never-polled
 * @param stale  true when no new item came for much longer than the feed's usual gap ({@link #staleAfter})
 */
public record FeedHealth(FeedState state, Status status, boolean stale) {
  /** A feed is stale after this many usual gaps without a new item ... */
  public static final int STALE_GAPS = 5;
  /** ... and never before this long, so a feed that posts every hour is not stale after five quiet hours. */
  public static final Duration MIN_STALE = Duration.ofDays(2);

  public enum Status {
    OK, FAILING, BACKING_OFF, STALE, DISABLED, NEVER_POLLED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public static FeedHealth of(FeedState s, Instant now) {
    boolean stale = isStale(s, now);
    Status status;
    if (s.listed() && !s.enabled()) {
      status = Status.DISABLED;
    } else if (s.consecutiveFailures() > 0) {
      status = s.nextAttemptAt() != null && s.nextAttemptAt().isAfter(now) ? Status.BACKING_OFF : Status.FAILING;
    } else if (s.lastSuccess() == null) {
      status = Status.NEVER_POLLED;
    } else {
      status = stale ? Status.STALE : Status.OK;
    }
    return new FeedHealth(s, status, stale);
  }

  /** When the feed counts as stale: its last new item plus the larger of five usual gaps and two days. */
  public static Instant staleAfter(FeedState s) {
    if (s.lastNewItemAt() == null || s.newItemGap() == null) {
      return null;
    }
    Duration allowed = s.newItemGap().multipliedBy(STALE_GAPS);
    return s.lastNewItemAt().plus(allowed.compareTo(MIN_STALE) < 0 ? MIN_STALE : allowed);
  }

  static boolean isStale(FeedState s, Instant now) {
    Instant after = staleAfter(s);
    return after != null && now.isAfter(after);
  }

  public boolean failing() {
    return status == Status.FAILING || status == Status.BACKING_OFF;
  }
}
