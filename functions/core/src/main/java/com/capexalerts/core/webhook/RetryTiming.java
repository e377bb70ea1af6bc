package com.capexalerts.core.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** How long to wait before the next attempt. */
final class RetryTiming {
  private RetryTiming() {}

  /**
   * "Full jitter" backoff after attempt {@code failedAttempt} (1-based): uniform in [0, min(cap, base·2^(n-1))]. The
   * randomness spreads the retries of many deliveries so a receiver that recovers is not hit by all of them at once.
   */
  static Duration fullJitter(int failedAttempt, Duration base, Duration cap, RandomGenerator random) {
    long baseMillis = base.toMillis();
    int doublings = Math.min(failedAttempt - 1, 40);
    long ceiling = baseMillis > (Long.MAX_VALUE >> doublings) ? Long.MAX_VALUE : baseMillis << doublings;
    ceiling = Math.min(ceiling, cap.toMillis());
    return Duration.ofMillis(ceiling <= 0 ? 0 : random.nextLong(ceiling + 1));
  }

  /**
   * A {@code Retry-After} value: delay seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"). A date in the
   * past gives zero. Empty when absent or unreadable (then the caller uses its own backoff).
   */
  static Optional<Duration> parseRetryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
      } catch (NumberFormatException tooLong) {
        return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
