package com.capexalerts.notifier;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real handler on the sample stream events in events/, with the in-memory store. */
class NotifierHandlerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-24T10:00:00Z"), ZoneOffset.UTC);
  private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:capex-alerts";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final InMemoryAnnouncementStore store = new InMemoryAnnouncementStore();
  private final LambdaTestContext context = new LambdaTestContext("notifier", 30_000);

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
    assertTrue(context.lines().stream().anyMatch(l -> l.startsWith("INFO event_key=alibaba-2025-02-24-52b "
        + "status=PUBLISHED")), context.lines().toString());
    assertTrue(context.lines().stream().anyMatch(l -> l.contains("status=ALREADY_PUBLISHED")), context.lines().toString());
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
    assertTrue(context.lines().contains("DEBUG ignored MODIFY record a1c0f00000000000000000000000000a "
        + "(sequence 111100000000000000000002): only new events are alerted"), context.lines().toString());
    assertTrue(context.lines().stream().anyMatch(l -> l.startsWith("DEBUG ignored REMOVE record")));
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
    assertTrue(context.lines().stream().anyMatch(l -> l.startsWith("WARN event_key=alibaba-2025-02-24-52b "
        + "status=FAILED")), context.lines().toString());

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
    assertTrue(context.lines().stream().anyMatch(l -> l.startsWith("WARN event_key=alibaba-2025-02-24-52b "
        + "status=HELD_BY_OTHER")), context.lines().toString());
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
    assertTrue(context.lines().contains("ERROR skipped INSERT record 7de3041dd709b024af6f29e4fa13d34c (sequence "
        + "111100000000000000000001): no string attribute event_key in its Keys or NewImage"), context.lines().toString());
  }

  @Test
  void anInsertOfAnEventTheStoreDoesNotHaveIsNotRetried() {
    RecordingPublisher publisher = new RecordingPublisher();
    StreamsEventResponse response = new NotifierHandler(store, publisher, CLOCK)
        .handleRequest(load("dynamodb-stream-insert.json"), context);
    assertEquals(List.of(), response.getBatchItemFailures());
    assertTrue(context.lines().stream().anyMatch(l -> l.startsWith("WARN ") && l.contains("status=MISSING")),
        context.lines().toString());
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
