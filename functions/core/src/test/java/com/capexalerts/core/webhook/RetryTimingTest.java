package com.capexalerts.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryTimingTest {
  /** Always draws the top of the range, so the ceiling is visible. */
  static final RandomGenerator HIGHEST = new RandomGenerator() {
    @Override
    public long nextLong() {
      throw new UnsupportedOperationException();
    }

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  };

  private static final Duration BASE = Duration.ofMillis(100);
  private static final Duration CAP = Duration.ofMillis(1000);

  @Test
  void ceilingDoublesPerAttemptUpToTheCap() {
    assertEquals(Duration.ofMillis(100), RetryTiming.fullJitter(1, BASE, CAP, HIGHEST));
    assertEquals(Duration.ofMillis(200), RetryTiming.fullJitter(2, BASE, CAP, HIGHEST));
    assertEquals(Duration.ofMillis(400), RetryTiming.fullJitter(3, BASE, CAP, HIGHEST));
    assertEquals(Duration.ofMillis(1000), RetryTiming.fullJitter(5, BASE, CAP, HIGHEST));
    assertEquals(Duration.ofMillis(1000), RetryTiming.fullJitter(500, BASE, CAP, HIGHEST));
  }

  @Test
  void drawsSpreadOverTheWholeRange() {
    var random = new SplittableRandom(42);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int k = 0; k < 2000; k++) {
      long ms = RetryTiming.fullJitter(3, BASE, CAP, random).toMillis();
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
    assertTrue(min <= 10 && min >= 0, "min " + min);
    assertTrue(max >= 390 && max <= 400, "max " + max);
  }

  @Test
  void retryAfterSecondsAndHttpDates() {
    Instant now = Instant.parse("2025-02-24T08:30:00Z");
    assertEquals(Optional.of(Duration.ofSeconds(120)), RetryTiming.parseRetryAfter(" 120 ", now));
    assertEquals(Optional.of(Duration.ofSeconds(90)),
        RetryTiming.parseRetryAfter("Mon, 24 Feb 2025 08:31:30 GMT", now));
    assertEquals(Optional.of(Duration.ZERO), RetryTiming.parseRetryAfter("Mon, 24 Feb 2025 08:00:00 GMT", now));
    assertEquals(Optional.empty(), RetryTiming.parseRetryAfter("soon", now));
    assertEquals(Optional.empty(), RetryTiming.parseRetryAfter("-5", now));
    assertEquals(Optional.empty(), RetryTiming.parseRetryAfter(null, now));
    assertTrue(RetryTiming.parseRetryAfter("99999999999999999999999", now).orElseThrow().toDays() > 1000);
  }
}
