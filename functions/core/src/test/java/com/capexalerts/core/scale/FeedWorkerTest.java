package com.capexalerts.core.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.Thresholds;
import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.feed.FeedReader;
import com.capexalerts.core.fetch.FetchResult;
import com.capexalerts.core.fetch.FreshFor;
import com.capexalerts.core.poll.Feed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeedWorkerTest {
  private static final Instant NOW = Instant.parse("2025-01-04T00:00:00Z");
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final AtomicInteger fetches = new AtomicInteger();
  private final InMemoryPollStateStore states = new InMemoryPollStateStore();
  private final List<DecisionRequest> handedOver = new CopyOnWriteArrayList<>();
  private volatile boolean sinkFails;

  private FeedWorker worker() {
    ConditionalFetcher fetcher = (url, etag, lastModified) -> {
      fetches.incrementAndGet();
      String body = bodies.get(url);
      String tag = "\"" + body.hashCode() + "\"";
      return new FreshFor(tag.equals(etag) ? new FetchResult.NotModified(tag, null)
          : new FetchResult.Fetched(body.getBytes(StandardCharsets.UTF_8), tag, null), null);
    };
    return new FeedWorker(fetcher, new FeedReader()::read, Detector.withDefaults()::detect, Thresholds.defaults(),
        null, states, requests -> {
          if (sinkFails) {
            throw new IllegalStateException("queue down");
          }
          handedOver.addAll(requests);
        }, new AdaptiveSchedule(Duration.ofMinutes(5)), new OriginLimits(16, 4), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static String rss(String... titles) {
    StringBuilder s = new StringBuilder("<rss version=\"2.0\"><channel><title>t</title>");
    for (String t : titles) {
      s.append("<item><title>").append(t).append("</title><guid>").append(t.hashCode()).append("</guid>")
          .append("<pubDate>Fri, 03 Jan 2025 18:00:00 GMT</pubDate></item>");
    }
    return s.append("</channel></rss>").toString();
  }

  @Test
  void newItemsWithFindingsAreHandedOverOnceAndAnUnchangedFeedWritesNothing() {
    bodies.put("http://a.example/feed", rss("Microsoft plans $80 billion AI data-centre spend this fiscal year",
        "Local weather"));
    FeedWorker w = worker();
    List<FeedWorker.FeedResult> first = w.work(List.of(new Feed("http://a.example/feed", "A")));
    assertEquals(FeedWorker.Outcome.CHANGED, first.get(0).outcome());
    assertEquals(1, handedOver.size());
    assertEquals("microsoft", handedOver.get(0).groupId());
    int writes = states.writes();
    List<FeedWorker.FeedResult> second = w.work(List.of(new Feed("http://a.example/feed", "A")));
    assertEquals(FeedWorker.Outcome.UNCHANGED, second.get(0).outcome());
    assertEquals(writes, states.writes(), "a 304 at the same interval writes nothing");
    bodies.put("http://a.example/feed", rss("Local sports", "Microsoft plans $80 billion AI data-centre spend "
        + "this fiscal year", "Local weather"));
    w.work(List.of(new Feed("http://a.example/feed", "A")));
    assertEquals(1, handedOver.size(), "items seen before (recent hashes in the feed's state) are not handed over");
  }

  @Test
  void aFailedHandOverKeepsTheOldStateSoTheNextPollRetries() {
    bodies.put("http://b.example/feed", rss("Meta to spend up to $65 billion on AI in 2025"));
    sinkFails = true;
    List<FeedWorker.FeedResult> failed = worker().work(List.of(new Feed("http://b.example/feed", null)));
    assertEquals(FeedWorker.Outcome.RETRY, failed.get(0).outcome());
    assertEquals(0, states.writes());
    sinkFails = false;
    worker().work(List.of(new Feed("http://b.example/feed", null)));
    assertEquals(1, handedOver.size(), "handed over on the retry");
    assertTrue(states.all().get(0).recentItems().size() == 1);
  }

  @Test
  void statesFromTheWorkMessageCostNoReadWhenUnchangedAndKeepTheStoredRecentItems() {
    bodies.put("http://c.example/feed", rss("Microsoft plans $80 billion AI data-centre spend this fiscal year"));
    FeedWorker w = worker();
    w.work(List.of(new Feed("http://c.example/feed", null)));
    PollState stored = states.all().get(0);
    PollState asScheduled = new PollState(stored.feedUrl(), stored.name(), true, stored.etag(), stored.lastModified(),
        stored.bodyHash(), List.of(), stored.interval(), stored.nextDueAt(), stored.lastChangeAt(),
        stored.publishGap(), 0, null);
    int writes = states.writes();
    assertEquals(FeedWorker.Outcome.UNCHANGED, w.workScheduled(List.of(asScheduled), false).get(0).outcome());
    assertEquals(writes, states.writes());
    bodies.put("http://c.example/feed", rss("Local news",
        "Microsoft plans $80 billion AI data-centre spend this fiscal year"));
    assertEquals(FeedWorker.Outcome.CHANGED, w.workScheduled(List.of(asScheduled), false).get(0).outcome());
    assertEquals(1, handedOver.size(), "the stored recent items were read for the changed body");
    assertEquals(2, states.all().get(0).recentItems().size());
  }
}
