package com.capexalerts.core.webhook;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link WebhookRegistry} in memory, for tests and local runs. Thread-safe; a sorted map gives {@link #list()} its id
 * order. Not final: a test overrides one method to play a registry whose table is unavailable.
 */
public class InMemoryWebhookRegistry implements WebhookRegistry {
  private final ConcurrentSkipListMap<String, Webhook> webhooks = new ConcurrentSkipListMap<>();

  @Override
  public boolean create(Webhook webhook) {
    return webhooks.putIfAbsent(webhook.id(), webhook) == null;
  }

  @Override
  public boolean update(Webhook webhook) {
    return webhooks.replace(webhook.id(), webhook) != null;
  }

  @Override
  public Optional<Webhook> get(String id) {
    return Optional.ofNullable(webhooks.get(id));
  }

  @Override
  public List<Webhook> list() {
    return List.copyOf(webhooks.values());
  }

  @Override
  public boolean delete(String id) {
    return webhooks.remove(id) != null;
  }

  @Override
  public void recordResult(DeliveryResult result) {
    // computeIfPresent: a result for a webhook deleted meanwhile does not bring it back.
    webhooks.computeIfPresent(result.webhookId(), (id, w) -> w.after(result));
  }
}
