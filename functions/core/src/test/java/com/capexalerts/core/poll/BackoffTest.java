package com.capexalerts.core.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Instant NOW = Instant.parse("2025-02-24T09:00:00Z");
  private final Backoff backoff = new Backoff(Duration.ofMinutes(15), Duration.ofHours(6));

  @Test
  void doublesFromTheScheduleRateUpToSixHours() {
    List<Duration> delays = IntStream.rangeClosed(1, 8).mapToObj(backoff::delay).toList();

    assertEquals(List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
        Duration.ofHours(4), Duration.ofHours(6), Duration.ofHours(6), Duration.ofHours(6)), delays);
    assertEquals(Duration.ofHours(6), backoff.delay(1000), "no overflow after many failures");
  }

  @Test
  void theNextAttemptAllowsForScheduleDriftButRetryAfterIsExact() {
    assertEquals(NOW.plus(Duration.ofMinutes(15)).minus(Duration.ofSeconds(90)),
        backoff.nextAttempt(1, NOW, Optional.empty()), "the next scheduled run, even a little early, retries");
    assertEquals(NOW.plus(Duration.ofHours(1)).minus(Duration.ofSeconds(90)),
        backoff.nextAttempt(3, NOW, Optional.empty()));
    assertEquals(NOW.plusSeconds(120), backoff.nextAttempt(5, NOW, Optional.of(NOW.plusSeconds(120))));
    assertEquals(NOW.plus(Duration.ofHours(24)), backoff.nextAttempt(1, NOW, Optional.of(NOW.plus(Duration.ofDays(9)))));
  }

  @Test
  void aFeedIsDueFromItsNextAttemptOn() {
    FeedState waiting = new FeedState("u", null, null, null, 1, "HTTP 429", NOW.plusSeconds(120));

    assertTrue(backoff.isDue(FeedState.fresh("u"), NOW));
    assertFalse(backoff.isDue(waiting, NOW.plusSeconds(119)));
    assertTrue(backoff.isDue(waiting, NOW.plusSeconds(120)));
  }

  @Test
  void invalidBoundsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofHours(1)));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofHours(2), Duration.ofHours(1)));
  }
}
