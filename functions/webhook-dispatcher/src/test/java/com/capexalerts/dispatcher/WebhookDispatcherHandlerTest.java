package com.capexalerts.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.capexalerts.core.alert.AlertJson;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.webhook.DeliverySettings;
import com.capexalerts.core.webhook.EndpointPolicy;
import com.capexalerts.core.webhook.InMemoryDeliveryLog;
import com.capexalerts.core.webhook.InMemoryWebhookRegistry;
import com.capexalerts.core.webhook.Webhook;
import com.capexalerts.core.webhook.WebhookDeliverer;
import com.capexalerts.core.webhook.WebhookDispatch;
import com.capexalerts.core.webhook.WebhookFilter;
import com.capexalerts.core.webhook.WebhookSignature;
import com.capexalerts.testsupport.CapturedStdout;
import com.capexalerts.testsupport.LambdaTestContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import com.capexalerts.testsupport.WebhookReceiver;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The handler on the repository's sample SQS event, with receivers on 127.0.0.1 and the local endpoint policy. */
@Timeout(60)
class WebhookDispatcherHandlerTest {
  static final String EVENT_FILE = "../../events/sqs-webhook-dispatch.json";
  private static final String ALIBABA_MESSAGE = "4c3a7e52-9d1b-4f0e-8a61-2f3b7c9d1e01";
  private static final String MICROSOFT_MESSAGE = "a9e0c1d4-5b2f-4c7a-9e38-6d1f0b2a7c02";
  private static final DeliverySettings FAST = DeliverySettings.defaults()
      .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))
      .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
      .withMaxAttempts(3);

  private final InMemoryWebhookRegistry registry = new InMemoryWebhookRegistry();
  private final InMemoryDeliveryLog log = new InMemoryDeliveryLog();
  private final LambdaTestContext context = new LambdaTestContext("webhook-dispatcher-test", 60_000);
  @org.junit.jupiter.api.extension.RegisterExtension
  final CapturedStdout logged = CapturedStdout.eachTest();
  private WebhookReceiver receiver;
  private WebhookDeliverer deliverer;
  private WebhookDispatcherHandler handler;

  @BeforeEach
  void start() {
    receiver = Receivers.start();
    deliverer = WebhookDeliverer.builder(EndpointPolicy.local(), log).settings(FAST).build();
    handler = new WebhookDispatcherHandler(new WebhookDispatch(registry, deliverer));
  }

  @AfterEach
  void stop() {
    deliverer.close();
    receiver.close();
  }

  @Test
  void theSampleEventCarriesTwoReadableAlerts() throws Exception {
    SQSEvent event = EventLoader.loadSQSEvent(EVENT_FILE);

    List<Announcement> alerts = new java.util.ArrayList<>();
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      alerts.add(AlertJson.parse(m.getBody()));
      assertEquals(alerts.getLast().company(), m.getMessageAttributes().get("company").getStringValue());
    }
    assertEquals(List.of("alibaba-2025-02-24-52b", "microsoft-2025-02-24-80b"),
        alerts.stream().map(a -> a.key().value()).toList());
    assertEquals(0, new BigDecimal("52400000000").compareTo(alerts.getFirst().amountUsd()));
    assertEquals(2, alerts.getFirst().sources().size());
  }

  @Test
  void eachAlertReachesEachMatchingWebhookOnceSigned() {
    registry.create(Receivers.json(receiver, "all", "/all", WebhookFilter.all()));
    registry.create(Receivers.json(receiver, "usd-only", "/usd",
        new WebhookFilter(new BigDecimal("60000000000"), Set.of(), Set.of())));

    SQSBatchResponse response = handler.handleRequest(EventLoader.loadSQSEvent(EVENT_FILE), context);

    assertEquals(List.of(), response.getBatchItemFailures());
    assertEquals(Set.of("alibaba-2025-02-24-52b", "microsoft-2025-02-24-80b"),
        Set.copyOf(eventIds("/all")));
    assertEquals(List.of("microsoft-2025-02-24-80b"), eventIds("/usd"), "$52.4 billion is under its minimum");
    assertTrue(receiver.posts().stream().allMatch(WebhookReceiver.Post::verified), "every signature verifies");
    JsonNode delivered = logged.line("INFO", Map.of("message_id", ALIBABA_MESSAGE,
        "event_key", "alibaba-2025-02-24-52b", "webhook_id", "all", "status", "DELIVERED", "http_status", "200",
        "function_request_id", "test-request"));
    assertEquals("[200]", delivered.path("attempt_statuses").toString());
    assertTrue(delivered.path("duration_ms").isIntegralNumber(), delivered.toString());
  }

  @Test
  void onlyTheMessageWhoseDeliveryRanOutOfRetriesComesAgain() {
    receiver.on("/alibaba-down", n -> 503);
    registry.create(Receivers.json(receiver, "alibaba-down", "/alibaba-down",
        new WebhookFilter(null, Set.of("Alibaba"), Set.of())));
    registry.create(Receivers.json(receiver, "all", "/all", WebhookFilter.all()));

    SQSBatchResponse response = handler.handleRequest(EventLoader.loadSQSEvent(EVENT_FILE), context);

    assertEquals(List.of(ALIBABA_MESSAGE), failedIds(response));
    assertEquals(3, receiver.posts("/alibaba-down").size(), "three attempts, then the queue takes over");
    assertEquals(2, receiver.posts("/all").size());
    assertEquals(1, registry.get("alibaba-down").orElseThrow().consecutiveFailures());
    JsonNode exhausted = logged.line("WARN", Map.of("message_id", ALIBABA_MESSAGE, "webhook_id", "alibaba-down",
        "status", "FAILED_RETRIES_EXHAUSTED", "http_status", "503"));
    assertEquals("[503,503,503]", exhausted.path("attempt_statuses").toString());
  }

  @Test
  void malformedMessagesAreDroppedOnceWithTheirIdAndReason() {
    registry.create(Receivers.json(receiver, "all", "/all", WebhookFilter.all()));
    SQSEvent event = EventLoader.loadSQSEvent(EVENT_FILE);
    SQSEvent.SQSMessage notJson = copy(event.getRecords().get(1), "bad-1", "Alibaba pledged 380 billion yuan");
    SQSEvent.SQSMessage otherSchema = copy(event.getRecords().get(1), "bad-2",
        event.getRecords().get(1).getBody().replace("capex-alert/1", "capex-alert/2"));
    event.setRecords(List.of(notJson, event.getRecords().getFirst(), otherSchema));

    SQSBatchResponse response = handler.handleRequest(event, context);

    assertEquals(List.of(), response.getBatchItemFailures(), "a retry cannot repair them");
    assertEquals(List.of("alibaba-2025-02-24-52b"), eventIds("/all"), "the good message in between is sent");
    List<JsonNode> errors = logged.lines().stream().filter(l -> l.path("level").asText().equals("ERROR")).toList();
    assertEquals(2, errors.size(), errors.toString());
    JsonNode notJsonLine = logged.line("ERROR", Map.of("message_id", "bad-1",
        "body_start", "Alibaba pledged 380 billion yuan"));
    assertTrue(notJsonLine.path("reason").asText().startsWith("not JSON"), notJsonLine.toString());
    JsonNode otherSchemaLine = logged.line("ERROR", Map.of("message_id", "bad-2"));
    assertTrue(otherSchemaLine.path("reason").asText().startsWith("unsupported schema \"capex-alert/2\""),
        otherSchemaLine.toString());
  }

  @Test
  void whenTheWebhooksCannotBeLoadedEveryMessageComesAgain() {
    InMemoryWebhookRegistry unavailable = new InMemoryWebhookRegistry() {
      @Override
      public List<Webhook> list() {
        throw new IllegalStateException("webhooks table unavailable");
      }
    };
    WebhookDispatcherHandler failing = new WebhookDispatcherHandler(new WebhookDispatch(unavailable, deliverer));

    SQSBatchResponse response = failing.handleRequest(EventLoader.loadSQSEvent(EVENT_FILE), context);

    assertEquals(List.of(ALIBABA_MESSAGE, MICROSOFT_MESSAGE), failedIds(response));
    JsonNode retried = logged.line("WARN", Map.of("message_id", MICROSOFT_MESSAGE,
        "message", "dispatch failed, to be retried"));
    assertTrue(retried.path("cause").asText().contains("webhooks table unavailable"), retried.toString());
    assertEquals(List.of(), receiver.posts());
  }

  @Test
  void anEmptyBatchIsNoFailure() {
    assertEquals(List.of(), handler.handleRequest(new SQSEvent(), context).getBatchItemFailures());
  }

  private List<String> eventIds(String path) {
    return receiver.posts(path).stream().map(p -> p.header(WebhookSignature.EVENT_ID_HEADER)).toList();
  }

  static List<String> failedIds(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .sorted().toList();
  }

  private static SQSEvent.SQSMessage copy(SQSEvent.SQSMessage m, String id, String body) {
    SQSEvent.SQSMessage c = m.clone();
    c.setMessageId(id);
    c.setBody(body);
    return c;
  }
}
