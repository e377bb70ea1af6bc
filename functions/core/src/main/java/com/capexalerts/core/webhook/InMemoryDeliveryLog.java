package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.EventKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link DeliveryLog} in memory, for tests and local runs. Thread-safe. */
public final class InMemoryDeliveryLog implements DeliveryLog {
  /** One acknowledged delivery. */
  public record Delivered(String webhookId, EventKey eventKey, String deliveryId, Instant at) {}

  private record Key(String webhookId, EventKey eventKey) {}

  private final Map<Key, Delivered> delivered = new ConcurrentHashMap<>();
  private final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();

  @Override
  public boolean alreadyDelivered(String webhookId, EventKey eventKey) {
    return delivered.containsKey(new Key(webhookId, eventKey));
  }

  /** Takes no claims (one process), so there is none to give back. */
  @Override
  public void releaseClaim(String webhookId, EventKey eventKey) {}

  @Override
  public void recordDelivered(String webhookId, EventKey eventKey, String deliveryId, Instant at) {
    delivered.putIfAbsent(new Key(webhookId, eventKey), new Delivered(webhookId, eventKey, deliveryId, at));
  }

  @Override
  public void recordAttempt(DeliveryAttempt attempt) {
    attempts.add(attempt);
  }

  /** Every acknowledged delivery, any order. */
  public List<Delivered> delivered() {
    return List.copyOf(delivered.values());
  }

  /** Every attempt, in the order recorded. */
  public List<DeliveryAttempt> attempts() {
    return List.copyOf(attempts);
  }
}
