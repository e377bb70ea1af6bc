package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.EventKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What happened to one alert at one webhook, and what the dispatcher must do about it.
 *
 * @param webhookId           the webhook
 * @param eventKey            the alert
 * @param deliveryId          {@code X-Capex-Delivery-Id}: the same for every attempt and redelivery of this alert to
 *                            this webhook
 * @param outcome             see {@link Outcome}
 * @param attempts            every attempt made now, first one first (none for {@link Outcome#ALREADY_DELIVERED})
 * @param detail              why it failed (or a note about a delivered alert the log could not record); null when
 *                            there is nothing to say
 * @param consecutiveFailures the webhook's failure count after this delivery: 0 after a success, one more after a
 *                            failure, unchanged when nothing was sent or the failure was ours
 * @param disable             true when the webhook must be disabled now (410 Gone, or too many failures in a row)
 * @param elapsed             time from start to result, waits included
 */
public record DeliveryResult(
    String webhookId,
    EventKey eventKey,
    String deliveryId,
    Outcome outcome,
    List<DeliveryAttempt> attempts,
    String detail,
    int consecutiveFailures,
    boolean disable,
    Duration elapsed) {

  /** How a delivery ended. */
  public enum Outcome {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The delivery log says the receiver acknowledged this alert before; nothing was sent. */
    ALREADY_DELIVERED,
    /** The receiver refused for good (4xx other than 408/429, a forbidden URL or redirect); retrying cannot help. */
    FAILED_PERMANENTLY,
    /** Transient failures until attempts or the retry budget ran out; a later redelivery may succeed. */
    FAILED_RETRIES_EXHAUSTED
  }

  public DeliveryResult {
    Objects.requireNonNull(webhookId, "webhookId");
    Objects.requireNonNull(eventKey, "eventKey");
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(elapsed, "elapsed");
    attempts = List.copyOf(attempts);
  }

  /** True when the alert should go to the dead-letter queue for a later redrive to this webhook. */
  public boolean sendToDeadLetterQueue() {
    return outcome == Outcome.FAILED_RETRIES_EXHAUSTED;
  }
}
