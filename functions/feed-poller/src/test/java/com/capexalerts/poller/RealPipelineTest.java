package com.capexalerts.poller;

import com.capexalerts.testsupport.FixtureServer;
import static com.capexalerts.poller.Fixtures.ALIZILA_LINK;
import static com.capexalerts.poller.Fixtures.MICROSOFT_BLOG_LINK;
import static com.capexalerts.poller.Fixtures.NEWS_MICROSOFT_LINK;
import static com.capexalerts.poller.Fixtures.NOW;
import static com.capexalerts.poller.Fixtures.WIRE_LINK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.capexalerts.aws.dynamo.AnnouncementItems;
import com.capexalerts.aws.dynamo.DynamoAnnouncementStore;
import com.capexalerts.aws.dynamo.DynamoCommitmentLedger;
import com.capexalerts.aws.dynamo.DynamoFeedStateStore;
import com.capexalerts.aws.dynamo.DynamoSeenItemStore;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.alert.Thresholds;
import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.feed.FeedParseResult;
import com.capexalerts.core.feed.FeedReader;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.PollReport;
import com.capexalerts.core.poll.Poller;
import com.capexalerts.core.poll.PollerConfig;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The end-to-end story with the real FeedReader and Detector (the production bindings of {@link Poller.Builder}).
 */
class RealPipelineTest {
  @BeforeEach
  void realComponentsFindTheFixtureAnnouncement() throws Exception {
    FeedParseResult parsed = new FeedReader().read(Fixtures.MICROSOFT_BLOG, "fixture");
    org.junit.jupiter.api.Assertions.assertFalse(parsed.items().isEmpty(), "the real FeedReader reads the fixture");
    org.junit.jupiter.api.Assertions.assertFalse(Detector.withDefaults().detect(parsed.items().getFirst()).isEmpty(),
        "the real Detector finds the fixture's announcement");
  }

  @Test
  void eachPledgeIsOneEventWithAllItsSourcesAndNothingElseAlerts() {
    DynamoDbClient dynamo = MotoServer.dynamo();
    TableNames tables = Fixtures.freshTables(dynamo);
    MutableClock clock = new MutableClock(NOW);
    try (FixtureServer server = FixtureServer.start()) {
      server.feed("/microsoft.xml", Fixtures.MICROSOFT_BLOG);
      server.feed("/news.xml", Fixtures.NEWS);
      server.feed("/alizila.xml", Fixtures.ALIZILA);
      List<Feed> feeds = List.of(new Feed(server.url("/microsoft.xml"), "Official Microsoft Blog"),
          new Feed(server.url("/news.xml"), "Tech News"), new Feed(server.url("/alizila.xml"), "Alizila"));
      Poller poller = Poller.builder() // default parser and finding source: the real ones
          .config(PollerConfig.defaults().withThresholds(Thresholds.parse(null, "Apple=2000000000")))
          .feedStates(new DynamoFeedStateStore(dynamo, tables.feeds()))
          .seenItems(new DynamoSeenItemStore(dynamo, tables.seenItems(), clock))
          .announcements(new DynamoAnnouncementStore(dynamo, tables.announcements()))
          .ledger(new DynamoCommitmentLedger(dynamo, tables.ledger()))
          .clock(clock)
          .build();

      PollReport first = poller.poll(feeds);
      clock.advance(Duration.ofMinutes(15));
      PollReport second = poller.poll(feeds);

      Map<String, List<String>> linksByCompany = dynamo.scan(r -> r.tableName(tables.announcements())).items()
          .stream().map(AnnouncementItems::fromItem)
          .collect(Collectors.toMap(Announcement::company, a -> a.sources().stream().map(Source::link).toList()));
      assertEquals(Map.of("Microsoft", List.of(MICROSOFT_BLOG_LINK, NEWS_MICROSOFT_LINK),
          "Alibaba", List.of(ALIZILA_LINK, WIRE_LINK)), linksByCompany);
      assertEquals(2, first.newEvents().size());
      assertEquals(List.of(), second.newEvents());
      assertEquals(List.of(), second.sourcesAdded());
    }
  }
}
