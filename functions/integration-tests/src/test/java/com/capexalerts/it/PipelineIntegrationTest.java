package com.capexalerts.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.capexalerts.aws.dynamo.DynamoAnnouncementStore;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.aws.dynamo.Tables;
import com.capexalerts.aws.sns.SnsAlertPublisher;
import com.capexalerts.notifier.NotifierHandler;
import com.capexalerts.poller.FeedPollerHandler;
import com.capexalerts.testsupport.FixtureServer;
import com.capexalerts.testsupport.LambdaTestContext;
import com.capexalerts.testsupport.LocalAws;
import com.capexalerts.testsupport.LocalStack;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.TableStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The deployed pipeline, handler by handler, on real local AWS services: the scheduled event drives the real poller
 * handler over the repository's sample feeds (served on 127.0.0.1), the announcements table's real stream records
 * drive the real notifier handler, and the SNS topic delivers to SQS queues with filter policies and to an HTTP
 * endpoint. The assertions are on what each subscriber received.
 */
class PipelineIntegrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EVENTS = Path.of("../../events");

  static Stream<String> services() {
    // moto always (it runs here and in CI); LocalStack only where Docker exists (skipped with the reason otherwise).
    return Stream.of("moto", "localstack");
  }

  private static LocalAws aws(String name) {
    return name.equals("moto") ? MotoServer.get() : LocalStack.get();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("services")
  void eachEventAlertsOnceAcrossOutletsRepollsAndDuplicateRecords(String service) throws Exception {
    LocalAws aws = aws(service);
    DynamoDbClient dynamo = aws.dynamo();
    SnsClient sns = aws.sns();
    SqsClient sqs = aws.sqs();
    String run = "it-" + UUID.randomUUID().toString().substring(0, 8);
    TableNames tables = TableNames.withPrefix(run);
    Tables.createIfMissing(dynamo, tables);

    String topic = sns.createTopic(b -> b.name(run + "-alerts")).topicArn();
    String everything = subscribeQueue(sns, sqs, topic, run + "-all", null);
    String big = subscribeQueue(sns, sqs, topic, run + "-big",
        "{\"amount_usd_billions\":[{\"numeric\":[\">=\",60]}]}");
    String alibabaOnly = subscribeQueue(sns, sqs, topic, run + "-alibaba", "{\"company\":[\"Alibaba\"]}");

    try (FixtureServer server = FixtureServer.start()) {
      List<String> webhookBodies = new CopyOnWriteArrayList<>();
      server.on("/hook", ex -> {
        webhookBodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        FixtureServer.send(ex, 200, new byte[0]);
      });
      sns.subscribe(b -> b.topicArn(topic).protocol("http").endpoint(server.url("/hook")));

      List<String> feeds = new ArrayList<>();
      for (Path feed : sampleFeeds("sample-feeds")) {
        server.feed("/" + feed.getFileName(), Files.readAllBytes(feed));
        feeds.add(server.url("/" + feed.getFileName()));
      }
      Map<String, String> env = new HashMap<>(Map.of(
          "ANNOUNCEMENTS_TABLE", tables.announcements(),
          "FEEDS_TABLE", tables.feeds(),
          "SEEN_ITEMS_TABLE", tables.seenItems(),
          "MAX_AGE", "none"));
      env.put("FEEDS", String.join(",", feeds));
      env.put("FEED_ADDRESSES", "public-or-loopback"); // the fixture feeds are served on 127.0.0.1
      ScheduledEvent schedule = EventLoader.loadScheduledEvent(EVENTS.resolve("scheduled-event.json").toString());
      TableStream stream = new TableStream(dynamo, aws.dynamoStreams(), tables.announcements());
      NotifierHandler notifier = new NotifierHandler(
          new DynamoAnnouncementStore(dynamo, tables.announcements()), new SnsAlertPublisher(sns, topic),
          Clock.systemUTC());

      // First poll: three outlets carry three events (and cite the older budgets as context).
      new FeedPollerHandler(env, dynamo, Clock.systemUTC()).handleRequest(schedule, ctx("feed-poller"));
      List<Record> inserts = inserts(stream.poll());
      assertEquals(Set.of("Alibaba", "Microsoft", "Meta"), companies(inserts),
          "one stored event per company, however many outlets carry it");
      DynamodbEvent batch = stream.toLambdaEvent(inserts);
      assertEquals(List.of(), notifier.handleRequest(batch, ctx("notifier")).getBatchItemFailures());
      // The stream delivers a batch again (a retry): nothing is published twice.
      assertEquals(List.of(), notifier.handleRequest(batch, ctx("notifier")).getBatchItemFailures());

      List<JsonNode> all = drain(sqs, everything);
      assertEquals(List.of("Alibaba", "Meta", "Microsoft"), sortedCompanies(all));
      JsonNode alibaba = all.stream().filter(m -> m.get("company").asText().equals("Alibaba")).findFirst()
          .orElseThrow();
      assertEquals("capex-alert/1", alibaba.get("schema").asText());
      assertEquals("CNY", alibaba.get("currency").asText());
      assertTrue(Math.abs(alibaba.get("amount_usd").asDouble() - 53e9) < 1.5e9, alibaba.toString());
      assertTrue(alibaba.get("evidence").asText().contains("380 billion yuan"), alibaba.toString());
      assertEquals(3, alibaba.get("sources").size(), "all three outlets are sources of the one event");
      assertEquals(List.of("Meta", "Microsoft"), sortedCompanies(drain(sqs, big)), "filter: >= $60 billion");
      assertEquals(List.of("Alibaba"), sortedCompanies(drain(sqs, alibabaOnly)), "filter: company Alibaba");
      assertEquals(3, webhookBodies.size(), "the HTTP subscriber got one message per event");
      for (String body : webhookBodies) {
        JsonNode inner = JSON.readTree(JSON.readTree(body).get("Message").asText());
        assertEquals("capex-alert/1", inner.get("schema").asText(), "http gets the JSON rendering");
      }

      // Second poll of the same feeds: nothing new is stored, so nothing is published.
      new FeedPollerHandler(env, dynamo, Clock.systemUTC()).handleRequest(schedule, ctx("feed-poller"));
      List<Record> later = stream.poll();
      assertEquals(List.of(), inserts(later), "a re-poll stores no new event");
      // What the stream does carry (the notifier's own MODIFY updates) is ignored by the notifier.
      assertEquals(List.of(), notifier.handleRequest(stream.toLambdaEvent(later), ctx("notifier"))
          .getBatchItemFailures());
      assertEquals(List.of(), drain(sqs, everything));

      // A new feed with one new announcement and a retelling of a known one: only the new event alerts.
      for (Path feed : sampleFeeds("sample-feeds-more")) {
        server.feed("/" + feed.getFileName(), Files.readAllBytes(feed));
        feeds.add(server.url("/" + feed.getFileName()));
      }
      env.put("FEEDS", String.join(",", feeds));
      env.put("FEED_ADDRESSES", "public-or-loopback"); // the fixture feeds are served on 127.0.0.1
      new FeedPollerHandler(env, dynamo, Clock.systemUTC()).handleRequest(schedule, ctx("feed-poller"));
      List<Record> added = inserts(stream.poll());
      assertEquals(Set.of("Amazon"), companies(added));
      notifier.handleRequest(stream.toLambdaEvent(added), ctx("notifier"));
      assertEquals(List.of("Amazon"), sortedCompanies(drain(sqs, everything)));
      assertEquals(List.of(), drain(sqs, big), "$11 billion is below the >= $60 billion filter");
      assertEquals(4, webhookBodies.size());
    }
  }

  private static LambdaTestContext ctx(String function) {
    return new LambdaTestContext(function, 120_000);
  }

  private static List<Path> sampleFeeds(String folder) throws IOException {
    try (Stream<Path> files = Files.list(EVENTS.resolve(folder))) {
      return files.sorted().toList();
    }
  }

  private static List<Record> inserts(List<Record> records) {
    return records.stream().filter(r -> r.eventName() == OperationType.INSERT).toList();
  }

  private static Set<String> companies(List<Record> records) {
    return records.stream().map(r -> r.dynamodb().newImage().get("company").s())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> sortedCompanies(List<JsonNode> messages) {
    return messages.stream().map(m -> m.get("company").asText()).sorted().toList();
  }

  /** Subscribes a new queue with raw delivery (the body is the sqs rendering) and an optional filter policy. */
  private static String subscribeQueue(SnsClient sns, SqsClient sqs, String topic, String name, String filter) {
    String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
    String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    Map<String, String> attributes = new HashMap<>(Map.of("RawMessageDelivery", "true"));
    if (filter != null) {
      attributes.put("FilterPolicy", filter);
    }
    sns.subscribe(b -> b.topicArn(topic).protocol("sqs").endpoint(arn).attributes(attributes));
    return url;
  }

  /** Every message now in the queue (deleted after reading), as parsed JSON bodies. */
  private static List<JsonNode> drain(SqsClient sqs, String queue) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    while (true) {
      List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
          .messages();
      if (batch.isEmpty()) {
        return out;
      }
      for (Message m : batch) {
        out.add(JSON.readTree(m.body()));
        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
      }
    }
  }
}
