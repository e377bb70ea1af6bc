package com.capexalerts.core.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2025-02-24T09:00:00Z");

  @Test
  void secondsAndHttpDates() {
    assertEquals(Optional.of(NOW.plusSeconds(120)), RetryAfter.parse("120", NOW));
    assertEquals(Optional.of(NOW), RetryAfter.parse(" 0 ", NOW));
    assertEquals(Optional.of(Instant.parse("2025-02-24T10:30:00Z")),
        RetryAfter.parse("Mon, 24 Feb 2025 10:30:00 GMT", NOW));
  }

  @Test
  void aPastDateMeansNow() {
    assertEquals(Optional.of(NOW), RetryAfter.parse("Sun, 23 Feb 2025 10:30:00 GMT", NOW));
  }

  @Test
  void absentOrUnreadableHeadersGiveNothing() {
    assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
    assertEquals(Optional.empty(), RetryAfter.parse("", NOW));
    assertEquals(Optional.empty(), RetryAfter.parse("-5", NOW));
    assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
    assertEquals(Optional.empty(), RetryAfter.parse("99999999999999999999999", NOW));
  }
}
