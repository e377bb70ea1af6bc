package com.capexalerts.dispatcher;

import com.capexalerts.core.webhook.DeliveryResult;
import com.capexalerts.core.webhook.Webhook;
import com.capexalerts.core.webhook.WebhookRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The registry port in a map, for handler tests that are not about storage; {@code down} makes list() fail. */
final class InMemoryWebhookRegistry implements WebhookRegistry {
  private final ConcurrentSkipListMap<String, Webhook> webhooks = new ConcurrentSkipListMap<>();
  volatile boolean down;

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
    if (down) {
      throw new IllegalStateException("webhooks table unavailable");
    }
    return List.copyOf(webhooks.values());
  }

  @Override
  public boolean delete(String id) {
    return webhooks.remove(id) != null;
  }

  @Override
  public void recordResult(DeliveryResult result) {
    webhooks.computeIfPresent(result.webhookId(), (id, w) -> w.after(result));
  }
}
