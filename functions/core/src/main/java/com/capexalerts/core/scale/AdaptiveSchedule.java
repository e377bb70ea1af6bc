package com.capexalerts.core.scale;

import com.capexalerts.core.poll.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How often each feed is polled. A feed is polled about twice per publishing gap (a smoothed time between body
 * changes), between the schedule rate and a day; never before its Cache-Control max-age runs out; at its Retry-After
 * when it gave one; and with exponential backoff while it fails.
 *
 * <p>A healthy feed is due on a grid, {@code nextDueAt + k * interval}, so a 304 answer writes nothing unless the
 * interval should grow; growth is recorded only when it at least doubles, so a quiet feed writes about eight times
 * on its way from five minutes to a day and then never again.
 */
public final class AdaptiveSchedule {
  public static final Duration MAX_INTERVAL = Duration.ofDays(1);
  /** Weight of the newest gap in the smoothed publishing gap. */
  private static final double NEWEST_WEIGHT = 0.3;

  private final Duration minimum;
  private final Backoff backoff;

  /** @param minimum the schedule rate: no feed is polled more often */
  public AdaptiveSchedule(Duration minimum) {
    this.minimum = Objects.requireNonNull(minimum, "minimum");
    if (minimum.isNegative() || minimum.isZero() || minimum.compareTo(MAX_INTERVAL) > 0) {
      throw new IllegalArgumentException("minimum interval must be in (0, 1 day], was " + minimum);
    }
    this.backoff = new Backoff(minimum, MAX_INTERVAL);
  }

  public Duration minimum() {
    return minimum;
  }

  /**
   * True when a slot of the feed's grid lies in (now - window, now]: with {@code window} the tick period, every
   * slot falls into exactly one tick; slots sit half a tick before a tick, so drift does not move them across.
   */
  public boolean isDue(PollState s, Instant now, Duration window) {
    if (!s.enabled()) {
      return false;
    }
    if (s.nextDueAt() == null) {
      return true;
    }
    if (s.nextDueAt().isAfter(now)) {
      return false;
    }
    Duration interval = s.interval() == null ? minimum : s.interval();
    long since = Duration.between(s.nextDueAt(), now).toMillis();
    long lastSlot = now.toEpochMilli() - since % interval.toMillis();
    return now.toEpochMilli() - lastSlot < window.toMillis() || s.consecutiveFailures() > 0;
  }

  /** After a 304 (or the same body): the same state when nothing needs writing. */
  public PollState unchanged(PollState s, Instant now, Duration maxAge) {
    PollState healthy = s.healthy();
    Duration target = target(s.publishGap(), s.lastChangeAt() == null ? null : Duration.between(s.lastChangeAt(), now),
        maxAge);
    Duration current = s.interval();
    boolean grow = current == null || target.compareTo(current.multipliedBy(2)) >= 0
        || (target.equals(MAX_INTERVAL) && current.compareTo(MAX_INTERVAL) < 0)
        || (maxAge != null && current.compareTo(clamp(maxAge)) < 0);
    if (grow || healthy != s || s.nextDueAt() == null) {
      Duration next = grow || current == null ? target : current;
      return healthy.withSchedule(next, slot(now, next));
    }
    return s;
  }

  /** After a changed body: the smoothed gap takes the new observation and the interval follows. */
  public PollState changed(PollState s, Instant now, Duration maxAge, String bodyHash, List<String> recentItems) {
    Duration gap = s.lastChangeAt() == null ? null : Duration.between(s.lastChangeAt(), now);
    Duration smoothed = gap == null ? s.publishGap()
        : s.publishGap() == null ? gap
        : Duration.ofMillis(Math.round(NEWEST_WEIGHT * gap.toMillis()
            + (1 - NEWEST_WEIGHT) * s.publishGap().toMillis()));
    Duration target = target(smoothed, null, maxAge);
    return s.withBody(bodyHash, recentItems, now, smoothed).withSchedule(target, slot(now, target));
  }

  /** After a failure: Retry-After when given (at most a day ahead), else exponential backoff from the minimum. */
  public PollState failed(PollState s, Instant now, String error, Optional<Instant> retryAfter) {
    int failures = s.consecutiveFailures() + 1;
    Instant next = backoff.nextAttempt(failures, now, retryAfter);
    PollState failed = s.withFailure(failures, error, next);
    return s.interval() == null ? failed.withSchedule(minimum, next) : failed;
  }

  /**
   * The grid's first slot: half a tick before the tick {@code interval} ahead, so schedule drift of up to half a tick
   * either way still puts each slot into exactly one tick's window.
   */
  private Instant slot(Instant now, Duration interval) {
    return now.plus(interval).minus(minimum.dividedBy(2));
  }

  private Duration target(Duration publishGap, Duration quiet, Duration maxAge) {
    Duration estimate = publishGap;
    if (quiet != null && (estimate == null || quiet.compareTo(estimate) > 0)) {
      estimate = quiet;
    }
    Duration target = estimate == null ? minimum : clamp(estimate.dividedBy(2));
    if (maxAge != null && clamp(maxAge).compareTo(target) > 0) {
      target = clamp(maxAge);
    }
    return target;
  }

  private Duration clamp(Duration d) {
    return d.compareTo(minimum) < 0 ? minimum : d.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : d;
  }
}
