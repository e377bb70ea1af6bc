package com.capexalerts.dispatcher;

import com.capexalerts.core.webhook.CapexWebhookVerifier;
import com.capexalerts.core.webhook.Webhook;
import com.capexalerts.core.webhook.WebhookFilter;
import com.capexalerts.core.webhook.WebhookFormat;
import com.capexalerts.testsupport.WebhookReceiver;
import java.time.Instant;

/** Receivers on 127.0.0.1 that check signatures with the documented verifier, and webhooks pointing at them. */
final class Receivers {
  static final String SECRET = "whsec_dispatcher_test";

  private Receivers() {}

  static WebhookReceiver start() {
    CapexWebhookVerifier verifier = new CapexWebhookVerifier(SECRET);
    return new WebhookReceiver((timestamp, signature, body) -> verifier.verify(timestamp, signature, body,
        Instant.now()));
  }

  static Webhook json(WebhookReceiver receiver, String id, String path, WebhookFilter filter) {
    return new Webhook(id, receiver.url(path), WebhookFormat.JSON, SECRET, filter, true, 0);
  }
}
