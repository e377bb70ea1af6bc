package com.capexalerts.poller;

import com.capexalerts.testsupport.FixtureServer;
import static com.capexalerts.poller.Fixtures.ALIBABA_EVENT;
import static com.capexalerts.poller.Fixtures.ALIZILA_LINK;
import static com.capexalerts.poller.Fixtures.MICROSOFT_BLOG_LINK;
import static com.capexalerts.poller.Fixtures.MICROSOFT_EVENT;
import static com.capexalerts.poller.Fixtures.NEWS_MICROSOFT_LINK;
import static com.capexalerts.poller.Fixtures.NOW;
import static com.capexalerts.poller.Fixtures.WIRE_LINK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.aws.dynamo.AnnouncementItems;
import com.capexalerts.aws.dynamo.DynamoAnnouncementStore;
import com.capexalerts.aws.dynamo.DynamoCommitmentLedger;
import com.capexalerts.aws.dynamo.DynamoFeedStateStore;
import com.capexalerts.aws.dynamo.DynamoSeenItemStore;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.alert.Thresholds;
import com.capexalerts.core.fetch.FetchSettings;
import com.capexalerts.core.fetch.StandardFeedFetcher;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.FeedParser;
import com.capexalerts.core.poll.FeedReport;
import com.capexalerts.core.poll.FeedState;
import com.capexalerts.core.poll.FeedStatus;
import com.capexalerts.core.poll.FindingSource;
import com.capexalerts.core.poll.ItemKeys;
import com.capexalerts.core.poll.PollReport;
import com.capexalerts.core.poll.Poller;
import com.capexalerts.core.poll.PollerConfig;
import com.capexalerts.core.poll.SourceAdded;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The poller against fixture feeds on a local HTTP server and DynamoDB on moto. Parsing and detection use the
 * stand-ins {@link RomeFeedParser} and {@link FixtureDetector} (the real FeedReader and Detector are placeholders on
 * this branch); {@link RealPipelineTest} runs the same story with the real ones.
 */
class PollerEndToEndTest {
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

  private final MutableClock clock = new MutableClock(NOW);
  private final DynamoDbClient dynamo = MotoServer.dynamo();
  private FixtureServer server;
  private TableNames tables;
  private RomeFeedParser parser;
  private CountingStores.Seen seen;
  private CountingStores.Events events;
  private List<Feed> feeds;

  @BeforeEach
  void setUp() {
    server = FixtureServer.start();
    server.feedWithEtag("/microsoft.xml", "\"ms-v1\"", Fixtures.MICROSOFT_BLOG);
    server.status("/broken.xml", 500, null);
    server.hanging("/hang.xml");
    server.slowFeed("/news.xml", 300, Fixtures.NEWS);
    server.status("/throttled.xml", 429, "120");
    server.gzipFeed("/alizila.xml", Fixtures.ALIZILA);
    feeds = List.of(feed("/microsoft.xml", "Official Microsoft Blog"), feed("/broken.xml", "Broken"),
        feed("/hang.xml", "Hangs"), feed("/news.xml", "Tech News"), feed("/throttled.xml", "Throttled"),
        feed("/alizila.xml", "Alizila"));
    tables = Fixtures.freshTables(dynamo);
    parser = new RomeFeedParser();
    seen = new CountingStores.Seen(new DynamoSeenItemStore(dynamo, tables.seenItems(), clock));
    events = new CountingStores.Events(new DynamoAnnouncementStore(dynamo, tables.announcements()));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private Feed feed(String path, String name) {
    return new Feed(server.url(path), name);
  }

  private Poller poller(int concurrency, Clock pollerClock, FeedParser feedParser, FindingSource findings) {
    return poller(concurrency, pollerClock, feedParser, findings, READ_TIMEOUT);
  }

  private Poller poller(int concurrency, Clock pollerClock, FeedParser feedParser, FindingSource findings,
      Duration readTimeout) {
    PollerConfig config = PollerConfig.defaults()
        .withThresholds(Thresholds.parse(null, "Apple=2000000000"))
        .withFetchConcurrency(concurrency);
    return Poller.builder()
        .config(config)
        .fetcher(new StandardFeedFetcher(FetchSettings.defaults().withTimeouts(Duration.ofSeconds(1), readTimeout)))
        .parser(feedParser)
        .findings(findings)
        .feedStates(new DynamoFeedStateStore(dynamo, tables.feeds()))
        .seenItems(seen)
        .announcements(events)
        .ledger(new DynamoCommitmentLedger(dynamo, tables.ledger()))
        .clock(pollerClock)
        .build();
  }

  private Poller poller() {
    return poller(8, clock, parser, new FixtureDetector());
  }

  private Map<String, Announcement> storedEvents() {
    return dynamo.scan(r -> r.tableName(tables.announcements())).items().stream()
        .map(AnnouncementItems::fromItem)
        .collect(java.util.stream.Collectors.toMap(a -> a.key().value(), a -> a));
  }

  private static List<String> links(Announcement a) {
    return a.sources().stream().map(Source::link).toList();
  }

  @Test
  void firstPollStoresEachEventOnceWithEverySourceAndRecordsFailures() {
    PollReport report = poller().poll(feeds);

    assertEquals(List.of(MICROSOFT_EVENT, ALIBABA_EVENT),
        report.newEvents().stream().map(a -> a.key().value()).toList());
    assertEquals(List.of(new SourceAdded(new EventKey(MICROSOFT_EVENT), new Source(NEWS_MICROSOFT_LINK,
            "Tech News", "Microsoft will invest $80 billion in AI data centres, Brad Smith says",
            Instant.parse("2025-02-25T16:00:00Z"))),
        new SourceAdded(new EventKey(ALIBABA_EVENT), new Source(WIRE_LINK, "Alizila",
            "Alibaba will invest 380 billion yuan (about $52.6 billion) in cloud and AI hardware",
            Instant.parse("2025-02-24T08:00:00Z")))), report.sourcesAdded());
    assertEquals(List.of(), report.itemErrors());

    Map<String, Announcement> stored = storedEvents();
    assertEquals(Set.of(MICROSOFT_EVENT, ALIBABA_EVENT), stored.keySet(),
        "no event for mentions, Apple's $1.5 billion (below its $2 billion threshold) or old news");
    Announcement microsoft = stored.get(MICROSOFT_EVENT);
    assertEquals(List.of(MICROSOFT_BLOG_LINK, NEWS_MICROSOFT_LINK), links(microsoft),
        "first source first, tracking parameters dropped");
    assertEquals(MICROSOFT_BLOG_LINK, microsoft.link());
    assertEquals(0, new BigDecimal("80000000000").compareTo(microsoft.amountUsd()));
    assertEquals(AnnouncementKind.ANNOUNCEMENT, microsoft.kind());
    assertEquals(Instant.parse("2025-02-25T14:00:00Z"), microsoft.published());
    assertEquals(NOW, microsoft.detectedAt());
    assertEquals("Microsoft will invest $80 billion in AI data centres this fiscal year", microsoft.title());
    assertEquals(List.of(ALIZILA_LINK, WIRE_LINK), links(stored.get(ALIBABA_EVENT)),
        "the pledge relayed under the same guid by two feeds is one source");
    assertEquals(report.newEvents().getFirst(), microsoftAsCreated(microsoft));

    assertFeed(report, "/microsoft.xml", FeedStatus.FETCHED, 2, 2, 0);
    assertFeed(report, "/news.xml", FeedStatus.FETCHED, 4, 4, 1);
    assertFeed(report, "/alizila.xml", FeedStatus.FETCHED, 2, 2, 0);
    FeedReport broken = report.feed(server.url("/broken.xml"));
    assertEquals(FeedStatus.FAILED, broken.status());
    assertTrue(broken.error().contains("HTTP 500"), broken.error());
    Instant retryBroken = NOW.plus(Duration.ofMinutes(15)).minus(Duration.ofSeconds(90));
    assertEquals(retryBroken, broken.nextAttemptAt(), "the next scheduled run, allowing for drift");
    FeedReport hang = report.feed(server.url("/hang.xml"));
    assertEquals(FeedStatus.FAILED, hang.status());
    assertTrue(hang.error().contains("timed out"), hang.error());
    assertEquals(NOW.plusSeconds(120), report.feed(server.url("/throttled.xml")).nextAttemptAt(),
        "Retry-After: 120 honoured");

    DynamoFeedStateStore states = new DynamoFeedStateStore(dynamo, tables.feeds());
    assertEquals(new FeedState(server.url("/broken.xml"), null, null, null, 1, broken.error(), retryBroken),
        states.load(server.url("/broken.xml")));
    assertEquals(new FeedState(server.url("/microsoft.xml"), "\"ms-v1\"", null, NOW, 0, null, null),
        states.load(server.url("/microsoft.xml")));
    // Seen keys are per feed: the pledge relayed under the same guid by the news site is seen in both feeds.
    List<String> expectedSeen = List.of(seenKey("/microsoft.xml", "ms-80b"), seenKey("/microsoft.xml", "ms-context"),
        seenKey("/news.xml", "news-ms"), seenKey("/news.xml", "news-apple-small"), seenKey("/news.xml", "news-old"),
        seenKey("/news.xml", "alizila-53b"), seenKey("/alizila.xml", "alizila-53b"),
        seenKey("/alizila.xml", "wire-yuan"));
    List<String> asked = new java.util.ArrayList<>(expectedSeen);
    asked.add(seenKey("/news.xml", "never-published"));
    asked.add(seenKey("/news.xml", "wire-yuan"));
    asked.add("ms-80b");
    assertEquals(Set.copyOf(expectedSeen),
        new DynamoSeenItemStore(dynamo, tables.seenItems(), clock).alreadySeen(asked));
  }

  private String seenKey(String path, String guid) {
    return ItemKeys.inFeed(server.url(path), guid);
  }

  /** The event in the report is the one stored, apart from sources added later in the same poll. */
  private static Announcement microsoftAsCreated(Announcement stored) {
    return new Announcement(stored.key(), stored.company(), stored.kind(), stored.amount(), stored.amountUsd(),
        stored.period(), stored.evidence(), stored.title(), stored.link(), stored.published(), stored.detectedAt(),
        stored.sources().subList(0, 1), stored.updates());
  }

  private void assertFeed(PollReport report, String path, FeedStatus status, int items, int newItems, int tooOld) {
    FeedReport f = report.feed(server.url(path));
    assertEquals(List.of(status, items, newItems, tooOld), List.of(f.status(), f.items(), f.newItems(), f.tooOld()),
        path + ": " + f);
    assertNull(f.error(), path);
  }

  @Test
  void pollingAgainChangesNothingAndA304CostsNoParsingAndNoWrites() {
    Poller poller = poller();
    poller.poll(feeds);
    Map<String, Announcement> afterFirst = storedEvents();
    int parses = parser.calls.get();
    int marks = seen.markSeenCalls.get();
    int creates = events.creates.get();
    int adds = events.addSources.get();
    clock.advance(Duration.ofMinutes(1));

    PollReport second = poller.poll(feeds);

    assertEquals(List.of(), second.newEvents());
    assertEquals(List.of(), second.sourcesAdded());
    assertEquals(FeedStatus.NOT_MODIFIED, second.feed(server.url("/microsoft.xml")).status());
    assertEquals("\"ms-v1\"", server.lastIfNoneMatch("/microsoft.xml"));
    assertEquals(parses + 2, parser.calls.get(), "only the two feeds without validators were parsed");
    assertEquals(List.of(marks, creates, adds),
        List.of(seen.markSeenCalls.get(), events.creates.get(), events.addSources.get()),
        "no seen-item, event or source writes");
    assertEquals(0, second.feed(server.url("/news.xml")).newItems());
    for (String path : List.of("/broken.xml", "/hang.xml", "/throttled.xml")) {
      assertEquals(FeedStatus.BACKING_OFF, second.feed(server.url(path)).status(), path);
      assertEquals(1, server.requests(path), path + " not fetched while backing off");
    }
    assertEquals(afterFirst, storedEvents());
  }

  @Test
  void failingFeedsBackOffExponentiallyWhileTheOthersGoOn() {
    Poller poller = poller();
    DynamoFeedStateStore states = new DynamoFeedStateStore(dynamo, tables.feeds());
    String broken = server.url("/broken.xml");

    poller.poll(feeds);
    clock.advance(Duration.ofMinutes(15).minusSeconds(10)); // the next scheduled run, arriving 10 s early
    PollReport second = poller.poll(feeds);
    Instant secondAt = clock.instant();
    clock.advance(Duration.ofMinutes(15));
    PollReport third = poller.poll(feeds);

    assertEquals(FeedStatus.FAILED, second.feed(broken).status());
    assertEquals(2, states.load(broken).consecutiveFailures());
    assertEquals(secondAt.plus(Duration.ofMinutes(30)).minus(Duration.ofSeconds(90)),
        second.feed(broken).nextAttemptAt());
    assertEquals(FeedStatus.BACKING_OFF, third.feed(broken).status(), "30 minutes have not passed");
    assertEquals(2, server.requests("/broken.xml"));
    assertEquals(FeedStatus.FETCHED, third.feed(server.url("/news.xml")).status());
    assertEquals(FeedStatus.NOT_MODIFIED, third.feed(server.url("/microsoft.xml")).status());
  }

  @Test
  void aRaiseOfAnEarlierPledgeIsAnUpdateEvent() {
    server.feed("/meta-1.xml", Rss.feed("Meta Newsroom", Rss.item("meta-60b",
        "Meta will invest $60 billion in AI infrastructure this year", "", "https://about.fb.com/news/a/",
        "2025-02-14T12:00:00Z")));
    server.feed("/meta-2.xml", Rss.feed("Meta Newsroom", Rss.item("meta-72b",
        "Meta raises its AI infrastructure budget to $72 billion", "", "https://about.fb.com/news/b/",
        "2025-02-25T12:00:00Z")));
    Poller poller = poller();

    PollReport first = poller.poll(List.of(feed("/meta-1.xml", "Meta")));
    PollReport second = poller.poll(List.of(feed("/meta-2.xml", "Meta")));

    assertEquals(List.of("meta-2025-02-14-60b"), first.newEvents().stream().map(a -> a.key().value()).toList());
    Announcement update = second.newEvents().getFirst();
    assertEquals(AnnouncementKind.UPDATE, update.kind());
    assertEquals(new EventKey("meta-2025-02-14-60b"), update.updates());
    assertEquals(update.key(), new EventKey("meta-2025-02-25-72b"));
    assertEquals(update, new DynamoAnnouncementStore(dynamo, tables.announcements()).get(update.key())
        .orElseThrow());
  }

  @Test
  void nearTheDeadlineNoFeedIsStarted() {
    server.slowFeed("/slow.xml", 1500, Fixtures.NEWS);
    List<Feed> ordered = List.of(feed("/slow.xml", "Slow"), feed("/microsoft.xml", "Microsoft"),
        feed("/alizila.xml", "Alizila"));
    Clock real = Clock.systemUTC();
    Poller poller = poller(1, real, parser, new FixtureDetector(), Duration.ofSeconds(5));

    PollReport report = poller.poll(ordered, real.instant().plusMillis(700));

    assertEquals(List.of(FeedStatus.FETCHED, FeedStatus.SKIPPED_DEADLINE, FeedStatus.SKIPPED_DEADLINE),
        report.feeds().stream().map(FeedReport::status).toList());
    assertEquals(List.of(0, 0), List.of(server.requests("/microsoft.xml"), server.requests("/alizila.xml")));
    assertEquals(FeedState.fresh(server.url("/microsoft.xml")),
        new DynamoFeedStateStore(dynamo, tables.feeds()).load(server.url("/microsoft.xml")),
        "a skipped feed keeps its state");
  }

  @Test
  void fetchesRunConcurrentlyWithinTheBound() {
    List<Feed> slowFeeds = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      server.slowFeed("/slow-" + i + ".xml", 250, Rss.feed("Slow " + i));
      slowFeeds.add(feed("/slow-" + i + ".xml", "Slow " + i));
    }

    PollReport report = poller(2, clock, parser, new FixtureDetector()).poll(slowFeeds);

    assertEquals(6, report.count(FeedStatus.FETCHED));
    assertEquals(2, server.maxInFlight(), "two at a time, never more");
  }

  @Test
  void anUnreadableFeedFailsAloneAndItemsAreProcessedInFeedOrder() {
    server.feed("/garbage.xml", "this is not xml".getBytes());
    List<Feed> withGarbage = List.of(feed("/garbage.xml", "Garbage"), feed("/alizila.xml", "Alizila"),
        feed("/news.xml", "Tech News"));

    PollReport report = poller().poll(withGarbage);

    FeedReport garbage = report.feed(server.url("/garbage.xml"));
    assertEquals(FeedStatus.FAILED, garbage.status());
    assertTrue(garbage.error().contains("/garbage.xml"), garbage.error());
    Announcement alibaba = storedEvents().get(ALIBABA_EVENT);
    assertEquals(List.of(ALIZILA_LINK, WIRE_LINK), links(alibaba));
    assertEquals("Alizila", alibaba.sources().getFirst().outlet(), "the first feed in the list is the first source");
    assertEquals(Set.of(MICROSOFT_EVENT, ALIBABA_EVENT), storedEvents().keySet());
  }

  @Test
  void twoOutletsWithTheSameOpaqueGuidAreTwoItems() {
    server.feed("/outlet-a.xml", Rss.feed("Outlet A", Rss.item("1001",
        "Microsoft will invest $80 billion in AI data centres this fiscal year", "Brad Smith wrote.",
        MICROSOFT_BLOG_LINK, "2025-02-25T14:00:00Z")));
    server.feed("/outlet-b.xml", Rss.feed("Outlet B", Rss.item("1001",
        "Alibaba will invest more than 380 billion yuan ($53 billion) in AI infrastructure", "Over three years.",
        ALIZILA_LINK, "2025-02-24T03:00:00Z")));
    List<Feed> outlets = List.of(feed("/outlet-a.xml", "Outlet A"), feed("/outlet-b.xml", "Outlet B"));

    PollReport report = poller().poll(outlets);

    assertEquals(Set.of(MICROSOFT_EVENT, ALIBABA_EVENT), storedEvents().keySet(),
        "outlet B's item 1001 is not hidden by outlet A's");
    assertFeed(report, "/outlet-b.xml", FeedStatus.FETCHED, 1, 1, 0);
    assertEquals(0, poller().poll(outlets).feeds().stream().mapToInt(FeedReport::newItems).sum(),
        "each is seen afterwards");
  }

  @Test
  void twoDifferentItemsSharingAGuidInOneFeedAreBothAnalysedWithAWarning() {
    server.feed("/dup.xml", Rss.feed("Dup", Rss.item("1001",
        "Microsoft will invest $80 billion in AI data centres this fiscal year", "Brad Smith wrote.",
        MICROSOFT_BLOG_LINK, "2025-02-25T14:00:00Z"), Rss.item("1001",
        "Alibaba will invest more than 380 billion yuan ($53 billion) in AI infrastructure", "Over three years.",
        ALIZILA_LINK, "2025-02-24T03:00:00Z"), Rss.item("1001",
        "Alibaba will invest more than 380 billion yuan ($53 billion) in AI infrastructure", "Over three years.",
        ALIZILA_LINK, "2025-02-24T03:00:00Z")));
    List<Feed> dup = List.of(feed("/dup.xml", "Dup"));

    PollReport report = poller().poll(dup);

    assertEquals(Set.of(MICROSOFT_EVENT, ALIBABA_EVENT), storedEvents().keySet());
    assertEquals(2, report.feed(server.url("/dup.xml")).newItems(), "the exact repeat is one item");
    assertEquals(1, report.itemErrors().size(), report.itemErrors().toString());
    assertTrue(report.itemErrors().getFirst().message().contains("2 different items share the id 1001"),
        report.itemErrors().toString());
    assertEquals(0, poller().poll(dup).feed(server.url("/dup.xml")).newItems(), "both seen afterwards");
  }
}
