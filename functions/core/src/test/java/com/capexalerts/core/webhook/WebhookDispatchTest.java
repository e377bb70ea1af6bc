package com.capexalerts.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.AlertMessages;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.MalformedAlertException;
import com.capexalerts.core.webhook.DeliveryResult.Outcome;
import com.capexalerts.core.webhook.TestReceiver.Reply;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared dispatch service over a real receiver on 127.0.0.1, the in-memory registry and log. */
@Timeout(30)
class WebhookDispatchTest {
  private static final String SECRET = "whsec_dispatch";
  private static final DeliverySettings FAST = DeliverySettings.defaults()
      .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))
      .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
      .withMaxAttempts(2);

  private final InMemoryWebhookRegistry registry = new InMemoryWebhookRegistry();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private TestReceiver receiver;
  private WebhookDeliverer deliverer;
  private WebhookDispatch dispatch;

  @BeforeEach
  void start() throws Exception {
    receiver = new TestReceiver(SECRET);
    deliverer = WebhookDeliverer.builder(EndpointPolicy.local(), log).settings(FAST).sleeper(d -> { }).build();
    dispatch = new WebhookDispatch(registry, deliverer);
  }

  @AfterEach
  void stop() {
    deliverer.close();
    receiver.close();
  }

  private Webhook webhook(String id, String path, WebhookFilter filter, int failures) {
    return new Webhook(id, receiver.url(path), WebhookFormat.JSON, SECRET, filter, true, failures);
  }

  @Test
  void theDocumentGoesToEveryMatchingWebhookAndFailuresAreStored() throws Exception {
    receiver.on("/down", n -> Reply.of(503));
    registry.create(webhook("all", "/all", WebhookFilter.all(), 2));
    registry.create(webhook("big-only", "/big", new WebhookFilter(new BigDecimal("100000000000"), Set.of(), Set.of()),
        0));
    registry.create(webhook("alibaba-updates", "/upd",
        new WebhookFilter(null, Set.of("alibaba"), Set.of(AnnouncementKind.UPDATE)), 0));
    registry.create(webhook("down", "/down", WebhookFilter.all(), 0));

    WebhookDispatch.Report report = dispatch.dispatch(AlertMessages.json(TestAlerts.alibaba()));

    assertEquals(List.of("all", "down"), report.results().stream().map(DeliveryResult::webhookId).toList(),
        "the filters leave out the $100 billion minimum and the updates-only webhook");
    assertEquals(1, receiver.posts("/all").size());
    assertTrue(receiver.posts("/all").getFirst().signatureValid());
    assertEquals(List.of(), receiver.posts("/big"));
    assertEquals(List.of(), receiver.posts("/upd"));
    assertEquals(0, registry.get("all").orElseThrow().consecutiveFailures(), "a success resets the stored count");
    assertEquals(1, registry.get("down").orElseThrow().consecutiveFailures());
    assertTrue(registry.get("down").orElseThrow().enabled());
    assertTrue(report.retry(), "the failing receiver needs the alert again");
    assertEquals(List.of("down"), report.toRetry().stream().map(DeliveryResult::webhookId).toList());
    assertEquals(List.of(), report.problems());
  }

  @Test
  void goneDisablesTheWebhookWithoutAskingForTheAlertAgain() {
    receiver.on("/gone", n -> Reply.of(410));
    registry.create(webhook("gone", "/gone", WebhookFilter.all(), 0));

    WebhookDispatch.Report report = dispatch.dispatch(TestAlerts.alibaba());

    assertEquals(Outcome.FAILED_PERMANENTLY, report.results().getFirst().outcome());
    assertFalse(report.retry());
    assertFalse(registry.get("gone").orElseThrow().enabled());
    assertEquals(1, receiver.posts("/gone").size());

    // Disabled: the next alert is not sent there at all.
    assertEquals(List.of(), dispatch.dispatch(TestAlerts.alibaba()).results());
    assertEquals(1, receiver.posts("/gone").size());
  }

  @Test
  void aSecondDispatchOfTheSameAlertPostsNothing() {
    registry.create(webhook("all", "/all", WebhookFilter.all(), 0));

    dispatch.dispatch(TestAlerts.alibaba());
    WebhookDispatch.Report again = dispatch.dispatch(TestAlerts.alibaba());

    assertEquals(List.of(Outcome.ALREADY_DELIVERED), again.results().stream().map(DeliveryResult::outcome).toList());
    assertEquals(1, receiver.posts("/all").size());
    assertFalse(again.retry());
  }

  @Test
  void aResultThatCannotBeStoredIsReportedAndTheOthersAreStored() {
    InMemoryWebhookRegistry failingWrites = new InMemoryWebhookRegistry() {
      @Override
      public void recordResult(DeliveryResult result) {
        if (result.webhookId().equals("down-a")) {
          throw new IllegalStateException("table unavailable");
        }
        super.recordResult(result);
      }
    };
    receiver.on("/down", n -> Reply.of(500));
    failingWrites.create(webhook("down-a", "/down", WebhookFilter.all(), 0));
    failingWrites.create(webhook("down-b", "/down", WebhookFilter.all(), 0));

    WebhookDispatch.Report report = new WebhookDispatch(failingWrites, deliverer).dispatch(TestAlerts.alibaba());

    assertEquals(1, report.problems().size());
    assertTrue(report.problems().getFirst().startsWith("webhook down-a: could not store the result"),
        report.problems().getFirst());
    assertTrue(report.problems().getFirst().contains("table unavailable"), report.problems().getFirst());
    assertEquals(1, failingWrites.get("down-b").orElseThrow().consecutiveFailures());
  }

  @Test
  void aMalformedDocumentSendsNothing() {
    registry.create(webhook("all", "/all", WebhookFilter.all(), 0));

    MalformedAlertException e = assertThrows(MalformedAlertException.class,
        () -> dispatch.dispatch("{\"schema\":\"capex-alert/9\"}"));

    assertTrue(e.getMessage().contains("capex-alert/9"), e.getMessage());
    assertEquals(List.of(), receiver.posts());
  }

  @Test
  void theClaimLeaseOutlastsTheLongestDelivery() {
    DeliverySettings s = DeliverySettings.defaults().withRetryBudget(Duration.ofSeconds(30))
        .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10));

    assertEquals(Duration.ofSeconds(30 + 2 * 13), WebhookDispatch.claimLease(s));
  }
}
