package com.capexalerts.testsupport.contract;

import com.capexalerts.core.webhook.InMemoryWebhookRegistry;
import com.capexalerts.core.webhook.WebhookRegistry;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/** Core's in-memory registry, which the handler and dispatch tests rely on, against the same contract as the stores. */
class InMemoryWebhookRegistryTest extends WebhookRegistryContract {
  @Override
  protected WebhookRegistry newRegistry(Consumer<String> warnings) {
    return new InMemoryWebhookRegistry();
  }

  @Override
  protected void writeUnreadableWebhook(String id) {
    Assumptions.abort("the in-memory registry holds Webhook records, valid when built: no stored form can be unreadable");
  }
}
