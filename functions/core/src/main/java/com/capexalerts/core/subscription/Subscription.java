package com.capexalerts.core.subscription;

import java.util.Objects;

/**
 * One subscription of the alert topic.
 *
 * @param id                  the last segment of the subscription ARN (URL-safe); null while an e-mail
 *                            subscription awaits confirmation and SNS lists it without an ARN
 * @param protocol            the SNS protocol (email, sms, and whatever else the topic carries: sqs, https, ...)
 * @param endpoint            the address as SNS holds it (callers mask it before showing it)
 * @param pendingConfirmation true until the recipient confirms (e-mail)
 * @param filterPolicy        the subscription's filter policy (JSON), or null when it gets every alert
 */
public record Subscription(String id, String protocol, String endpoint, boolean pendingConfirmation,
    String filterPolicy) {
  public Subscription {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(endpoint, "endpoint");
  }
}
