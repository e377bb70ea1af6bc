package com.capexalerts.api;

import com.capexalerts.core.webhook.DeliveryResult;
import com.capexalerts.core.webhook.Webhook;
import com.capexalerts.core.webhook.WebhookRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The WebhookRegistry port in memory, for the API tests (the DynamoDB and file registries live elsewhere). */
final class InMemoryWebhookRegistry implements WebhookRegistry {
  private final ConcurrentSkipListMap<String, Webhook> webhooks = new ConcurrentSkipListMap<>();

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
    webhooks.computeIfPresent(result.webhookId(), (id, w) -> w.after(result));
  }
}
