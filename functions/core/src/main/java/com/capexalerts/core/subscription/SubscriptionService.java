package com.capexalerts.core.subscription;

import com.capexalerts.core.webhook.WebhookFilter;
import java.util.List;

/**
 * E-mail and SMS subscriptions to the alerts (SNS in the cloud). A subscription's filter works as a webhook's does:
 * minimum USD amount, companies (any case), kinds; empty means every alert.
 */
public interface SubscriptionService {
  /**
   * Subscribes {@code endpoint}. The endpoint must be valid for the protocol ({@link SubscriptionProtocol#problem}).
   * An e-mail subscription stays pending until its recipient confirms.
   */
  Subscription subscribe(SubscriptionProtocol protocol, String endpoint, WebhookFilter filter);

  /** Every subscription of the alert topic, whatever its protocol. */
  List<Subscription> list();

  /** Removes the subscription with this id; false when the topic has none such. */
  boolean unsubscribe(String id);
}
