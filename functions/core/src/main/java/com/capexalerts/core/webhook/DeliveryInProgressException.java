package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.EventKey;
import java.time.Instant;

/**
 * Another delivery of the same alert to the same webhook holds the claim in the {@link DeliveryLog} (a duplicate
 * queue message handled by another function instance at the same time). Not the receiver's fault: the deliverer turns
 * it into a failure of ours, the message comes again later, and by then the delivery log knows how the other
 * delivery ended.
 */
public final class DeliveryInProgressException extends RuntimeException {
  public DeliveryInProgressException(String webhookId, EventKey eventKey, Instant claimedUntil) {
    super("another delivery of " + eventKey + " to webhook " + webhookId + " is under way (claimed until "
        + claimedUntil + ")");
  }
}
