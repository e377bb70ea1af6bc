package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.EventKey;
import java.time.Instant;

/**
 * Remembers which receivers acknowledged which alert, so a redelivered message (SQS is at-least-once, a DLQ redrive
 * repeats whole batches) never posts twice to a receiver that already answered 2xx. In the cloud: a DynamoDB table
 * keyed by webhook id + event key.
 *
 * <p>The deliverer checks before sending and records after a 2xx. A crash between the 2xx and the record still
 * posts twice on redelivery, which is why every delivery carries {@code X-Capex-Event-Id} for receiver-side
 * idempotency.
 *
 * <p>Stores shared by several processes (DynamoDB, the local state directory) make {@link #alreadyDelivered} a
 * claim: it answers false only to the one caller that took a lease on this webhook and alert, and throws
 * {@link DeliveryInProgressException} to others while the lease runs, so two concurrent deliveries of one message
 * cannot both post. An expired lease (a crashed delivery) can be taken again.
 */
public interface DeliveryLog {
  /**
   * True when {@code webhookId} acknowledged {@code eventKey} before. False means "send it"; a claiming store then holds
   * a lease for the caller until {@link #recordDelivered} or the lease's end.
   */
  boolean alreadyDelivered(String webhookId, EventKey eventKey);

  /**
   * Gives back the claim {@link #alreadyDelivered} took, after a delivery that did not succeed, so the next try need
   * not wait for the lease. Does nothing when the alert was delivered or is not claimed.
   */
  void releaseClaim(String webhookId, EventKey eventKey);

  /** Records that the receiver acknowledged the alert (answered 2xx) at {@code at}. */
  void recordDelivered(String webhookId, EventKey eventKey, String deliveryId, Instant at);

  /**
   * Keeps one attempt for diagnosis (status pages, support). Best effort: an implementation should not throw, as a
   * lost attempt record must not fail a delivery.
   */
  void recordAttempt(DeliveryAttempt attempt);
}
