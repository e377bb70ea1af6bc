package com.capexalerts.scale;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.alert.Thresholds;
import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.feed.FeedReader;
import com.capexalerts.core.fetch.FetchSettings;
import com.capexalerts.core.fetch.StandardFeedFetcher;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.FeedState;
import com.capexalerts.core.poll.FeedStateStore;
import com.capexalerts.core.poll.PollReport;
import com.capexalerts.core.poll.Poller;
import com.capexalerts.core.poll.SeenItemStore;
import com.capexalerts.core.scale.AdaptiveSchedule;
import com.capexalerts.core.scale.FeedWorker;
import com.capexalerts.core.scale.InMemoryPollStateStore;
import com.capexalerts.core.scale.OriginLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * bin/bench-poll: the one-invocation poller against the fan-out worker, on N loopback feeds answering after 100 ms
 * with 20 items (ETag, 304 on If-None-Match), state in memory. Prints first- and second-poll wall time and the
 * speed-up against fetching one feed after the other (N x 100 ms).
 *
 * <p>Usage: PollBench [FEEDS] [ORIGINS] [OVERALL_LIMIT] [PER_ORIGIN_LIMIT]
 */
public final class PollBench {
  public static void main(String[] args) throws Exception {
    // The tables go to stdout; the handlers' log lines to stderr, warnings only (scale-log4j2.xml).
    System.setProperty("log4j2.configurationFile", "classpath:scale-log4j2.xml");
    int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int origins = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int overall = args.length > 2 ? Integer.parseInt(args[2]) : 256;
    int perOrigin = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    long delayMs = 100;
    double sequentialMs = feeds * (double) delayMs;
    FeedFarm.Kind[] kinds = new FeedFarm.Kind[feeds];
    Arrays.fill(kinds, FeedFarm.Kind.QUIET);
    System.out.printf("%d feeds on %d loopback origins, each answering after %d ms with 20 items; sequential = %.0f s%n",
        feeds, origins, delayMs, sequentialMs / 1000);
    FetchSettings fetch = FetchSettings.defaults();
    Detector detector = Detector.withDefaults();
    try (FeedFarm farm = new FeedFarm(kinds, origins, delayMs, delayMs, Instant.now())) {
      List<Feed> list = IntStream.range(0, feeds).mapToObj(i -> new Feed(farm.url(i), "feed " + i)).toList();
      // Before: the single poller invocation (fetch concurrency 8, as deployed).
      Poller poller = Poller.builder()
          .fetcher(new StandardFeedFetcher(fetch))
          .parser(new FeedReader()::read)
          .findings(detector::detect)
          .feedStates(new MapFeedStates())
          .seenItems(new MapSeenItems())
          .announcements(new NoAnnouncements())
          .ledger(new com.capexalerts.core.ledger.InMemoryCommitmentLedger())
          .build();
      for (String which : List.of("first poll ", "second poll")) {
        long start = System.nanoTime();
        PollReport report = poller.poll(list);
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("before (Poller, 8 at a time)   %s: %6.2f s  %5.1fx sequential  (%d fetched, %d not modified)%n",
            which, ms / 1000, sequentialMs / ms, report.count(com.capexalerts.core.poll.FeedStatus.FETCHED),
            report.count(com.capexalerts.core.poll.FeedStatus.NOT_MODIFIED));
      }
      InMemoryPollStateStore states = new InMemoryPollStateStore();
      StandardFeedFetcher fetcher = new StandardFeedFetcher(fetch);
      FeedWorker worker = new FeedWorker(fetcher::fetchFresh, new FeedReader()::read, detector::detect,
          Thresholds.defaults(), Duration.ofDays(14), states, requests -> { }, new AdaptiveSchedule(Duration.ofMinutes(5)),
          new OriginLimits(overall, perOrigin), Clock.systemUTC());
      for (String which : List.of("first poll ", "second poll")) {
        int writesBefore = states.writes();
        long start = System.nanoTime();
        List<FeedWorker.FeedResult> results = worker.work(list);
        double ms = (System.nanoTime() - start) / 1e6;
        long changed = results.stream().filter(r -> r.outcome() == FeedWorker.Outcome.CHANGED).count();
        long unchanged = results.stream().filter(r -> r.outcome() == FeedWorker.Outcome.UNCHANGED).count();
        System.out.printf("after (FeedWorker, %d, %d/origin) %s: %6.2f s  %5.1fx sequential  (%d parsed, %d unchanged, %d state writes)%n",
            overall, perOrigin, which, ms / 1000, sequentialMs / ms, changed, unchanged, states.writes() - writesBefore);
      }
      System.out.printf("loopback requests: %d, of them 304: %d%n", farm.requests.get(), farm.notModified.get());
    }
  }

  static final class MapFeedStates implements FeedStateStore {
    private final Map<String, FeedState> map = new ConcurrentHashMap<>();

    @Override
    public FeedState load(String feedUrl) {
      return map.getOrDefault(feedUrl, FeedState.fresh(feedUrl));
    }

    @Override
    public void save(FeedState state) {
      map.put(state.feedUrl(), state);
    }

    @Override
    public java.util.List<FeedState> all() {
      return map.values().stream().sorted(java.util.Comparator.comparing(FeedState::feedUrl)).toList();
    }

    @Override
    public boolean delete(String feedUrl) {
      return map.remove(feedUrl) != null;
    }

    private final java.util.concurrent.atomic.AtomicBoolean seeded = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public boolean claimSeeding() {
      return seeded.compareAndSet(false, true);
    }
  }

  static final class MapSeenItems implements SeenItemStore {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public Set<String> alreadySeen(Collection<String> itemKeys) {
      return itemKeys.stream().filter(seen::contains).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public void markSeen(Collection<String> itemKeys, Instant expiresAt) {
      seen.addAll(itemKeys);
    }
  }

  /** The bench's items carry no findings, so no event is ever stored. */
  static final class NoAnnouncements implements AnnouncementStore {
    @Override
    public List<Announcement> recentForCompany(String company, Instant from, Instant to) {
      return List.of();
    }

    @Override
    public boolean create(Announcement announcement) {
      throw new IllegalStateException("the bench feeds carry no announcements");
    }

    @Override
    public boolean addSource(EventKey key, Source source) {
      throw new IllegalStateException("the bench feeds carry no announcements");
    }

    @Override
    public Optional<Announcement> get(EventKey key) {
      return Optional.empty();
    }

    @Override
    public Claim claimNotification(EventKey key, String claimant, Instant now, Duration lease) {
      return Claim.MISSING;
    }

    @Override
    public void markPublished(EventKey key, String claimant, String messageId, Instant at) {}

    @Override
    public void releaseClaim(EventKey key, String claimant) {}
  }
}
