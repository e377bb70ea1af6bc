package com.capexalerts.poller;

import com.capexalerts.testsupport.FixtureServer;
import com.capexalerts.testsupport.CapturedStdout;
import com.capexalerts.testsupport.LambdaTestContext;
import static com.capexalerts.poller.Fixtures.MICROSOFT_EVENT;
import static com.capexalerts.poller.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.capexalerts.aws.dynamo.AnnouncementItems;
import com.capexalerts.aws.dynamo.DynamoFeedStateStore;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The real handler, invoked with the repository's scheduled-event sample, on moto. */
class FeedPollerHandlerTest {
  private static final String EVENT_FILE = "../../events/scheduled-event.json";

  private final MutableClock clock = new MutableClock(NOW);
  private final DynamoDbClient dynamo = MotoServer.dynamo();
  private FixtureServer server;
  private TableNames tables;
  private Map<String, String> env;

  @BeforeEach
  void setUp() {
    server = FixtureServer.start();
    server.feedWithEtag("/microsoft.xml", "\"m1\"", Fixtures.MICROSOFT_BLOG);
    tables = Fixtures.freshTables(dynamo);
    env = new HashMap<>(Map.of(
        "FEEDS", "[{\"url\": \"" + server.url("/microsoft.xml") + "\", \"name\": \"Official Microsoft Blog\"}]",
        "ANNOUNCEMENTS_TABLE", tables.announcements(),
        "FEEDS_TABLE", tables.feeds(),
        "SEEN_ITEMS_TABLE", tables.seenItems(),
        "FEED_ADDRESSES", "public-or-loopback")); // the fixture feeds are served on 127.0.0.1
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private int storedEvents() {
    return dynamo.scan(r -> r.tableName(tables.announcements())).count();
  }

  @Test
  void theSampleEventIsAValidScheduledEvent() {
    ScheduledEvent event = EventLoader.loadScheduledEvent(EVENT_FILE);

    assertEquals("Scheduled Event", event.getDetailType());
    assertEquals("aws.events", event.getSource());
    assertEquals(1, event.getResources().size());
  }

  @Test
  void productionWiringPollsAndReportsWhatItStored() throws Exception {
    FeedPollerHandler handler = new FeedPollerHandler(env, dynamo, clock);
    LambdaTestContext context = new LambdaTestContext("feed-poller", 120_000);

    Map<String, Object> summary = handler.handleRequest(EventLoader.loadScheduledEvent(EVENT_FILE), context);

    assertEquals(1, summary.get("feeds"));
    assertEquals(1L, summary.get("fetched"));
    assertEquals("2025-02-24T09:30:00Z", summary.get("scheduledTime"));
    assertEquals(storedEvents(), ((List<?>) summary.get("newEvents")).size(),
        "every event created is reported (none while the detector is a placeholder)");
    assertEquals("\"m1\"", new DynamoFeedStateStore(dynamo, tables.feeds()).load(server.url("/microsoft.xml"))
        .etag());
  }

  @Test
  void aPollLogsJsonLinesAndWritesOneEmfDocumentOnStdout() {
    server.status("/down.xml", 500, null);
    env.put("FEEDS", "[{\"url\": \"" + server.url("/microsoft.xml") + "\", \"name\": \"Official Microsoft Blog\"},"
        + " {\"url\": \"" + server.url("/down.xml") + "\", \"name\": \"Down\"}]");
    FeedPollerHandler handler = new FeedPollerHandler(env, dynamo, clock);
    LambdaTestContext context = new LambdaTestContext("feed-poller", 120_000);

    try (CapturedStdout out = new CapturedStdout()) {
      handler.handleRequest(EventLoader.loadScheduledEvent(EVENT_FILE), context);

      JsonNode failed = out.line("WARN", Map.of("message", "feed failed", "feed", server.url("/down.xml"),
          "status", "failed", "error_class", "http-status", "function_request_id", context.getAwsRequestId()));
      assertTrue(failed.path("error_detail").asText().contains("500"), failed.toString());
      assertTrue(failed.hasNonNull("next_attempt_at"), failed.toString());
      // One of two feeds failed: the summary is a WARN, with its counts as JSON numbers.
      JsonNode summary = out.line("WARN", Map.of("message", "poll done", "function_name", "feed-poller"));
      assertEquals(1, summary.path("fetched").asInt(-1), summary.toString());
      assertEquals(1, summary.path("failed").asInt(-1), summary.toString());
      assertTrue(summary.path("duration_ms").isIntegralNumber(), summary.toString());
      assertTrue(summary.path("skipped").isObject(), summary.toString());

      List<JsonNode> documents = out.metricDocuments();
      assertEquals(1, documents.size(), out.lines().toString());
      JsonNode doc = documents.getFirst();
      JsonNode directive = doc.at("/_aws/CloudWatchMetrics/0");
      assertEquals("CapexAlerts", directive.path("Namespace").asText(), doc.toString());
      assertEquals("[[\"Service\"]]", directive.path("Dimensions").toString(), doc.toString());
      assertEquals("feed-poller", doc.path("Service").asText(), doc.toString());
      assertEquals(java.util.Set.of("FeedsPolled", "FeedsSucceeded", "FeedsFailed", "FeedsStale", "FeedsBackingOff",
          "ItemsNew", "EventsNew", "SourcesAdded", "ItemErrors"), directive.path("Metrics").valueStream()
              .map(m -> m.path("Name").asText()).collect(java.util.stream.Collectors.toSet()), doc.toString());
      assertEquals(2, doc.path("FeedsPolled").asInt(-1), doc.toString());
      assertEquals(1, doc.path("FeedsSucceeded").asInt(-1), doc.toString());
      assertEquals(1, doc.path("FeedsFailed").asInt(-1), doc.toString());
      assertTrue(doc.path("FeedsFailed").isNumber(), doc.toString());
    }
  }

  @Test
  void eventsFoundAreStoredAndSummarised() {
    FeedPollerHandler handler = new FeedPollerHandler(PollerSettings.fromEnv(env), TableNames.fromEnv(env), dynamo,
        new RomeFeedParser(), new FixtureDetector(), clock);

    Map<String, Object> first = handler.handleRequest(EventLoader.loadScheduledEvent(EVENT_FILE),
        new LambdaTestContext("feed-poller", 120_000));
    Map<String, Object> second = handler.handleRequest(EventLoader.loadScheduledEvent(EVENT_FILE),
        new LambdaTestContext("feed-poller", 120_000));

    assertEquals(List.of(MICROSOFT_EVENT), first.get("newEvents"));
    assertEquals(MICROSOFT_EVENT, AnnouncementItems.fromItem(
        dynamo.scan(r -> r.tableName(tables.announcements())).items().getFirst()).key().value());
    assertEquals(List.of(), second.get("newEvents"));
    assertEquals(1L, second.get("not-modified"));
  }

  @Test
  void withTooLittleTimeLeftNoFeedIsStarted() {
    FeedPollerHandler handler = new FeedPollerHandler(env, dynamo, clock);

    // 25 s left is less than the read timeout (20 s) plus the store margin (10 s).
    Map<String, Object> summary = handler.handleRequest(EventLoader.loadScheduledEvent(EVENT_FILE),
        new LambdaTestContext("feed-poller", 25_000));

    assertEquals(1L, summary.get("skipped-deadline"));
    assertEquals(0, server.requests("/microsoft.xml"));
  }

  @Test
  void invalidConfigurationNamesTheVariables() {
    env.put("THRESHOLD_USD", "lots");
    env.put("MAX_AGE", "two weeks");
    IllegalArgumentException settings = assertThrows(IllegalArgumentException.class,
        () -> new FeedPollerHandler(env, dynamo, clock));
    assertTrue(settings.getMessage().contains("THRESHOLD_USD") && settings.getMessage().contains("MAX_AGE"),
        settings.getMessage());

    env.remove("THRESHOLD_USD");
    env.remove("MAX_AGE");
    env.remove("SEEN_ITEMS_TABLE");
    IllegalArgumentException table = assertThrows(IllegalArgumentException.class,
        () -> new FeedPollerHandler(env, dynamo, clock));
    assertTrue(table.getMessage().contains("SEEN_ITEMS_TABLE"), table.getMessage());
  }
}
