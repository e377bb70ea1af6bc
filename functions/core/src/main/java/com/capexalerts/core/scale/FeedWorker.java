package com.capexalerts.core.scale;

import com.capexalerts.core.alert.Thresholds;
import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.feed.FeedException;
import com.capexalerts.core.feed.FeedItem;
import com.capexalerts.core.feed.FeedParseResult;
import com.capexalerts.core.fetch.FetchResult;
import com.capexalerts.core.fetch.FreshFor;
import com.capexalerts.core.fetch.RetryAfter;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.FeedParser;
import com.capexalerts.core.poll.FindingSource;
import com.capexalerts.core.poll.ItemKeys;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Polls a batch of feeds at once, one virtual thread per feed, bounded overall and per origin by {@link OriginLimits}.
 * An unchanged feed (304, or the same body hash) costs one conditional GET: no parse and, unless its interval grows,
 * no write. A changed feed is parsed; its new items are the ones whose hash is not among the feed's recent item
 * hashes; items with findings go to the {@link DecisionSink}, and only once they are accepted does the feed's state
 * move on (validators, body hash, recent items), so a crash or a failed hand-over re-polls and nothing is lost.
 */
public final class FeedWorker {
  private final ConditionalFetcher fetcher;
  private final FeedParser parser;
  private final FindingSource findings;
  private final Thresholds thresholds;
  private final Duration maxItemAge;
  private final PollStateStore states;
  private final DecisionSink decisions;
  private final AdaptiveSchedule schedule;
  private final OriginLimits limits;
  private final Clock clock;

  /**
   * @param maxItemAge items published longer ago are marked seen and never decided (null: no limit), as in the poller
   */
  public FeedWorker(ConditionalFetcher fetcher, FeedParser parser, FindingSource findings, Thresholds thresholds,
      Duration maxItemAge, PollStateStore states, DecisionSink decisions, AdaptiveSchedule schedule,
      OriginLimits limits, Clock clock) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.findings = Objects.requireNonNull(findings, "findings");
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    this.maxItemAge = maxItemAge;
    this.states = Objects.requireNonNull(states, "states");
    this.decisions = Objects.requireNonNull(decisions, "decisions");
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** What happened to one feed. */
  public enum Outcome {
    /** 304, or the same body as last time. */
    UNCHANGED,
    /** A new body, parsed. */
    CHANGED,
    /** The feed failed (HTTP error, timeout, unreadable body); recorded, and it backs off. */
    FAILED,
    /** Our side failed (state store, decision queue): nothing recorded; the caller should retry the batch. */
    RETRY
  }

  /**
   * @param feed      the feed
   * @param outcome   what happened
   * @param items     items in the body (0 unless changed)
   * @param newItems  items not seen before
   * @param decisions decision requests handed over
   * @param wrote     whether the feed's state was written
   * @param error     why it failed, or null
   */
  public record FeedResult(Feed feed, Outcome outcome, int items, int newItems, int decisions, boolean wrote,
      String error) {}

  /** The feeds' results in the order given; a duplicate URL is polled once. Reads every feed's state first. */
  public List<FeedResult> work(List<Feed> feeds) {
    Map<String, Feed> unique = new LinkedHashMap<>();
    feeds.forEach(f -> unique.putIfAbsent(f.url(), f));
    Map<String, PollState> loaded;
    try {
      loaded = states.load(unique.keySet());
    } catch (RuntimeException e) {
      String error = "feed state store: " + describe(e);
      return unique.values().stream().map(f -> new FeedResult(f, Outcome.RETRY, 0, 0, 0, false, error)).toList();
    }
    List<Scheduled> scheduled = unique.values().stream()
        .map(f -> new Scheduled(f, loaded.getOrDefault(f.url(), PollState.fresh(f.url(), f.name())), true)).toList();
    return run(scheduled);
  }

  /**
   * Polls feeds whose state came with the work (the scheduler read it anyway), so the worker reads nothing: an
   * unchanged feed costs no read and no write. Pass {@code complete} false when the states lack their recent item
   * hashes; they are then read for a feed whose body changed.
   */
  public List<FeedResult> workScheduled(List<PollState> scheduledStates, boolean complete) {
    Map<String, Scheduled> unique = new LinkedHashMap<>();
    scheduledStates.forEach(s -> unique.putIfAbsent(s.feedUrl(), new Scheduled(new Feed(s.feedUrl(), s.name()), s,
        complete)));
    return run(List.copyOf(unique.values()));
  }

  private record Scheduled(Feed feed, PollState state, boolean complete) {}

  private List<FeedResult> run(List<Scheduled> feeds) {
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<FeedResult>> futures = new ArrayList<>();
      for (Scheduled s : feeds) {
        futures.add(threads.submit(() -> poll(s.feed(), s.state(), s.complete())));
      }
      List<FeedResult> results = new ArrayList<>();
      for (Future<FeedResult> f : futures) {
        results.add(await(f));
      }
      return results;
    }
  }

  private FeedResult poll(Feed feed, PollState state, boolean complete) {
    FreshFor fetched;
    try {
      fetched = limits.withPermit(feed.url(), () -> fetcher.fetch(feed.url(), state.etag(), state.lastModified()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FeedResult(feed, Outcome.RETRY, 0, 0, 0, false, "interrupted");
    } catch (RuntimeException e) {
      return failed(feed, state, feed.url() + ": " + describe(e), null);
    }
    Instant now = clock.instant();
    return switch (fetched.result()) {
      case FetchResult.Failed f -> failed(feed, state, f.message(), f.retryAfter());
      case FetchResult.NotModified n -> unchanged(feed, state,
          state.withValidators(n.etag() != null ? n.etag() : state.etag(),
              n.lastModified() != null ? n.lastModified() : state.lastModified()), now, fetched.maxAge());
      case FetchResult.Fetched f -> {
        String hash = sha256(f.body());
        if (hash.equals(state.bodyHash())) {
          yield unchanged(feed, state, state.withValidators(f.etag(), f.lastModified()), now, fetched.maxAge());
        }
        yield changed(feed, state, complete, f, hash, now, fetched.maxAge());
      }
    };
  }

  private FeedResult unchanged(Feed feed, PollState before, PollState withValidators, Instant now, Duration maxAge) {
    PollState after = schedule.unchanged(withValidators, now, maxAge);
    if (after.equals(before)) {
      return new FeedResult(feed, Outcome.UNCHANGED, 0, 0, 0, false, null);
    }
    String error = save(after);
    return new FeedResult(feed, error == null ? Outcome.UNCHANGED : Outcome.RETRY, 0, 0, 0, error == null, error);
  }

  private FeedResult failed(Feed feed, PollState state, String message, String retryAfter) {
    Instant now = clock.instant();
    PollState after = schedule.failed(state, now, message, RetryAfter.parse(retryAfter, now));
    String error = save(after);
    return new FeedResult(feed, error == null ? Outcome.FAILED : Outcome.RETRY, 0, 0, 0, error == null,
        error == null ? message : message + "; " + error);
  }

  private FeedResult changed(Feed feed, PollState scheduled, boolean complete, FetchResult.Fetched fetched,
      String hash, Instant now, Duration maxAge) {
    PollState state = scheduled;
    // A feed the scheduler never saw polled has nothing stored to read.
    if (!complete && scheduled.nextDueAt() != null) {
      try {
        // The stored state, recent items included: it may also be newer than the scheduler's copy.
        state = states.load(List.of(feed.url())).getOrDefault(feed.url(), scheduled);
      } catch (RuntimeException e) {
        return new FeedResult(feed, Outcome.RETRY, 0, 0, 0, false, "feed state store: " + describe(e));
      }
      if (hash.equals(state.bodyHash())) {
        return unchanged(feed, state, state.withValidators(fetched.etag(), fetched.lastModified()), now, maxAge);
      }
    }
    FeedParseResult parsed;
    try {
      parsed = parser.parse(fetched.body(), feed.url());
    } catch (FeedException e) {
      return failed(feed, state, e.getMessage(), null);
    } catch (RuntimeException e) {
      return failed(feed, state, feed.url() + ": parse failed: " + describe(e), null);
    }
    Set<String> recent = Set.copyOf(state.recentItems());
    Map<String, FeedItem> byHash = new LinkedHashMap<>();
    parsed.items().forEach(item -> byHash.putIfAbsent(itemHash(item), item));
    Instant oldest = maxItemAge == null ? null : now.minus(maxItemAge);
    Map<String, List<FeedItem>> byCompany = new LinkedHashMap<>();
    Map<String, String> companyNames = new LinkedHashMap<>();
    List<String> undecided = new ArrayList<>();
    int newItems = 0;
    for (Map.Entry<String, FeedItem> e : byHash.entrySet()) {
      if (recent.contains(e.getKey())) {
        continue;
      }
      newItems++;
      FeedItem item = e.getValue();
      if (oldest != null && item.published() != null && item.published().isBefore(oldest)) {
        continue;
      }
      try {
        Set<String> companies = new LinkedHashSet<>();
        for (Finding finding : findings.detect(item)) {
          if (thresholds.passes(finding)) {
            String key = DecisionRequest.companyKey(finding.company());
            companies.add(key);
            companyNames.putIfAbsent(key, finding.company());
          }
        }
        companies.forEach(c -> byCompany.computeIfAbsent(c, k -> new ArrayList<>()).add(item));
      } catch (RuntimeException ex) {
        undecided.add(e.getKey());
      }
    }
    List<DecisionRequest> requests = new ArrayList<>();
    byCompany.forEach((company, items) ->
        requests.add(new DecisionRequest(feed.url(), feed.name(), companyNames.get(company), items)));
    if (!requests.isEmpty()) {
      try {
        decisions.submit(requests);
      } catch (RuntimeException e) {
        return new FeedResult(feed, Outcome.RETRY, parsed.items().size(), newItems, 0, false,
            "decision queue: " + describe(e));
      }
    }
    // Items the detector failed on stay unseen, and the body hash and validators stay old, so the next poll
    // fetches and tries them again.
    List<String> nextRecent = new ArrayList<>();
    byHash.keySet().stream().filter(h -> !undecided.contains(h)).forEach(nextRecent::add);
    state.recentItems().stream().filter(h -> !byHash.containsKey(h)).forEach(nextRecent::add);
    List<String> capped = nextRecent.size() > PollState.MAX_RECENT
        ? nextRecent.subList(0, PollState.MAX_RECENT) : nextRecent;
    PollState base = undecided.isEmpty() ? state.withValidators(fetched.etag(), fetched.lastModified()) : state;
    PollState after = schedule.changed(base, now, maxAge, undecided.isEmpty() ? hash : null, capped);
    String error = save(after);
    String itemErrors = undecided.isEmpty() ? null : "detection failed on " + undecided.size() + " item(s)";
    return new FeedResult(feed, error == null ? Outcome.CHANGED : Outcome.RETRY, parsed.items().size(), newItems,
        requests.size(), error == null, error != null ? error : itemErrors);
  }

  /** 48 bits of the item key's SHA-256 (12 hex characters): among a feed's 64 recent items a clash is ~1e-11. */
  static String itemHash(FeedItem item) {
    return DecisionRequest.sha256(ItemKeys.of(item)).substring(0, 12);
  }

  private String save(PollState state) {
    try {
      states.save(state);
      return null;
    } catch (RuntimeException e) {
      return "feed state store: " + describe(e);
    }
  }

  private static FeedResult await(Future<FeedResult> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("worker interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("feed task failed unexpectedly", e.getCause());
    }
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName()
        : t.getClass().getSimpleName() + ": " + message;
  }
}
