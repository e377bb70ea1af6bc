package com.capexalerts.core.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdaptiveScheduleTest {
  private static final Duration RATE = Duration.ofMinutes(5);
  private static final Duration WINDOW = RATE;
  private final AdaptiveSchedule schedule = new AdaptiveSchedule(RATE);
  private final Instant t0 = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void aQuietFeedWritesOnlyWhenItsIntervalDoublesAndEndsAtADay() {
    PollState s = schedule.changed(PollState.fresh("u", null), t0, null, "h", List.of());
    assertEquals(RATE, s.interval());
    int writes = 0;
    Instant now = t0;
    for (int tick = 1; tick <= 12 * 24 * 4; tick++) {
      now = now.plus(RATE);
      if (!schedule.isDue(s, now, WINDOW)) {
        continue;
      }
      PollState next = schedule.unchanged(s, now, null);
      if (next != s) {
        writes++;
      }
      s = next;
    }
    assertEquals(AdaptiveSchedule.MAX_INTERVAL, s.interval(), "four quiet days: polled once a day");
    assertTrue(writes <= 10, "writes only when the interval doubles, was " + writes);
    PollState settled = s;
    Instant later = now.plus(s.interval());
    assertSame(settled, schedule.unchanged(settled, later.minusSeconds(1), null), "a day-interval 304 writes nothing");
  }

  @Test
  void dueOnTheGridOnlyInTheTickThatHoldsTheSlot() {
    PollState s = PollState.fresh("u", null).withSchedule(Duration.ofMinutes(20), t0);
    assertTrue(schedule.isDue(s, t0, WINDOW));
    assertFalse(schedule.isDue(s, t0.plus(RATE), WINDOW));
    assertFalse(schedule.isDue(s, t0.plus(RATE.multipliedBy(3)), WINDOW));
    assertTrue(schedule.isDue(s, t0.plus(Duration.ofMinutes(20)).plusSeconds(90), WINDOW), "a late tick");
    PollState grown = schedule.changed(PollState.fresh("u", null), t0, Duration.ofMinutes(20), "h", List.of());
    assertFalse(schedule.isDue(grown, t0.plus(Duration.ofMinutes(15)).plusSeconds(20), WINDOW));
    assertTrue(schedule.isDue(grown, t0.plus(Duration.ofMinutes(20)).minusSeconds(20), WINDOW), "an early tick");
    assertFalse(schedule.isDue(grown, t0.plus(Duration.ofMinutes(25)).plusSeconds(20), WINDOW), "once per slot");
    assertFalse(schedule.isDue(s, t0.minusSeconds(1), WINDOW));
    PollState disabled = new PollState("u", null, false, null, null, null, List.of(), null, null, null, null, 0, null);
    assertFalse(schedule.isDue(disabled, t0, WINDOW));
  }

  @Test
  void aFeedPublishingHourlyIsPolledEveryHalfHour() {
    PollState s = PollState.fresh("u", null);
    Instant now = t0;
    for (int i = 0; i < 10; i++) {
      s = schedule.changed(s, now, null, "h" + i, List.of());
      now = now.plus(Duration.ofHours(1));
    }
    assertEquals(Duration.ofMinutes(30), s.interval());
  }

  @Test
  void maxAgeRetryAfterAndBackoff() {
    PollState s = schedule.changed(PollState.fresh("u", null), t0, Duration.ofHours(2), "h", List.of());
    assertEquals(Duration.ofHours(2), s.interval(), "never before Cache-Control max-age runs out");
    PollState limited = schedule.failed(s, t0, "HTTP 503", Optional.of(t0.plus(Duration.ofMinutes(30))));
    assertEquals(t0.plus(Duration.ofMinutes(30)), limited.nextDueAt(), "Retry-After honoured");
    assertEquals(1, limited.consecutiveFailures());
    PollState f = s;
    for (int i = 0; i < 3; i++) {
      f = schedule.failed(f, t0, "HTTP 500", Optional.empty());
    }
    assertEquals(t0.plus(RATE.multipliedBy(4)).minus(RATE.dividedBy(10)), f.nextDueAt(), "exponential backoff");
    assertTrue(schedule.isDue(f, f.nextDueAt().plusSeconds(1), WINDOW), "a failing feed is retried once it is time");
    PollState recovered = schedule.unchanged(f, f.nextDueAt().plusSeconds(1), null);
    assertEquals(0, recovered.consecutiveFailures());
  }
}
