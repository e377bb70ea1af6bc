package com.capexalerts.notifier;

import com.capexalerts.testsupport.CapturedStdout;
import com.capexalerts.testsupport.LambdaTestContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.capexalerts.aws.sns.OutboxAlertPublisher;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.testsupport.RepoRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real handler on the sample stream events in events/, with the in-memory store. */
class NotifierHandlerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-24T10:00:00Z"), ZoneOffset.UTC);
  private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:capex-alerts";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final InMemoryAnnouncementStore store = new InMemoryAnnouncementStore();
  private final LambdaTestContext context = new LambdaTestContext("notifier", 30_000);
  @RegisterExtension
  final CapturedStdout log = CapturedStdout.eachTest();

  @TempDir
  Path dir;

  private static DynamodbEvent load(String name) {
    return EventLoader.loadDynamoDbEvent(RepoRoot.find().resolve("events").resolve(name).toString());
  }

  @Test
  void theSampleInsertGoesToTheOutboxOnceEvenWhenTheRecordComesTwice() throws Exception {
    store.create(Events.alibaba());
    Path outbox = dir.resolve("outbox.jsonl");
    NotifierHandler handler = new NotifierHandler(store, new OutboxAlertPublisher(outbox, TOPIC), CLOCK);
    DynamodbEvent event = load("dynamodb-stream-insert.json");

    StreamsEventResponse first = handler.handleRequest(event, context);
    StreamsEventResponse second = handler.handleRequest(event, context);

    assertEquals(List.of(), first.getBatchItemFailures());
    assertEquals(List.of(), second.getBatchItemFailures());
    List<String> lines = Files.readAllLines(outbox);
    assertEquals(1, lines.size(), "one alert for two deliveries of the record");
    JsonNode request = MAPPER.readTree(lines.getFirst());
    JsonNode message = MAPPER.readTree(request.get("Message").asText());
    JsonNode document = MAPPER.readTree(message.get("sqs").asText());
    assertEquals("alibaba-2025-02-24-52b", document.get("event_key").asText());
    assertEquals("Alibaba", request.at("/MessageAttributes/company/StringValue").asText());
    assertTrue(store.notification(Events.ALIBABA).messageId() != null, "message id recorded");
    JsonNode publishedLine = log.line("INFO", Map.of("event_key", "alibaba-2025-02-24-52b", "status", "PUBLISHED",
        "function_request_id", "test-request", "function_name", "notifier"));
    assertTrue(publishedLine.path("duration_ms").isIntegralNumber(), publishedLine.toString());
    assertTrue(publishedLine.hasNonNull("message_id"), publishedLine.toString());
    log.line("INFO", Map.of("event_key", "alibaba-2025-02-24-52b", "status", "ALREADY_PUBLISHED"));
  }

  @Test
  void modifyAndRemoveRecordsAreIgnored() {
    // Every key in the mixed batch is stored and unpublished, so only the event name decides.
    store.create(Events.alibaba());
    store.create(Events.microsoft());
    store.create(Events.meta());
    RecordingPublisher publisher = new RecordingPublisher();

    StreamsEventResponse response = new NotifierHandler(store, publisher, CLOCK)
        .handleRequest(load("dynamodb-stream-mixed.json"), context);

    assertEquals(List.of(), response.getBatchItemFailures());
    assertEquals(List.of(Events.MICROSOFT), publisher.published().stream().map(Announcement::key).toList());
    log.line("DEBUG", Map.of("event_name", "MODIFY", "event_id", "a1c0f00000000000000000000000000a",
        "sequence", "111100000000000000000002"));
    log.line("DEBUG", Map.of("event_name", "REMOVE"));
  }

  @Test
  void aFailedPublishIsReportedWithThatRecordsSequenceNumberAndTheRetryPublishesIt() {
    store.create(Events.alibaba());
    store.create(Events.microsoft());
    DynamodbEvent batch = twoInserts();
    RecordingPublisher publisher = new RecordingPublisher(1); // the first record's publish fails
    NotifierHandler handler = new NotifierHandler(store, publisher, CLOCK);

    StreamsEventResponse response = handler.handleRequest(batch, context);

    assertEquals(List.of(new BatchItemFailure("111100000000000000000001")), response.getBatchItemFailures());
    assertEquals(List.of(Events.MICROSOFT), publisher.published().stream().map(Announcement::key).toList());
    log.line("WARN", Map.of("event_key", "alibaba-2025-02-24-52b", "status", "FAILED"));

    // Lambda retries from the failed record on: both records come again.
    StreamsEventResponse retry = handler.handleRequest(batch, context);
    assertEquals(List.of(), retry.getBatchItemFailures());
    assertEquals(List.of(Events.MICROSOFT, Events.ALIBABA),
        publisher.published().stream().map(Announcement::key).toList());
  }

  @Test
  void anEventClaimedByAnotherLiveNotifierIsReportedForRetry() {
    store.create(Events.alibaba());
    store.claimNotification(Events.ALIBABA, "another-invocation", CLOCK.instant(), NotifierHandler.CLAIM_LEASE);
    RecordingPublisher publisher = new RecordingPublisher();

    StreamsEventResponse response = new NotifierHandler(store, publisher, CLOCK)
        .handleRequest(load("dynamodb-stream-insert.json"), context);

    assertEquals(List.of(new BatchItemFailure("111100000000000000000001")), response.getBatchItemFailures());
    assertEquals(0, publisher.attempts());
    log.line("WARN", Map.of("event_key", "alibaba-2025-02-24-52b", "status", "HELD_BY_OTHER"));
  }

  @Test
  void anInsertWithoutAKeyIsLoggedAndSkippedWithoutBlockingTheShard() {
    DynamodbEvent event = load("dynamodb-stream-insert.json");
    event.getRecords().getFirst().getDynamodb().setKeys(null);
    event.getRecords().getFirst().getDynamodb().setNewImage(null);
    RecordingPublisher publisher = new RecordingPublisher();

    StreamsEventResponse response = new NotifierHandler(store, publisher, CLOCK).handleRequest(event, context);

    assertEquals(List.of(), response.getBatchItemFailures());
    assertEquals(0, publisher.attempts());
    log.line("ERROR", Map.of("event_id", "7de3041dd709b024af6f29e4fa13d34c", "sequence", "111100000000000000000001",
        "message", "INSERT record skipped: no string attribute event_key in its Keys or NewImage"));
  }

  @Test
  void anInsertOfAnEventTheStoreDoesNotHaveIsNotRetried() {
    RecordingPublisher publisher = new RecordingPublisher();
    StreamsEventResponse response = new NotifierHandler(store, publisher, CLOCK)
        .handleRequest(load("dynamodb-stream-insert.json"), context);
    assertEquals(List.of(), response.getBatchItemFailures());
    log.line("WARN", Map.of("status", "MISSING"));
  }

  @Test
  void eachInvocationPrintsOneMetricLineCountingPublishedFailedAndSkippedAlerts() {
    store.create(Events.alibaba());
    store.create(Events.microsoft());
    DynamodbEvent batch = new DynamodbEvent();
    DynamodbEvent twice = twoInserts();
    // Alibaba's publish fails, Microsoft goes out, Microsoft's record comes again (a duplicate delivery).
    batch.setRecords(List.of(twice.getRecords().get(0), twice.getRecords().get(1), twice.getRecords().get(1)));
    RecordingPublisher publisher = new RecordingPublisher(1);

    StreamsEventResponse response = new NotifierHandler(store, publisher, CLOCK)
        .handleRequest(batch, context);

    assertEquals(1, response.getBatchItemFailures().size());
    List<JsonNode> documents = log.metricDocuments();
    assertEquals(1, documents.size(), log.lines().toString());
    JsonNode doc = documents.getFirst();
    assertEquals(1, doc.path("AlertsPublished").asLong(-1), doc.toString());
    assertEquals(1, doc.path("AlertsFailed").asLong(-1), doc.toString());
    assertEquals(1, doc.path("AlertsSkipped").asLong(-1), doc.toString());
    assertEquals("notifier", doc.path("Service").asText());
    JsonNode directive = doc.at("/_aws/CloudWatchMetrics/0");
    assertEquals("CapexAlerts", directive.path("Namespace").asText());
    assertEquals("[[\"Service\"]]", directive.path("Dimensions").toString());
    assertEquals(java.util.Set.of("AlertsPublished", "AlertsFailed", "AlertsSkipped"),
        directive.path("Metrics").valueStream().map(m -> m.path("Name").asText())
            .collect(java.util.stream.Collectors.toSet()));
    assertTrue(directive.path("Metrics").valueStream().allMatch(m -> m.path("Unit").asText().equals("Count")),
        directive.toString());
    // Powertools stamps the document when it is written (CloudWatch takes it as the metrics' time).
    assertTrue(Math.abs(System.currentTimeMillis() - doc.at("/_aws/Timestamp").asLong()) < 60_000, doc.toString());
    // Every line of the invocation carries its request id (Powertools' Lambda context fields).
    assertTrue(log.logLines().stream().allMatch(l -> l.path("function_request_id").asText()
        .equals(context.getAwsRequestId())), log.logLines().toString());
  }

  /** The sample insert followed by the Microsoft insert of the mixed sample. */
  private static DynamodbEvent twoInserts() {
    DynamodbEvent insert = load("dynamodb-stream-insert.json");
    DynamodbEvent mixed = load("dynamodb-stream-mixed.json");
    DynamodbEvent batch = new DynamodbEvent();
    batch.setRecords(List.of(insert.getRecords().getFirst(), mixed.getRecords().get(1)));
    return batch;
  }
}
