package com.capexalerts.core.poll;

import com.capexalerts.core.alert.Thresholds;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How one poll behaves.
 *
 * @param thresholds       minimum USD amounts that alert
 * @param maxAge           items published longer ago are recorded as seen but never alerted; null disables the rule
 * @param dedupeTolerance  amounts within this fraction of each other are one event (0.10)
 * @param dedupeWindow     publication times within this span may be one event (30 days)
 * @param fetchConcurrency feeds fetched at the same time
 * @param backoff          delays for failing feeds (base = the schedule rate)
 * @param seenTtl          how long seen-item records live; longer than {@code maxAge}, so expired records only
 *                         concern items too old to alert anyway
 */
public record PollerConfig(
    Thresholds thresholds,
    Duration maxAge,
    BigDecimal dedupeTolerance,
    Duration dedupeWindow,
    int fetchConcurrency,
    Backoff backoff,
    Duration seenTtl) {
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(14);
  public static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("0.10");
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
  public static final int DEFAULT_CONCURRENCY = 8;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(15);
  public static final Duration MAX_BACKOFF = Duration.ofHours(6);
  public static final Duration DEFAULT_SEEN_TTL = Duration.ofDays(180);

  public PollerConfig {
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(dedupeTolerance, "dedupeTolerance");
    Objects.requireNonNull(dedupeWindow, "dedupeWindow");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(seenTtl, "seenTtl");
    if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
      throw new IllegalArgumentException("max age must be positive (or none), was " + maxAge);
    }
    if (fetchConcurrency < 1 || fetchConcurrency > 64) {
      throw new IllegalArgumentException("fetch concurrency must be 1..64, was " + fetchConcurrency);
    }
    if (maxAge != null && seenTtl.compareTo(maxAge) <= 0) {
      throw new IllegalArgumentException("seen-item TTL " + seenTtl + " must be longer than the max age " + maxAge);
    }
  }

  public static PollerConfig defaults() {
    return new PollerConfig(Thresholds.defaults(), DEFAULT_MAX_AGE, DEFAULT_TOLERANCE, DEFAULT_WINDOW,
        DEFAULT_CONCURRENCY, new Backoff(DEFAULT_POLL_INTERVAL, MAX_BACKOFF), DEFAULT_SEEN_TTL);
  }

  public PollerConfig withThresholds(Thresholds t) {
    return new PollerConfig(t, maxAge, dedupeTolerance, dedupeWindow, fetchConcurrency, backoff, seenTtl);
  }

  public PollerConfig withMaxAge(Duration age) {
    return new PollerConfig(thresholds, age, dedupeTolerance, dedupeWindow, fetchConcurrency, backoff, seenTtl);
  }

  public PollerConfig withDedupe(BigDecimal tolerance, Duration window) {
    return new PollerConfig(thresholds, maxAge, tolerance, window, fetchConcurrency, backoff, seenTtl);
  }

  public PollerConfig withFetchConcurrency(int n) {
    return new PollerConfig(thresholds, maxAge, dedupeTolerance, dedupeWindow, n, backoff, seenTtl);
  }

  public PollerConfig withBackoff(Backoff b) {
    return new PollerConfig(thresholds, maxAge, dedupeTolerance, dedupeWindow, fetchConcurrency, b, seenTtl);
  }

  public PollerConfig withSeenTtl(Duration ttl) {
    return new PollerConfig(thresholds, maxAge, dedupeTolerance, dedupeWindow, fetchConcurrency, backoff, ttl);
  }
}
