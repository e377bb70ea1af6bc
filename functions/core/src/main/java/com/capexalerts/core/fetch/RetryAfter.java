package com.capexalerts.core.fetch;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The Retry-After header (RFC 9110 section 10.2.3): delay in seconds or an HTTP-date. */
public final class RetryAfter {
  private RetryAfter() {}

  /**
   * The time before which the server asks not to be called again, or empty when the header is absent or unreadable
   * (then the caller's own backoff applies). A date in the past yields {@code now}.
   */
  public static Optional<Instant> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Optional.of(now.plusSeconds(Long.parseLong(value)));
      } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException tooLarge) {
        return Optional.empty();
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isBefore(now) ? now : at);
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }
}
