package com.capexalerts.testsupport.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.webhook.DeliveryAttempt;
import com.capexalerts.core.webhook.DeliveryInProgressException;
import com.capexalerts.core.webhook.DeliveryLog;
import com.capexalerts.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every shared {@link DeliveryLog} must do: claims with a lease, delivered markers, attempts. Subclasses give a
 * fresh, empty store per test and more logs over that same store (another function instance, another process).
 */
public abstract class DeliveryLogContract {
  protected static final Instant T0 = Instant.parse("2025-02-24T09:30:15.250Z");
  protected static final Duration LEASE = Duration.ofMinutes(2);
  private static final EventKey ALIBABA = new EventKey("alibaba-2025-02-24-cny-380000000000");
  private static final EventKey MICROSOFT = new EventKey("microsoft-2025-02-24-usd-80000000000");

  protected final MutableClock clock = new MutableClock(T0);
  private DeliveryLog log;

  /** A log over a new, empty store, on {@link #clock}, with claims of {@link #LEASE}. */
  protected abstract DeliveryLog newLog() throws Exception;

  /** Another log over the store that {@link #newLog()} made last, as another process would open it. */
  protected abstract DeliveryLog sameStore() throws Exception;

  /** The store's attempts of {@code webhookId}, newest first, at most {@code limit}. */
  protected abstract List<DeliveryAttempt> recentAttempts(String webhookId, int limit) throws Exception;

  /** Why concurrent claims cannot be checked on this store, or null when they can (see AnnouncementStoreContract). */
  protected String concurrencyUnsupportedReason() {
    return null;
  }

  @BeforeEach
  void createLog() throws Exception {
    log = newLog();
  }

  @Test
  void theFirstAskerClaimsAndOthersAreToldItIsUnderWay() throws Exception {
    assertFalse(log.alreadyDelivered("w1", ALIBABA), "nothing delivered: send it");

    DeliveryInProgressException e = assertThrows(DeliveryInProgressException.class,
        () -> sameStore().alreadyDelivered("w1", ALIBABA));
    assertTrue(e.getMessage().contains("w1") && e.getMessage().contains(ALIBABA.value()), e.getMessage());
    assertTrue(e.getMessage().contains(T0.plus(LEASE).toString()), e.getMessage());
    // Claims are per webhook and alert.
    assertFalse(sameStore().alreadyDelivered("w2", ALIBABA));
    assertFalse(sameStore().alreadyDelivered("w1", MICROSOFT));
  }

  @Test
  void aDeliveredAlertIsAlreadyDeliveredForEveryone() throws Exception {
    assertFalse(log.alreadyDelivered("w1", ALIBABA));
    log.recordDelivered("w1", ALIBABA, "d-1", T0.plusSeconds(1));

    assertTrue(log.alreadyDelivered("w1", ALIBABA));
    assertTrue(sameStore().alreadyDelivered("w1", ALIBABA));
    clock.advance(LEASE.multipliedBy(10));
    assertTrue(sameStore().alreadyDelivered("w1", ALIBABA), "delivered does not expire with the lease");
  }

  @Test
  void anExpiredClaimIsTakenAgain() throws Exception {
    assertFalse(log.alreadyDelivered("w1", ALIBABA));
    DeliveryLog other = sameStore();

    clock.advance(LEASE.minusSeconds(1));
    assertThrows(DeliveryInProgressException.class, () -> other.alreadyDelivered("w1", ALIBABA));
    clock.advance(Duration.ofSeconds(2));
    assertFalse(other.alreadyDelivered("w1", ALIBABA), "the first claimant crashed: its lease ran out");
    assertThrows(DeliveryInProgressException.class, () -> log.alreadyDelivered("w1", ALIBABA));
  }

  @Test
  void aReleasedClaimIsTakenAtOnceButADeliveryIsNeverReleased() throws Exception {
    assertFalse(log.alreadyDelivered("w1", ALIBABA));
    log.releaseClaim("w1", ALIBABA); // the delivery failed

    assertFalse(sameStore().alreadyDelivered("w1", ALIBABA), "the next try need not wait for the lease");
    sameStore().recordDelivered("w1", ALIBABA, "d-1", T0);
    log.releaseClaim("w1", ALIBABA);
    assertTrue(sameStore().alreadyDelivered("w1", ALIBABA), "delivered stays delivered");
    log.releaseClaim("w2", MICROSOFT); // nothing claimed: nothing happens
    assertFalse(sameStore().alreadyDelivered("w2", MICROSOFT));
  }

  @Test
  void recordingWithoutAClaimStillMarksItDelivered() throws Exception {
    log.recordDelivered("w1", MICROSOFT, "d-2", T0);

    assertTrue(sameStore().alreadyDelivered("w1", MICROSOFT));
  }

  @Test
  void concurrentClaimsLetExactlyOneSend() throws Exception {
    String reason = concurrencyUnsupportedReason();
    Assumptions.assumeTrue(reason == null, reason);
    int contenders = 8;
    List<DeliveryLog> logs = new ArrayList<>();
    for (int i = 0; i < contenders; i++) {
      logs.add(sameStore());
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<String>> tasks = new ArrayList<>();
    for (DeliveryLog l : logs) {
      tasks.add(() -> {
        start.await();
        try {
          return l.alreadyDelivered("w1", ALIBABA) ? "delivered" : "send";
        } catch (DeliveryInProgressException e) {
          return "under way";
        }
      });
    }
    List<String> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(contenders)) {
      List<Future<String>> futures = tasks.stream().map(pool::submit).toList();
      start.countDown();
      for (Future<String> f : futures) {
        answers.add(f.get());
      }
    }

    assertEquals(1, answers.stream().filter("send"::equals).count(), answers.toString());
    assertEquals(contenders - 1, answers.stream().filter("under way"::equals).count(), answers.toString());
  }

  @Test
  void attemptsAreKeptNewestFirst() throws Exception {
    DeliveryAttempt first = new DeliveryAttempt("w1", ALIBABA, "d-1", 1, T0, Duration.ofMillis(10_012), 0,
        "timed out after 13000 ms");
    DeliveryAttempt second = new DeliveryAttempt("w1", ALIBABA, "d-1", 2, T0.plusMillis(10_900),
        Duration.ofMillis(250), 503, "busy");
    DeliveryAttempt third = new DeliveryAttempt("w1", ALIBABA, "d-1", 3, T0.plusSeconds(12), Duration.ofMillis(90),
        200, null);
    DeliveryAttempt elsewhere = new DeliveryAttempt("w2", MICROSOFT, "d-9", 1, T0.plusSeconds(1),
        Duration.ofMillis(5), 204, null);

    for (DeliveryAttempt a : List.of(first, second, elsewhere, third)) {
      log.recordAttempt(a);
    }

    assertEquals(List.of(third, second, first), recentAttempts("w1", 10));
    assertEquals(List.of(third, second), recentAttempts("w1", 2));
    assertEquals(List.of(elsewhere), recentAttempts("w2", 10));
  }
}
