package com.capexalerts.core.webhook;

import java.util.List;
import java.util.Optional;

/** Registered webhooks (DynamoDB in the cloud, a file locally). Secrets are stored, never listed back to callers. */
public interface WebhookRegistry {
  /** Registers a new webhook. Returns false, changing nothing, when the id exists. */
  boolean create(Webhook webhook);

  Optional<Webhook> get(String id);

  /** Every webhook, in id order. */
  List<Webhook> list();

  /** Removes it. Returns false when there was no such webhook. */
  boolean delete(String id);

  /**
   * Stores what a delivery computed (failure count, enabled flag) for an existing webhook; a webhook deleted
   * meanwhile stays deleted.
   */
  void recordResult(DeliveryResult result);

  /**
   * Replaces an existing webhook's settings (enabled flag, failure count, filter, secret); the id and URL stay.
   * Returns false, storing nothing, when there is no such webhook (a deleted one stays deleted).
   */
  boolean update(Webhook webhook);
}
