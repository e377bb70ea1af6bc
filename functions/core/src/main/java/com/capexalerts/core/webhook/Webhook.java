package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.Announcement;
import java.net.URI;
import java.util.Objects;

/**
 * A subscriber's endpoint.
 *
 * @param id                  stable id (the key of the webhooks table)
 * @param url                 where to POST; checked by {@link EndpointPolicy} before every request
 * @param format              body shape
 * @param secret              HMAC key for {@code json} deliveries (required there); chat formats ignore it (their
 *                            URL is the secret)
 * @param filter              which alerts it wants
 * @param enabled             false once disabled (410 Gone, or too many consecutive failures)
 * @param consecutiveFailures failed deliveries since the last success
 */
public record Webhook(
    String id,
    URI url,
    WebhookFormat format,
    String secret,
    WebhookFilter filter,
    boolean enabled,
    int consecutiveFailures) {
  public Webhook {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("webhook id must not be blank");
    }
    Objects.requireNonNull(url, "url of webhook " + id);
    Objects.requireNonNull(format, "format of webhook " + id);
    if (!url.isAbsolute()) {
      throw new IllegalArgumentException("webhook " + id + ": url must be absolute");
    }
    if (format == WebhookFormat.JSON && (secret == null || secret.isBlank())) {
      throw new IllegalArgumentException("webhook " + id + ": json webhooks need a signing secret");
    }
    filter = filter == null ? WebhookFilter.all() : filter;
    if (consecutiveFailures < 0) {
      throw new IllegalArgumentException("webhook " + id + ": consecutive failures must not be negative");
    }
  }

  /** True when this webhook is enabled and wants {@code announcement}. */
  public boolean wants(Announcement announcement) {
    return enabled && filter.matches(announcement);
  }

  /** This webhook after a delivery: the failure count and enabled flag the result computed. */
  public Webhook after(DeliveryResult result) {
    if (!result.webhookId().equals(id)) {
      throw new IllegalArgumentException("result of webhook " + result.webhookId() + " applied to webhook " + id);
    }
    return new Webhook(id, url, format, secret, filter, enabled && !result.disable(), result.consecutiveFailures());
  }

  /** Never prints the secret nor the URL's path and query: chat webhook URLs carry their token there. */
  @Override
  public String toString() {
    return "Webhook[id=" + id + ", host=" + url.getHost() + ", format=" + format.wireName() + ", enabled=" + enabled
        + ", consecutiveFailures=" + consecutiveFailures + "]";
  }
}
