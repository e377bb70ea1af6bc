package com.capexalerts.core.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a failing feed may be tried again: {@code base * 2^(failures-1)}, capped at {@code max}. With the schedule
 * rate as base the first failure waits for the next poll, the second skips one, and so on up to the cap.
 */
public record Backoff(Duration base, Duration max) {
  /** The longest Retry-After honoured; a larger value is read as a misconfigured server. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isZero() || base.isNegative() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < base <= max, was base " + base + ", max " + max);
    }
  }

  /** The delay after {@code consecutiveFailures} failures in a row (at least 1). */
  public Duration delay(int consecutiveFailures) {
    int exponent = Math.max(0, consecutiveFailures - 1);
    if (exponent >= 30) {
      return max;
    }
    Duration delay = base.multipliedBy(1L << exponent);
    return delay.compareTo(max) > 0 ? max : delay;
  }

  /**
   * The earliest next attempt after a failure: the server's Retry-After when it gave one (at most
   * {@link #MAX_RETRY_AFTER} ahead), else the exponential delay less a tenth of the base. Scheduled runs drift by
   * seconds, so without that allowance a delay of exactly one interval would regularly miss the run it aims at.
   */
  public Instant nextAttempt(int consecutiveFailures, Instant now, Optional<Instant> retryAfter) {
    return retryAfter
        .map(at -> at.isAfter(now.plus(MAX_RETRY_AFTER)) ? now.plus(MAX_RETRY_AFTER) : at)
        .orElseGet(() -> now.plus(delay(consecutiveFailures)).minus(base.dividedBy(10)));
  }

  /** True when the feed may be fetched now. */
  public boolean isDue(FeedState state, Instant now) {
    Instant next = state.nextAttemptAt();
    return next == null || !next.isAfter(now);
  }
}
