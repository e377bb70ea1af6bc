package com.capexalerts.notifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Notifier;
import com.capexalerts.core.alert.Notifier.Outcome;
import com.capexalerts.core.alert.Notifier.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The exactly-once rules of the Notifier domain service, on the in-memory store. */
class NotifierTest {
  private static final Duration LEASE = Duration.ofSeconds(90);
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-02-24T08:20:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private final InMemoryAnnouncementStore store = new InMemoryAnnouncementStore();
  private final RecordingPublisher publisher = new RecordingPublisher();

  private Notifier notifier(AnnouncementStore s) {
    return new Notifier(s, publisher, clock, LEASE);
  }

  @Test
  void publishesOnceAndRecordsTheMessageId() {
    store.create(Events.alibaba());
    Notifier notifier = notifier(store);

    Outcome first = notifier.notify(Events.ALIBABA, "stream:1");
    Outcome again = notifier.notify(Events.ALIBABA, "stream:1");
    Outcome other = notifier.notify(Events.ALIBABA, "stream:2");

    assertEquals(Status.PUBLISHED, first.status());
    assertEquals("msg-1", first.messageId());
    assertEquals(Status.ALREADY_PUBLISHED, again.status());
    assertEquals(Status.ALREADY_PUBLISHED, other.status());
    assertFalse(again.retry());
    assertEquals(1, publisher.published().size());
    assertEquals(Events.alibaba(), publisher.published().getFirst());
    assertEquals("msg-1", store.notification(Events.ALIBABA).messageId());
    assertEquals(now.get(), store.notification(Events.ALIBABA).notifiedAt());
  }

  @Test
  void aFailedPublishGivesTheClaimBackSoTheRetryPublishes() {
    store.create(Events.alibaba());
    publisher.failNext(1);
    Notifier notifier = notifier(store);

    Outcome failed = notifier.notify(Events.ALIBABA, "stream:1");
    assertEquals(Status.FAILED, failed.status());
    assertTrue(failed.retry());
    assertTrue(failed.detail().contains("simulated outage"), failed.detail());
    assertNull(store.notification(Events.ALIBABA).claimant(), "claim released");

    // The retry may come from another claimant (a redrive) and must not wait for the lease.
    Outcome retried = notifier.notify(Events.ALIBABA, "redrive:7");
    assertEquals(Status.PUBLISHED, retried.status());
    assertEquals(2, publisher.attempts());
    assertEquals(1, publisher.published().size());
  }

  @Test
  void aClaimHeldByAnotherLiveNotifierIsReportedForRetryUntilItsLeaseRunsOut() {
    store.create(Events.alibaba());
    assertEquals(AnnouncementStore.Claim.CLAIMED,
        store.claimNotification(Events.ALIBABA, "other-notifier", now.get(), LEASE));
    Notifier notifier = notifier(store);

    Outcome held = notifier.notify(Events.ALIBABA, "stream:1");
    assertEquals(Status.HELD_BY_OTHER, held.status());
    assertTrue(held.retry());
    assertEquals(0, publisher.attempts());

    now.set(now.get().plus(LEASE).plusSeconds(1)); // the other one crashed: its claim expires
    Outcome taken = notifier.notify(Events.ALIBABA, "stream:1");
    assertEquals(Status.PUBLISHED, taken.status());
    assertEquals(1, publisher.published().size());
  }

  @Test
  void theSameClaimantRetakesItsOwnClaimAtOnceAfterACrash() {
    store.create(Events.alibaba());
    // A first attempt for stream record 1 claimed and died before publishing.
    store.claimNotification(Events.ALIBABA, "stream:1", now.get(), LEASE);

    Outcome retry = notifier(store).notify(Events.ALIBABA, "stream:1");

    assertEquals(Status.PUBLISHED, retry.status());
    assertEquals(1, publisher.published().size());
  }

  @Test
  void anUnknownEventIsMissingAndNotRetried() {
    Outcome missing = notifier(store).notify(new EventKey("nobody#2025-01-01#x"), "stream:1");
    assertEquals(Status.MISSING, missing.status());
    assertFalse(missing.retry());
    assertEquals(0, publisher.attempts());
  }

  @Test
  void whenRecordingThePublishFailsTheClaimIsKeptAndNoRetryIsAsked() {
    InMemoryAnnouncementStore flaky = new InMemoryAnnouncementStore() {
      @Override
      public synchronized void markPublished(EventKey key, String claimant, String messageId, Instant at) {
        throw new IllegalStateException("throttled");
      }
    };
    flaky.create(Events.alibaba());
    Notifier notifier = notifier(flaky);

    Outcome outcome = notifier.notify(Events.ALIBABA, "stream:1");
    assertEquals(Status.PUBLISHED_UNRECORDED, outcome.status());
    assertEquals("msg-1", outcome.messageId());
    assertFalse(outcome.retry(), "a retry would send the alert twice");
    assertTrue(outcome.detail().contains("throttled"), outcome.detail());
    assertEquals("stream:1", flaky.notification(Events.ALIBABA).claimant(), "claim kept");
    assertEquals(Status.HELD_BY_OTHER, notifier.notify(Events.ALIBABA, "stream:2").status());
    assertEquals(1, publisher.published().size());
  }

  @Test
  void aStoreOutageDuringTheClaimIsAFailureToRetry() {
    InMemoryAnnouncementStore down = new InMemoryAnnouncementStore() {
      @Override
      public synchronized Claim claimNotification(EventKey key, String claimant, Instant at, Duration lease) {
        throw new IllegalStateException("connection refused");
      }
    };
    Outcome outcome = notifier(down).notify(Events.ALIBABA, "stream:1");
    assertEquals(Status.FAILED, outcome.status());
    assertTrue(outcome.retry());
    assertTrue(outcome.detail().contains("connection refused"), outcome.detail());
    assertEquals(0, publisher.attempts());
  }

  @Test
  void aFailedReleaseIsReportedAndTheLeaseStillFreesTheClaim() {
    InMemoryAnnouncementStore sticky = new InMemoryAnnouncementStore() {
      @Override
      public synchronized void releaseClaim(EventKey key, String claimant) {
        throw new IllegalStateException("release lost");
      }
    };
    sticky.create(Events.alibaba());
    publisher.failNext(1);
    Notifier notifier = notifier(sticky);

    Outcome failed = notifier.notify(Events.ALIBABA, "stream:1");
    assertEquals(Status.FAILED, failed.status());
    assertTrue(failed.detail().contains("release lost"), failed.detail());
    assertEquals(Status.HELD_BY_OTHER, notifier.notify(Events.ALIBABA, "redrive:1").status());

    now.set(now.get().plus(LEASE).plusSeconds(1));
    assertEquals(Status.PUBLISHED, notifier.notify(Events.ALIBABA, "redrive:1").status());
    assertEquals(1, publisher.published().size());
  }

  @Test
  void aNonPositiveLeaseIsRejected() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new Notifier(store, publisher, clock, Duration.ZERO));
    assertTrue(e.getMessage().contains("PT0S"), e.getMessage());
  }
}
