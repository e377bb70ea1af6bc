package com.capexalerts.notifier;

import com.capexalerts.testsupport.LambdaTestContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.capexalerts.aws.sns.SnsAlertPublisher;
import com.capexalerts.core.alert.AlertMessages;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.testsupport.LocalAws;
import com.capexalerts.testsupport.MotoServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The notifier against a real SNS API (moto server): one topic, SQS queues with different filter policies, and an
 * HTTP endpoint served here; asserts what each subscriber actually received.
 *
 * <p>Where moto differs from SNS, the test sticks to what SNS does: (1) the big-amount filter uses
 * {@code amount_usd_billions}, since SNS rejects numeric filter values outside -1e9..1e9 (moto accepts them);
 * (2) moto confirms HTTP subscriptions without a SubscriptionConfirmation round-trip, SNS sends one first;
 * (3) moto posts to HTTP endpoints inside the Publish call, so a dead endpoint would fail the publish: the endpoint
 * stays up for the whole test; (4) moto neither e-mails nor texts, so the e-mail and SMS renderings are covered by the
 * unit tests, while a queue with the SMS filter policy stands in for the SMS subscriber here.
 */
class SnsDeliveryTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-24T10:00:00Z"), ZoneOffset.UTC);
  private static final EventKey NAVER = new EventKey("naver#2025-02-24#krw-1tn");

  private SnsClient sns;
  private SqsClient sqs;
  private HttpServer webhook;
  private final List<String> webhookBodies = new CopyOnWriteArrayList<>();
  private String topicArn;
  private final InMemoryAnnouncementStore store = new InMemoryAnnouncementStore();

  @BeforeEach
  void setUp() throws IOException {
    LocalAws aws = MotoServer.get();
    sns = aws.sns();
    sqs = aws.sqs();
    topicArn = sns.createTopic(b -> b.name("capex-alerts-" + UUID.randomUUID())).topicArn();
    webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhook.createContext("/alerts", exchange -> {
      webhookBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    webhook.start();
    store.create(Events.alibaba());
    store.create(Events.microsoft());
    store.create(naver());
  }

  @AfterEach
  void tearDown() {
    webhook.stop(0);
    sns.close();
    sqs.close();
  }

  @Test
  void everySubscriberGetsEachMatchingEventOnceInItsRendering() throws Exception {
    String everything = queue(null, true);
    String smsStandIn = queue("{\"amount_usd_billions\":[{\"numeric\":[\">=\",50]}]}", true);
    String alibabaOnly = queue("{\"company\":[\"Alibaba\"]}", true);
    String enveloped = queue(null, false);
    sns.subscribe(b -> b.topicArn(topicArn).protocol("http")
        .endpoint("http://127.0.0.1:" + webhook.getAddress().getPort() + "/alerts"));
    NotifierHandler handler = new NotifierHandler(store, new SnsAlertPublisher(sns, topicArn), CLOCK);
    DynamodbEvent batch = inserts(Events.ALIBABA, Events.MICROSOFT, NAVER);

    assertEquals(List.of(), handler.handleRequest(batch, new LambdaTestContext("notifier", 30_000)).getBatchItemFailures());
    assertEquals(List.of(), handler.handleRequest(batch, new LambdaTestContext("notifier", 30_000)).getBatchItemFailures(),
        "a duplicated batch is no failure");
    // A redrive of the same events by another claimant publishes nothing either.
    DynamodbEvent redrive = inserts(Events.ALIBABA, Events.MICROSOFT, NAVER);
    redrive.getRecords().forEach(r -> r.setEventID("redrive-" + r.getEventID()));
    handler.handleRequest(redrive, new LambdaTestContext("notifier", 30_000));

    assertEquals(List.of("alibaba-2025-02-24-52b", "microsoft-2025-02-24-80b", "naver#2025-02-24#krw-1tn"),
        eventKeysOfRawMessages(everything));
    assertEquals(List.of("alibaba-2025-02-24-52b", "microsoft-2025-02-24-80b"),
        eventKeysOfRawMessages(smsStandIn), "only pledges of $50 billion and more");
    assertEquals(List.of("alibaba-2025-02-24-52b"), eventKeysOfRawMessages(alibabaOnly));

    List<JsonNode> envelopes = new ArrayList<>();
    for (Message m : drain(enveloped)) {
      envelopes.add(MAPPER.readTree(m.body()));
    }
    assertEquals(3, envelopes.size());
    JsonNode alibaba = envelopes.stream()
        .filter(e -> e.at("/MessageAttributes/company/Value").asText().equals("Alibaba")).findFirst().orElseThrow();
    assertEquals("Notification", alibaba.get("Type").asText());
    assertEquals(AlertMessages.subject(Events.alibaba()), alibaba.get("Subject").asText());
    assertEquals(AlertMessages.json(Events.alibaba()), alibaba.get("Message").asText(), "the sqs key is delivered");
    assertEquals("Number", alibaba.at("/MessageAttributes/amount_usd/Type").asText());
    assertEquals("52400000000", alibaba.at("/MessageAttributes/amount_usd/Value").asText());
    assertEquals("CNY", alibaba.at("/MessageAttributes/currency/Value").asText());
    assertEquals("announcement", alibaba.at("/MessageAttributes/kind/Value").asText());

    assertEquals(3, webhookBodies.size(), webhookBodies.toString());
    Map<String, JsonNode> byKey = new HashMap<>();
    for (String body : webhookBodies) {
      JsonNode envelope = MAPPER.readTree(body);
      assertEquals("Notification", envelope.get("Type").asText());
      JsonNode document = MAPPER.readTree(envelope.get("Message").asText());
      byKey.put(document.get("event_key").asText(), document);
    }
    JsonNode microsoft = byKey.get("microsoft-2025-02-24-80b");
    assertEquals("capex-alert/1", microsoft.get("schema").asText());
    assertEquals("Microsoft", microsoft.get("company").asText());
    assertEquals("$80 billion", microsoft.get("amount_text").asText());
    assertEquals(80_000_000_000L, microsoft.get("amount_usd").asLong());
    assertEquals("https://news.example.com/microsoft-2025-02-24-80b", microsoft.at("/sources/0/link").asText());
    assertEquals(3, byKey.size());
  }

  @Test
  void aPublishThatFailsIsReportedThenRetriedAndDeliveredOnce() throws Exception {
    String everything = queue(null, true);
    String gone = sns.createTopic(b -> b.name("gone-" + UUID.randomUUID())).topicArn();
    sns.deleteTopic(b -> b.topicArn(gone));
    DynamodbEvent batch = inserts(Events.ALIBABA);

    // The first attempt publishes to a topic that no longer exists: SNS answers NotFound.
    StreamsEventResponse failed = new NotifierHandler(store, new SnsAlertPublisher(sns, gone), CLOCK)
        .handleRequest(batch, new LambdaTestContext("notifier", 30_000));
    assertEquals(List.of(new StreamsEventResponse.BatchItemFailure("1000")), failed.getBatchItemFailures());
    assertEquals(List.of(), eventKeysOfRawMessages(everything));

    StreamsEventResponse retried = new NotifierHandler(store, new SnsAlertPublisher(sns, topicArn), CLOCK)
        .handleRequest(batch, new LambdaTestContext("notifier", 30_000));
    assertEquals(List.of(), retried.getBatchItemFailures());
    assertEquals(List.of("alibaba-2025-02-24-52b"), eventKeysOfRawMessages(everything));
    assertTrue(store.notification(Events.ALIBABA).messageId() != null);
  }

  private static Announcement naver() {
    return Events.event(NAVER, "Naver", "1000000000000", "KRW", "1 trillion won", "690000000", "by 2027",
        "Naver will invest 1 trillion won in AI data centres by 2027.", "2025-02-24T07:00:00Z");
  }

  /** A queue subscribed to the topic, with an optional filter policy on the message attributes. */
  private String queue(String filterPolicy, boolean raw) {
    String url = sqs.createQueue(b -> b.queueName("sub-" + UUID.randomUUID())).queueUrl();
    String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    Map<String, String> attributes = new HashMap<>();
    attributes.put("RawMessageDelivery", Boolean.toString(raw));
    if (filterPolicy != null) {
      attributes.put("FilterPolicy", filterPolicy);
      attributes.put("FilterPolicyScope", "MessageAttributes");
    }
    sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn).attributes(attributes));
    return url;
  }

  private List<Message> drain(String queueUrl) {
    List<Message> all = new ArrayList<>();
    while (true) {
      List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
          .messageAttributeNames("All")).messages();
      if (batch.isEmpty()) {
        return all;
      }
      all.addAll(batch);
      batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
    }
  }

  /** Event keys of the raw (JSON document) messages in the queue, sorted. */
  private List<String> eventKeysOfRawMessages(String queueUrl) throws IOException {
    List<String> keys = new ArrayList<>();
    for (Message m : drain(queueUrl)) {
      JsonNode document = MAPPER.readTree(m.body());
      assertEquals("capex-alert/1", document.get("schema").asText(), m.body());
      assertEquals(document.get("company").asText(), m.messageAttributes().get("company").stringValue());
      keys.add(document.get("event_key").asText());
    }
    return keys.stream().sorted().toList();
  }

  /** A stream batch of INSERT records for the keys, sequence numbers 1000, 1001, ... */
  private static DynamodbEvent inserts(EventKey... keys) {
    List<DynamodbStreamRecord> records = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      StreamRecord change = new StreamRecord();
      change.setKeys(Map.of("event_key", new AttributeValue().withS(keys[i].value())));
      change.setSequenceNumber(Integer.toString(1000 + i));
      DynamodbStreamRecord record = new DynamodbStreamRecord();
      record.setEventName("INSERT");
      record.setEventID("event-" + i);
      record.setDynamodb(change);
      records.add(record);
    }
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(records);
    return event;
  }
}
