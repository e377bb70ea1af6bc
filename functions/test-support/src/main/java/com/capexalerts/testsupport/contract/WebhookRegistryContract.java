package com.capexalerts.testsupport.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.webhook.DeliveryResult;
import com.capexalerts.core.webhook.DeliveryResult.Outcome;
import com.capexalerts.core.webhook.Webhook;
import com.capexalerts.core.webhook.WebhookFilter;
import com.capexalerts.core.webhook.WebhookFormat;
import com.capexalerts.core.webhook.WebhookRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookRegistry} must do. Subclasses give a fresh, empty registry per test; the DynamoDB registry
 * (on moto) and the local file registry run the same cases.
 */
public abstract class WebhookRegistryContract {
  private static final EventKey EVENT = new EventKey("alibaba-2025-02-24-cny-380000000000");

  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private WebhookRegistry registry;

  /** A new registry with no webhooks that reports skipped entries to {@code warnings}. */
  protected abstract WebhookRegistry newRegistry(Consumer<String> warnings) throws Exception;

  /** Stores an entry under {@code id} that is no valid webhook (a format this version does not know). */
  protected abstract void writeUnreadableWebhook(String id) throws Exception;

  @BeforeEach
  void createRegistry() throws Exception {
    registry = newRegistry(warnings::add);
  }

  public static Webhook webhook(String id) {
    return new Webhook(id, URI.create("https://hooks.example.com/capex/" + id + "?team=infra"), WebhookFormat.JSON,
        "whsec_" + id, WebhookFilter.all(), true, 0);
  }

  private static DeliveryResult result(String id, Outcome outcome, int failures, boolean disable) {
    return new DeliveryResult(id, EVENT, "delivery-" + id, outcome, List.of(), null, failures, disable,
        Duration.ofMillis(120));
  }

  @Test
  void aCreatedWebhookComesBackWhollyWithItsSecret() {
    Webhook full = new Webhook("w-full", URI.create("https://hooks.example.com/a/b?x=1&y=%20"), WebhookFormat.JSON,
        "whsec_ünïcode+/=", new WebhookFilter(new BigDecimal("5000000000.5"), Set.of("Alibaba", "Microsoft"),
            Set.of(AnnouncementKind.ANNOUNCEMENT, AnnouncementKind.UPDATE)), true, 3);
    Webhook chat = new Webhook("w-slack", URI.create("https://hooks.slack.com/services/T0/B0/xyz"),
        WebhookFormat.SLACK, null, new WebhookFilter(null, Set.of(), Set.of(AnnouncementKind.UPDATE)), false, 0);

    assertTrue(registry.create(full));
    assertTrue(registry.create(chat));

    assertEquals(Optional.of(full), registry.get("w-full"));
    assertEquals(Optional.of(chat), registry.get("w-slack"));
    assertEquals(Optional.empty(), registry.get("w-none"));
  }

  @Test
  void createRefusesAnExistingIdAndKeepsTheFirst() {
    Webhook first = webhook("w1");
    Webhook other = new Webhook("w1", URI.create("https://elsewhere.example.org/"), WebhookFormat.DISCORD, null,
        WebhookFilter.all(), true, 0);

    assertTrue(registry.create(first));
    assertFalse(registry.create(other));

    assertEquals(Optional.of(first), registry.get("w1"));
  }

  @Test
  void listIsInIdOrder() {
    for (String id : List.of("w-c", "w-a", "w-b")) {
      registry.create(webhook(id));
    }

    assertEquals(List.of("w-a", "w-b", "w-c"), registry.list().stream().map(Webhook::id).toList());
    assertEquals(webhook("w-b"), registry.list().get(1));
  }

  @Test
  void deleteRemovesAndSaysWhetherThereWasOne() {
    registry.create(webhook("w1"));
    registry.create(webhook("w2"));

    assertTrue(registry.delete("w1"));
    assertFalse(registry.delete("w1"));
    assertFalse(registry.delete("never"));

    assertEquals(List.of(webhook("w2")), registry.list());
  }

  @Test
  void resultsStoreTheFailureCountAndDisableButNeverReEnable() {
    registry.create(webhook("w1"));

    registry.recordResult(result("w1", Outcome.FAILED_RETRIES_EXHAUSTED, 1, false));
    assertEquals(1, registry.get("w1").orElseThrow().consecutiveFailures());
    assertTrue(registry.get("w1").orElseThrow().enabled());

    registry.recordResult(result("w1", Outcome.FAILED_PERMANENTLY, 2, true));
    Webhook disabled = registry.get("w1").orElseThrow();
    assertFalse(disabled.enabled());
    assertEquals(2, disabled.consecutiveFailures());

    // A delivery that was under way when it was disabled succeeds: the count resets, the webhook stays disabled.
    registry.recordResult(result("w1", Outcome.DELIVERED, 0, false));
    assertEquals(new Webhook("w1", disabled.url(), disabled.format(), disabled.secret(), disabled.filter(), false, 0),
        registry.get("w1").orElseThrow());
  }

  @Test
  void updateReEnablesRotatesAndRefiltersOnlyExistingWebhooks() {
    registry.create(webhook("w1"));
    registry.recordResult(result("w1", Outcome.FAILED_PERMANENTLY, 5, true));
    Webhook changed = new Webhook("w1", webhook("w1").url(), WebhookFormat.JSON, "whsec_rotated",
        new WebhookFilter(new java.math.BigDecimal("5000000000"), java.util.Set.of("Nvidia"), java.util.Set.of()),
        true, 0);

    assertTrue(registry.update(changed));
    assertEquals(changed, registry.get("w1").orElseThrow());
    assertFalse(registry.update(webhook("w2")), "no such webhook");
    assertEquals(Optional.empty(), registry.get("w2"));
  }

  @Test
  void aResultForADeletedWebhookDoesNotBringItBack() {
    registry.create(webhook("w1"));
    registry.delete("w1");

    registry.recordResult(result("w1", Outcome.FAILED_RETRIES_EXHAUSTED, 1, false));

    assertEquals(Optional.empty(), registry.get("w1"));
    assertEquals(List.of(), registry.list());
  }

  @Test
  void anUnreadableEntryIsSkippedByListAndNamed() throws Exception {
    registry.create(webhook("w-a"));
    writeUnreadableWebhook("w-bad");
    registry.create(webhook("w-c"));

    assertEquals(List.of("w-a", "w-c"), registry.list().stream().map(Webhook::id).toList());
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.getFirst().contains("w-bad"), warnings.getFirst());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> registry.get("w-bad"));
    assertTrue(e.getMessage().contains("webhook w-bad"), e.getMessage());
  }
}
