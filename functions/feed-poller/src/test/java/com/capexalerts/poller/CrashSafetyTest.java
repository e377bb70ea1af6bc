package com.capexalerts.poller;

import com.capexalerts.testsupport.FixtureServer;
import static com.capexalerts.poller.Fixtures.ALIBABA_EVENT;
import static com.capexalerts.poller.Fixtures.ALIZILA_LINK;
import static com.capexalerts.poller.Fixtures.MICROSOFT_BLOG_LINK;
import static com.capexalerts.poller.Fixtures.MICROSOFT_EVENT;
import static com.capexalerts.poller.Fixtures.NOW;
import static com.capexalerts.poller.Fixtures.WIRE_LINK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.aws.dynamo.DynamoAnnouncementStore;
import com.capexalerts.aws.dynamo.DynamoCommitmentLedger;
import com.capexalerts.aws.dynamo.DynamoFeedStateStore;
import com.capexalerts.aws.dynamo.DynamoSeenItemStore;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.FeedReport;
import com.capexalerts.core.poll.FeedStatus;
import com.capexalerts.core.poll.ItemError;
import com.capexalerts.core.poll.PollReport;
import com.capexalerts.core.poll.Poller;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Failures between the writes of a poll never drop an alert nor duplicate one: events are stored first, items marked
 * seen after, feed validators advanced last, and a retry re-processes idempotently. Stand-ins as in
 * {@link PollerEndToEndTest}; the stores are the real DynamoDB ones on moto, wrapped to fail on demand.
 */
class CrashSafetyTest {
  private final MutableClock clock = new MutableClock(NOW);
  private final DynamoDbClient dynamo = MotoServer.dynamo();
  private FixtureServer server;
  private TableNames tables;
  private CountingStores.Seen seen;
  private CountingStores.Events events;
  private Poller poller;

  @BeforeEach
  void setUp() {
    server = FixtureServer.start();
    server.feedWithEtag("/alizila.xml", "\"a1\"", Fixtures.ALIZILA);
    server.feedWithEtag("/microsoft.xml", "\"m1\"", Fixtures.MICROSOFT_BLOG);
    tables = Fixtures.freshTables(dynamo);
    seen = new CountingStores.Seen(new DynamoSeenItemStore(dynamo, tables.seenItems(), clock));
    events = new CountingStores.Events(new DynamoAnnouncementStore(dynamo, tables.announcements()));
    poller = Poller.builder()
        .parser(new RomeFeedParser())
        .findings(new FixtureDetector())
        .feedStates(new DynamoFeedStateStore(dynamo, tables.feeds()))
        .seenItems(seen)
        .announcements(events)
        .ledger(new DynamoCommitmentLedger(dynamo, tables.ledger()))
        .clock(clock)
        .build();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private List<Feed> feed(String path) {
    return List.of(new Feed(server.url(path), "Alizila"));
  }

  private List<String> storedLinks(String key) {
    return new DynamoAnnouncementStore(dynamo, tables.announcements()).get(new EventKey(key)).orElseThrow()
        .sources().stream().map(Source::link).toList();
  }

  @Test
  void anItemWhoseEventCouldNotBeStoredIsRetriedWithAFullFetch() {
    events.failNextCreates.set(1);

    PollReport first = poller.poll(feed("/alizila.xml"));

    assertEquals(1, first.itemErrors().size());
    ItemError error = first.itemErrors().getFirst();
    assertEquals("alizila-53b", error.itemId());
    assertTrue(error.message().contains("simulated store outage"), error.message());
    assertNull(new DynamoFeedStateStore(dynamo, tables.feeds()).load(server.url("/alizila.xml")).etag(),
        "validators are not advanced while an item is unstored");
    assertEquals(List.of(WIRE_LINK), storedLinks(ALIBABA_EVENT));

    clock.advance(Duration.ofMinutes(15));
    PollReport second = poller.poll(feed("/alizila.xml"));

    assertNull(server.lastIfNoneMatch("/alizila.xml"), "the retry is a full fetch");
    assertEquals(List.of(), second.itemErrors());
    assertEquals(List.of(), second.newEvents(), "the pledge is the event stored from the wire story");
    assertEquals(List.of(WIRE_LINK, ALIZILA_LINK), storedLinks(ALIBABA_EVENT));

    clock.advance(Duration.ofMinutes(15));
    assertEquals(FeedStatus.NOT_MODIFIED, poller.poll(feed("/alizila.xml")).feeds().getFirst().status());
  }

  @Test
  void aCrashAfterStoringEventsButBeforeMarkingItemsSeenNeitherLosesNorRepeatsAnAlert() {
    seen.failNextMarks.set(1);

    PollReport first = poller.poll(feed("/microsoft.xml"));

    assertEquals(List.of(MICROSOFT_EVENT), first.newEvents().stream().map(a -> a.key().value()).toList(),
        "the event is stored (the table stream alerts it) although the poll then failed");
    FeedReport report = first.feeds().getFirst();
    assertTrue(report.error().contains("seen-item store"), report.error());
    assertNull(new DynamoFeedStateStore(dynamo, tables.feeds()).load(server.url("/microsoft.xml")).etag());

    clock.advance(Duration.ofMinutes(15));
    PollReport retry = poller.poll(feed("/microsoft.xml"));

    assertEquals(List.of(), retry.newEvents());
    assertEquals(List.of(), retry.sourcesAdded());
    assertNull(retry.feeds().getFirst().error());
    assertEquals(2, retry.feeds().getFirst().newItems(), "the items were re-processed");
    assertEquals(List.of(MICROSOFT_BLOG_LINK), storedLinks(MICROSOFT_EVENT));
    Announcement stored = new DynamoAnnouncementStore(dynamo, tables.announcements())
        .get(new EventKey(MICROSOFT_EVENT)).orElseThrow();
    assertEquals(first.newEvents().getFirst(), stored, "unchanged by the retry");
    assertEquals("\"m1\"", new DynamoFeedStateStore(dynamo, tables.feeds()).load(server.url("/microsoft.xml"))
        .etag());
  }
}
