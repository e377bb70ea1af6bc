package com.capexalerts.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.capexalerts.aws.dynamo.DynamoDeliveryLog;
import com.capexalerts.aws.dynamo.DynamoWebhookRegistry;
import com.capexalerts.aws.dynamo.Tables;
import com.capexalerts.aws.dynamo.WebhookTables;
import com.capexalerts.aws.sns.SnsAlertPublisher;
import com.capexalerts.core.alert.AlertJson;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.webhook.DeliveryAttempt;
import com.capexalerts.core.webhook.DeliverySettings;
import com.capexalerts.core.webhook.EndpointPolicy;
import com.capexalerts.core.webhook.WebhookDeliverer;
import com.capexalerts.core.webhook.WebhookDispatch;
import com.capexalerts.core.webhook.WebhookFilter;
import com.capexalerts.core.webhook.WebhookSignature;
import com.capexalerts.testsupport.CapturedStdout;
import com.capexalerts.testsupport.LambdaTestContext;
import com.capexalerts.testsupport.LocalAws;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.MutableClock;
import com.capexalerts.testsupport.WebhookReceiver;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole path on moto: alerts published to a real SNS topic by the notifier's publisher, a raw-delivery SQS
 * subscription, the real messages read from the queue and handed to the handler as Lambda's SQS poller would (failed
 * messages made visible again, the others deleted), DynamoDB webhook and delivery tables, and receivers on 127.0.0.1
 * that verify every signature the documented way.
 */
@Timeout(120)
class DispatchOnMotoTest {
  private static final DeliverySettings FAST = DeliverySettings.defaults()
      .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2))
      .withBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
      .withMaxAttempts(2);

  private final MutableClock clock = new MutableClock(Instant.now());
  private final List<WebhookDeliverer> deliverers = new ArrayList<>();
  @org.junit.jupiter.api.extension.RegisterExtension
  final CapturedStdout logged = CapturedStdout.eachTest();
  private SnsClient sns;
  private SqsClient sqs;
  private DynamoDbClient dynamo;
  private WebhookTables tables;
  private DynamoWebhookRegistry registry;
  private String topicArn;
  private WebhookReceiver receiver;
  private List<Announcement> alerts;

  @BeforeEach
  void setUp() throws Exception {
    LocalAws aws = MotoServer.get();
    sns = aws.sns();
    sqs = aws.sqs();
    dynamo = aws.dynamo();
    tables = WebhookTables.withPrefix("d" + UUID.randomUUID().toString().substring(0, 8));
    Tables.createIfMissing(dynamo, tables);
    registry = new DynamoWebhookRegistry(dynamo, tables.webhooks(), warning -> { });
    topicArn = sns.createTopic(b -> b.name("capex-alerts-" + UUID.randomUUID())).topicArn();
    receiver = Receivers.start();
    alerts = new ArrayList<>();
    for (SQSEvent.SQSMessage m : EventLoader.loadSQSEvent(WebhookDispatcherHandlerTest.EVENT_FILE).getRecords()) {
      alerts.add(AlertJson.parse(m.getBody()));
    }
  }

  @AfterEach
  void tearDown() {
    deliverers.forEach(WebhookDeliverer::close);
    receiver.close();
    sns.close();
    sqs.close();
    dynamo.close();
  }

  private Announcement alibaba() {
    return alerts.get(0);
  }

  private Announcement microsoft() {
    return alerts.get(1);
  }

  private WebhookDispatcherHandler handler(DeliverySettings settings) {
    DynamoDeliveryLog log = new DynamoDeliveryLog(dynamo, tables.deliveries(), clock,
        WebhookDispatch.claimLease(settings));
    WebhookDeliverer deliverer = WebhookDeliverer.builder(EndpointPolicy.local(), log).settings(settings).build();
    deliverers.add(deliverer);
    return new WebhookDispatcherHandler(new WebhookDispatch(registry, deliverer));
  }

  private void publish(Announcement... announcements) {
    SnsAlertPublisher publisher = new SnsAlertPublisher(sns, topicArn);
    for (Announcement a : announcements) {
      publisher.publish(a);
    }
  }

  @Test
  void everyAlertIsDeliveredOnceAndARedeliveredMessagePostsNothing() {
    Queue queue = Queue.subscribed(sqs, sns, topicArn, null);
    registry.create(Receivers.json(receiver, "all", "/all", WebhookFilter.all()));
    registry.create(Receivers.json(receiver, "microsoft", "/microsoft",
        new WebhookFilter(null, Set.of("microsoft"), Set.of())));
    WebhookDispatcherHandler handler = handler(FAST);
    publish(alibaba(), microsoft());

    Poll first = queue.poll(handler);

    assertEquals(2, first.event().getRecords().size(), "one raw message per alert");
    assertEquals(List.of(), first.failedIds());
    assertEquals(Set.of(alibaba().key().value(), microsoft().key().value()), Set.copyOf(eventIds("/all")));
    assertEquals(List.of(microsoft().key().value()), eventIds("/microsoft"));
    assertTrue(receiver.posts().stream().allMatch(WebhookReceiver.Post::verified), "signatures verify");

    // SQS is at-least-once: the same messages again, to another invocation.
    LambdaTestContext again = new LambdaTestContext("webhook-dispatcher", 60_000);
    SQSBatchResponse redelivered = handler(FAST).handleRequest(first.event(), again);

    assertEquals(List.of(), redelivered.getBatchItemFailures());
    assertEquals(3, receiver.posts().size(), "nothing more was posted");
    assertEquals(3, logged.lines().stream().filter(l -> l.path("status").asText().equals("ALREADY_DELIVERED")
        && l.path("function_request_id").asText().equals(again.getAwsRequestId())).count(), logged.lines().toString());
    assertEquals(0, queue.depth(), "every message was deleted");
  }

  @Test
  void aServerErrorIsRetriedAndDeliveredOnce() {
    Queue queue = Queue.subscribed(sqs, sns, topicArn, null);
    receiver.on("/flaky", n -> n == 1 ? 500 : 200);
    registry.create(Receivers.json(receiver, "flaky", "/flaky", WebhookFilter.all()));
    publish(alibaba());

    Poll poll = queue.poll(handler(FAST));

    assertEquals(List.of(), poll.failedIds());
    List<WebhookReceiver.Post> posts = receiver.posts("/flaky");
    assertEquals(List.of(500, 200), posts.stream().map(WebhookReceiver.Post::answered).toList());
    assertTrue(posts.stream().allMatch(WebhookReceiver.Post::verified));
    assertEquals(posts.get(0).header(WebhookSignature.DELIVERY_ID_HEADER),
        posts.get(1).header(WebhookSignature.DELIVERY_ID_HEADER), "one delivery, two attempts");
    assertEquals(0, registry.get("flaky").orElseThrow().consecutiveFailures());
    assertEquals(List.of(200, 500), attempts("flaky").stream().map(DeliveryAttempt::statusCode).toList(),
        "the attempts are in the deliveries table, newest first");
  }

  @Test
  void goneIsNotRetriedAndDisablesTheWebhook() {
    Queue queue = Queue.subscribed(sqs, sns, topicArn, null);
    receiver.on("/gone", n -> 410);
    registry.create(Receivers.json(receiver, "gone", "/gone", WebhookFilter.all()));
    registry.create(Receivers.json(receiver, "live", "/live", WebhookFilter.all()));
    WebhookDispatcherHandler handler = handler(FAST);
    publish(alibaba());

    assertEquals(List.of(), queue.poll(handler).failedIds(), "a retry cannot change a 410");

    assertEquals(1, receiver.posts("/gone").size());
    assertFalse(registry.get("gone").orElseThrow().enabled(), "disabled in the webhooks table");
    assertTrue(registry.get("live").orElseThrow().enabled());

    publish(microsoft());
    assertEquals(List.of(), queue.poll(handler).failedIds());
    assertEquals(1, receiver.posts("/gone").size(), "a disabled webhook gets nothing");
    assertEquals(2, receiver.posts("/live").size());
  }

  @Test
  void aHangingReceiverTimesOutWhileAnotherIsServedPromptlyAndTheRedeliveryReachesItOnce() {
    Queue queue = Queue.subscribed(sqs, sns, topicArn, null);
    DeliverySettings oneShort = FAST.withTimeouts(Duration.ofMillis(500), Duration.ofMillis(1500)).withMaxAttempts(1);
    WebhookDispatcherHandler handler = handler(oneShort);
    // Warm up (class loading, first connections): the test measures waiting, not JVM start-up.
    registry.create(Receivers.json(receiver, "warm-up", "/warm-up", WebhookFilter.all()));
    publish(microsoft());
    assertEquals(List.of(), queue.poll(handler).failedIds());
    registry.delete("warm-up");
    receiver.on("/slow", n -> n == 1 ? WebhookReceiver.HANG : 200);
    registry.create(Receivers.json(receiver, "slow", "/slow", WebhookFilter.all()));
    registry.create(Receivers.json(receiver, "prompt", "/prompt", WebhookFilter.all()));
    publish(alibaba());

    Poll first = queue.poll(handler);

    Duration timeout = Duration.ofMillis(2000);
    assertEquals(first.event().getRecords().stream().map(SQSEvent.SQSMessage::getMessageId).toList(),
        first.failedIds(), "the message comes again for the receiver that timed out");
    List<WebhookReceiver.Post> prompt = receiver.posts("/prompt");
    assertEquals(1, prompt.size());
    long promptMs = (prompt.getFirst().atNanos() - first.startNanos()) / 1_000_000;
    assertTrue(promptMs < timeout.toMillis() / 2, "prompt receiver served after " + promptMs + " ms");
    assertTrue(first.elapsed().compareTo(timeout.minusMillis(100)) >= 0, "waited for the timeout: " + first.elapsed());
    assertEquals(1, registry.get("slow").orElseThrow().consecutiveFailures());
    assertTrue(logged.lines().stream().anyMatch(l -> l.path("webhook_id").asText().equals("slow")
        && l.path("status").asText().equals("FAILED_RETRIES_EXHAUSTED") && l.path("level").asText().equals("WARN")
        && l.path("detail").asText().contains("timed out")), logged.lines().toString());

    // The visibility timeout (longer than the claim lease) passes; SQS hands the message out again.
    clock.advance(WebhookDispatch.claimLease(oneShort).plusSeconds(1));
    Poll second = queue.poll(handler);

    assertEquals(List.of(), second.failedIds());
    assertEquals(List.of(WebhookReceiver.HANG, 200),
        receiver.posts("/slow").stream().map(WebhookReceiver.Post::answered).toList());
    assertEquals(1, receiver.posts("/prompt").size(), "the receiver that acknowledged the first time gets nothing more");
    assertEquals(0, registry.get("slow").orElseThrow().consecutiveFailures());
    assertEquals(0, queue.depth());
  }

  @Test
  void anAlertThatKeepsFailingEndsInTheDeadLetterQueue() {
    String deadLetters = sqs.createQueue(b -> b.queueName("dlq-" + UUID.randomUUID())).queueUrl();
    Queue queue = Queue.subscribed(sqs, sns, topicArn, deadLetters);
    receiver.on("/down", n -> 503);
    registry.create(Receivers.json(receiver, "down", "/down", WebhookFilter.all()));
    WebhookDispatcherHandler handler = handler(FAST);
    publish(alibaba());

    for (int receive = 1; receive <= Queue.MAX_RECEIVE_COUNT; receive++) {
      assertEquals(1, queue.poll(handler).failedIds().size(), "receive " + receive);
      clock.advance(WebhookDispatch.claimLease(FAST).plusSeconds(1));
    }
    Poll afterLast = queue.poll(handler);

    assertEquals(0, afterLast.event().getRecords().size(), "SQS moved it on instead of handing it out again");
    List<Message> parked = sqs.receiveMessage(b -> b.queueUrl(deadLetters).maxNumberOfMessages(10)).messages();
    assertEquals(1, parked.size());
    assertEquals(alibaba().key().value(), eventKeyOf(parked.getFirst().body()));
    assertEquals(2 * Queue.MAX_RECEIVE_COUNT, receiver.posts("/down").size(), "two attempts per receive");
    assertEquals(Queue.MAX_RECEIVE_COUNT, registry.get("down").orElseThrow().consecutiveFailures());
  }

  private List<String> eventIds(String path) {
    return receiver.posts(path).stream().map(p -> p.header(WebhookSignature.EVENT_ID_HEADER)).toList();
  }

  private List<DeliveryAttempt> attempts(String webhookId) {
    return new DynamoDeliveryLog(dynamo, tables.deliveries(), clock, Duration.ofMinutes(1))
        .recentAttempts(webhookId, 10);
  }

  private static String eventKeyOf(String alertDocument) {
    try {
      return new ObjectMapper().readTree(alertDocument).get("event_key").asText();
    } catch (IOException e) {
      throw new AssertionError("not an alert document: " + alertDocument, e);
    }
  }

  /** One handler invocation on what the queue handed out. */
  record Poll(SQSEvent event, SQSBatchResponse response, LambdaTestContext context, long startNanos,
      Duration elapsed) {
    List<String> failedIds() {
      return WebhookDispatcherHandlerTest.failedIds(response);
    }
  }

  /** A queue subscribed to the topic with raw delivery, polled the way Lambda's SQS event source does. */
  private record Queue(SqsClient sqs, String url, String arn) {
    static final int MAX_RECEIVE_COUNT = 2;

    static Queue subscribed(SqsClient sqs, SnsClient sns, String topicArn, String deadLetterUrl) {
      Map<QueueAttributeName, String> attributes = new HashMap<>();
      if (deadLetterUrl != null) {
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(deadLetterUrl)
            .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        attributes.put(QueueAttributeName.REDRIVE_POLICY,
            "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}");
      }
      String url = sqs.createQueue(b -> b.queueName("dispatch-" + UUID.randomUUID()).attributes(attributes))
          .queueUrl();
      String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
          .attributes().get(QueueAttributeName.QUEUE_ARN);
      sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn)
          .attributes(Map.of("RawMessageDelivery", "true")));
      return new Queue(sqs, url, arn);
    }

    /** Receives what is visible, invokes the handler, deletes what succeeded, makes the failures visible again. */
    Poll poll(WebhookDispatcherHandler handler) {
      List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
      SQSEvent event = new SQSEvent();
      event.setRecords(messages.stream().map(this::toLambda).toList());
      LambdaTestContext context = new LambdaTestContext("webhook-dispatcher", 60_000);
      long start = System.nanoTime();
      SQSBatchResponse response = handler.handleRequest(event, context);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      List<String> failed = WebhookDispatcherHandlerTest.failedIds(response);
      for (Message m : messages) {
        if (failed.contains(m.messageId())) {
          // Lambda leaves it; it becomes visible when the visibility timeout ends. Here that is now.
          sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        } else {
          sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
        }
      }
      return new Poll(event, response, context, start, elapsed);
    }

    /** Messages in the queue, visible or not. */
    int depth() {
      return sqs.getQueueAttributes(b -> b.queueUrl(url)
              .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                  QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
          .attributes().values().stream().mapToInt(Integer::parseInt).sum();
    }

    private SQSEvent.SQSMessage toLambda(Message m) {
      SQSEvent.SQSMessage l = new SQSEvent.SQSMessage();
      l.setMessageId(m.messageId());
      l.setReceiptHandle(m.receiptHandle());
      l.setBody(m.body());
      l.setMd5OfBody(m.md5OfBody());
      l.setAttributes(Map.copyOf(m.attributesAsStrings()));
      Map<String, SQSEvent.MessageAttribute> attributes = new HashMap<>();
      m.messageAttributes().forEach((name, value) -> {
        SQSEvent.MessageAttribute a = new SQSEvent.MessageAttribute();
        a.setDataType(value.dataType());
        a.setStringValue(value.stringValue());
        attributes.put(name, a);
      });
      l.setMessageAttributes(attributes);
      l.setEventSource("aws:sqs");
      l.setEventSourceArn(arn);
      l.setAwsRegion(LocalAws.REGION.id());
      return l;
    }
  }
}
