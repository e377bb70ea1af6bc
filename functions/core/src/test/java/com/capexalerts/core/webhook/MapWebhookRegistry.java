package com.capexalerts.core.webhook;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A registry in a map, for the dispatch tests; {@code failWrites} makes recordResult throw for one webhook. */
final class MapWebhookRegistry implements WebhookRegistry {
  private final ConcurrentSkipListMap<String, Webhook> webhooks = new ConcurrentSkipListMap<>();
  volatile String failWrites;

  @Override
  public boolean create(Webhook webhook) {
    return webhooks.putIfAbsent(webhook.id(), webhook) == null;
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
    if (result.webhookId().equals(failWrites)) {
      throw new IllegalStateException("table unavailable");
    }
    webhooks.computeIfPresent(result.webhookId(), (id, w) -> w.after(result));
  }
}
