package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.EventKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One POST (with its redirects) to one webhook.
 *
 * @param webhookId  the webhook
 * @param eventKey   the alert
 * @param deliveryId the delivery this attempt belongs to ({@code X-Capex-Delivery-Id})
 * @param attempt    1 for the first attempt
 * @param startedAt  when it started
 * @param duration   how long it took
 * @param statusCode the final HTTP status, or 0 when no response came (then {@code error} says why)
 * @param error      why it failed without a usable response, or what the receiver said on an error status; null on
 *                   success
 */
public record DeliveryAttempt(
    String webhookId,
    EventKey eventKey,
    String deliveryId,
    int attempt,
    Instant startedAt,
    Duration duration,
    int statusCode,
    String error) {
  public DeliveryAttempt {
    Objects.requireNonNull(webhookId, "webhookId");
    Objects.requireNonNull(eventKey, "eventKey");
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt numbers start at 1: " + attempt);
    }
    if (statusCode == 0 && error == null) {
      throw new IllegalArgumentException("an attempt without a response needs an error");
    }
  }

  /** True when the receiver answered 2xx. */
  public boolean succeeded() {
    return statusCode >= 200 && statusCode < 300;
  }
}
