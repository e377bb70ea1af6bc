package com.capexalerts.core.poll;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.EventKeys;
import com.capexalerts.core.alert.EventMatcher;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.FindingKind;
import com.capexalerts.core.feed.FeedException;
import com.capexalerts.core.feed.FeedItem;
import com.capexalerts.core.feed.FeedParseResult;
import com.capexalerts.core.feed.FeedReader;
import com.capexalerts.core.feed.Links;
import com.capexalerts.core.ledger.Commitment;
import com.capexalerts.core.ledger.CommitmentLedger;
import com.capexalerts.core.ledger.CommitmentOrigin;
import com.capexalerts.core.ledger.LedgerMatcher;
import com.capexalerts.core.fetch.FailureClass;
import com.capexalerts.core.fetch.FeedFetcher;
import com.capexalerts.core.fetch.FetchResult;
import com.capexalerts.core.fetch.FetchSettings;
import com.capexalerts.core.fetch.StandardFeedFetcher;
import com.capexalerts.core.fetch.RetryAfter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One poll of every feed: fetch concurrently, then store events feed by feed, in the order given.
 *
 * <p>Fetching, parsing, the seen-item lookup and detection run on a bounded pool; every write goes through one
 * thread, so two items carrying the same event collapse into one even within a poll. Per feed the writes are ordered
 * for crash safety: events first, then seen-item records, then the feed state with its new validators. A crash
 * between them makes the next poll re-process the items, and the conditional writes make that idempotent; no alert
 * is ever dropped. Validators advance only when every new item of the body was stored, otherwise the next poll
 * would get 304 and never retry the failed items.
 */
public final class Poller {
  private final PollerConfig config;
  private final FeedFetcher fetcher;
  private final FeedParser parser;
  private final FindingSource findings;
  private final FeedStateStore feedStates;
  private final SeenItemStore seenItems;
  private final AnnouncementStore announcements;
  private final Clock clock;
  private final EventMatcher matcher;
  private final CommitmentLedger ledger;
  private final LedgerMatcher ledgerMatcher;
  private final String seedName;
  private final java.util.function.Supplier<List<Commitment>> seed;
  /** Set once this instance saw the ledger initialised: later polls of a warm Lambda skip the check. */
  private volatile boolean seeded;

  private Poller(Builder b) {
    this.config = Objects.requireNonNull(b.config, "config");
    this.fetcher = Objects.requireNonNull(b.fetcher, "fetcher");
    this.parser = Objects.requireNonNull(b.parser, "parser");
    this.findings = Objects.requireNonNull(b.findings, "findings");
    this.feedStates = Objects.requireNonNull(b.feedStates, "feedStates");
    this.seenItems = Objects.requireNonNull(b.seenItems, "seenItems");
    this.announcements = Objects.requireNonNull(b.announcements, "announcements");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.matcher = new EventMatcher(config.dedupeTolerance(), config.dedupeWindow());
    this.ledger = Objects.requireNonNull(b.ledger, "ledger");
    this.ledgerMatcher = new LedgerMatcher(config.dedupeTolerance());
    this.seedName = b.seedName;
    this.seed = b.seed;
  }

  public static Builder builder() {
    return new Builder();
  }

  public PollerConfig config() {
    return config;
  }

  /** Polls without a deadline (local runs). */
  public PollReport poll(List<Feed> feeds) {
    return poll(feeds, null);
  }

  /**
   * @param feeds    the feeds, in the order their items are processed
   * @param deadline no feed is started at or after this time (null: no limit); feeds already started finish, each
   *                 bounded by the fetch timeouts, so the caller leaves that much margin
   */
  public PollReport poll(List<Feed> feeds, Instant deadline) {
    Instant startedAt = clock.instant();
    Map<String, Feed> unique = new LinkedHashMap<>();
    feeds.forEach(f -> unique.putIfAbsent(f.url(), f));
    Run run = new Run();
    ensureSeeded();
    try (ExecutorService pool = Executors.newFixedThreadPool(config.fetchConcurrency(),
        Thread.ofVirtual().name("feed-fetch-", 0).factory())) {
      List<Future<Prepared>> prepared = new ArrayList<>();
      for (Feed feed : unique.values()) {
        prepared.add(pool.submit(() -> prepare(feed, deadline)));
      }
      // Store results in feed order as they become ready: later feeds keep fetching meanwhile.
      for (Future<Prepared> future : prepared) {
        run.feedReports.add(store(await(future), run));
      }
    }
    return new PollReport(startedAt, clock.instant(), run.feedReports, run.newEvents, run.sourcesAdded,
        run.itemErrors, run.decisions, run.skips.counts());
  }

  /**
   * Loads the seed into a ledger never initialised (a fresh deployment), so the first polls do not alert on
   * years-old pledges restated in today's news. Entries first, then the mark: a crash midway reloads, harmlessly.
   */
  private void ensureSeeded() {
    if (seeded) {
      return;
    }
    try {
      if (ledger.seededWith().isEmpty()) {
        seed.get().forEach(ledger::record);
        ledger.markSeeded(seedName);
      }
    } catch (RuntimeException e) {
      // Polling without the seed would alert on years-old pledges: fail this poll, the next tick retries.
      throw new IllegalStateException("ledger seed '" + seedName + "' could not be loaded: " + describe(e), e);
    }
    seeded = true;
  }

  private static Prepared await(Future<Prepared> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("poll interrupted", e);
    } catch (ExecutionException e) {
      // prepare() catches everything; this is a bug, not a feed problem
      throw new IllegalStateException("feed task failed unexpectedly", e.getCause());
    }
  }

  // ---- phase 1: concurrent, no writes ----

  /** One new item, ready to store. */
  private record Candidate(FeedItem item, String key, boolean tooOld, List<Finding> findings, String error) {}

  private sealed interface Prepared {
    Feed feed();

    record Skipped(Feed feed, FeedStatus status, FeedState state) implements Prepared {}

    /** The feed state could not even be read: nothing to record. */
    record StoreUnavailable(Feed feed, String error) implements Prepared {}

    record Failed(Feed feed, FeedState state, FetchResult.Failed failure) implements Prepared {}

    record NotModified(Feed feed, FeedState state, FetchResult.NotModified result) implements Prepared {}

    /**
     * @param warnings   about the feed's items (shared ids), reported with the item errors
     * @param seenBefore items of the body examined by an earlier poll
     */
    record Parsed(Feed feed, FeedState state, FetchResult.Fetched fetched, FeedParseResult parsed,
        List<Candidate> candidates, List<String> warnings, int seenBefore) implements Prepared {}
  }

  private Prepared prepare(Feed feed, Instant deadline) {
    if (deadline != null && !clock.instant().isBefore(deadline)) {
      return new Prepared.Skipped(feed, FeedStatus.SKIPPED_DEADLINE, null);
    }
    FeedState state;
    try {
      state = feedStates.load(feed.url());
    } catch (RuntimeException e) {
      return new Prepared.StoreUnavailable(feed, "feed state store: " + describe(e));
    }
    try {
      if (!config.backoff().isDue(state, clock.instant())) {
        return new Prepared.Skipped(feed, FeedStatus.BACKING_OFF, state);
      }
      // Validators taken under a shorter max age do not hold: the items too old for it were not marked seen.
      boolean conditional = state.validatorsHoldFor(config.maxAge());
      FetchResult result = fetcher.fetch(feed.url(), conditional ? state.etag() : null,
          conditional ? state.lastModified() : null);
      return switch (result) {
        case FetchResult.Failed failed -> new Prepared.Failed(feed, state, failed);
        case FetchResult.NotModified notModified -> new Prepared.NotModified(feed, state, notModified);
        case FetchResult.Fetched fetched -> parse(feed, state, fetched);
      };
    } catch (RuntimeException e) {
      return new Prepared.Failed(feed, state, new FetchResult.Failed(0, feed.url() + ": " + describe(e), null));
    }
  }

  private Prepared parse(Feed feed, FeedState state, FetchResult.Fetched fetched) {
    FeedParseResult parsed;
    try {
      parsed = parser.parse(fetched.body(), feed.url());
    } catch (FeedException e) {
      return new Prepared.Failed(feed, state,
          new FetchResult.Failed(200, e.getMessage(), null, FailureClass.ofParseMessage(e.getMessage())));
    }
    List<String> warnings = new ArrayList<>();
    Map<String, FeedItem> byKey = keyed(feed, parsed.items(), warnings);
    Set<String> seen;
    try {
      seen = byKey.isEmpty() ? Set.of() : seenItems.alreadySeen(byKey.keySet());
    } catch (RuntimeException e) {
      return new Prepared.StoreUnavailable(feed, "seen-item store: " + describe(e));
    }
    Instant now = clock.instant();
    Instant oldest = config.maxAge() == null ? null : now.minus(config.maxAge());
    List<Candidate> candidates = new ArrayList<>();
    byKey.forEach((key, item) -> {
      if (seen.contains(key)) {
        return;
      }
      if (oldest != null && item.published() != null && item.published().isBefore(oldest)) {
        candidates.add(new Candidate(item, key, true, List.of(), null));
        return;
      }
      try {
        candidates.add(new Candidate(item, key, false, List.copyOf(findings.detect(item)), null));
      } catch (RuntimeException e) {
        candidates.add(new Candidate(item, key, false, List.of(), "detection failed: " + describe(e)));
      }
    });
    return new Prepared.Parsed(feed, state, fetched, parsed, candidates, warnings,
        byKey.size() - candidates.size());
  }

  /**
   * The feed's items by seen-item key. Items repeating an id with the same link and title are one item; items that
   * share an id but differ are keyed apart by link and title, with a warning, so neither hides the other.
   */
  private static Map<String, FeedItem> keyed(Feed feed, List<FeedItem> items, List<String> warnings) {
    Map<String, List<FeedItem>> byId = new LinkedHashMap<>();
    items.forEach(item -> byId.computeIfAbsent(ItemKeys.of(feed.url(), item), k -> new ArrayList<>()).add(item));
    Map<String, FeedItem> byKey = new LinkedHashMap<>();
    byId.forEach((key, group) -> {
      long distinct = group.stream().map(i -> i.link() + "\n" + i.title()).distinct().count();
      if (distinct == 1) {
        byKey.put(key, group.getFirst());
        return;
      }
      warnings.add("warning: " + distinct + " different items share the id " + group.getFirst().id()
          + "; told apart by link and title");
      group.forEach(item -> byKey.putIfAbsent(ItemKeys.disambiguated(feed.url(), item), item));
    });
    return byKey;
  }

  // ---- phase 2: sequential writes ----

  /** What one poll collects while storing. */
  private static final class Run {
    final List<FeedReport> feedReports = new ArrayList<>();
    final List<Announcement> newEvents = new ArrayList<>();
    final List<SourceAdded> sourcesAdded = new ArrayList<>();
    final List<ItemError> itemErrors = new ArrayList<>();
    /** Item keys handled in this poll (keys are per feed: the same story in two feeds meets the event dedupe). */
    final Set<String> itemsThisPoll = new HashSet<>();
    /** Events written in this poll, by lower-case company: a store index may lag behind its own writes. */
    final Map<String, Map<EventKey, Announcement>> eventsThisPoll = new LinkedHashMap<>();
    /** Ledger entries written in this poll, by lower-case company, for the same reason. */
    final Map<String, Map<String, Commitment>> ledgerThisPoll = new LinkedHashMap<>();
    final List<FindingOutcome> decisions = new ArrayList<>();
    final Skips skips = new Skips();
  }

  /** Counts why items raised no alert (see {@link SkipCounts}). */
  private static final class Skips {
    int seen;
    int tooOld;
    int knownEvent;
    int belowThreshold;
    int mention;
    int noFinding;

    void count(List<Finding> findings, PollerConfig config, boolean created, boolean sourceAdded) {
      if (created) {
        return;
      }
      if (sourceAdded) {
        knownEvent++;
      } else if (findings.stream().anyMatch(f -> f.kind() == FindingKind.ANNOUNCEMENT
          && !config.thresholds().passes(f))) {
        belowThreshold++;
      } else if (findings.stream().anyMatch(f -> f.kind() == FindingKind.MENTION)) {
        mention++;
      } else if (findings.stream().anyMatch(f -> f.kind() == FindingKind.ANNOUNCEMENT)) {
        knownEvent++; // passed the threshold, created nothing and added no source: the event has this source
      } else {
        noFinding++;
      }
    }

    SkipCounts counts() {
      return new SkipCounts(seen, tooOld, knownEvent, belowThreshold, mention, noFinding);
    }
  }

  private FeedReport store(Prepared prepared, Run run) {
    Feed feed = prepared.feed();
    return switch (prepared) {
      case Prepared.Skipped s -> new FeedReport(feed.url(), feed.name(), s.status(), 0, 0, 0, null,
          s.state() == null ? null : s.state().nextAttemptAt());
      case Prepared.StoreUnavailable s -> new FeedReport(feed.url(), feed.name(), FeedStatus.FAILED, 0, 0, 0,
          s.error(), null, FailureClass.STORE);
      case Prepared.Failed f -> storeFailure(f);
      case Prepared.NotModified n -> {
        FeedState state = succeeded(n.state(),
            n.result().etag() != null ? n.result().etag() : n.state().etag(),
            n.result().lastModified() != null ? n.result().lastModified() : n.state().lastModified(),
            n.state().validatorsMaxAge());
        yield new FeedReport(feed.url(), feed.name(), FeedStatus.NOT_MODIFIED, 0, 0, 0, save(state), null);
      }
      case Prepared.Parsed p -> storeItems(p, run);
    };
  }

  private FeedReport storeFailure(Prepared.Failed f) {
    Instant now = clock.instant();
    int failures = f.state().consecutiveFailures() + 1;
    Instant next = config.backoff().nextAttempt(failures, now, RetryAfter.parse(f.failure().retryAfter(), now));
    FeedState state = f.state().withFetch(f.state().etag(), f.state().lastModified(), f.state().lastSuccess(),
        failures, f.failure().message(), next, f.state().validatorsMaxAge())
        .withError(f.failure().failureClass(), now);
    String saveError = save(state);
    String error = saveError == null ? f.failure().message() : f.failure().message() + "; " + saveError;
    return new FeedReport(f.feed().url(), f.feed().name(), FeedStatus.FAILED, 0, 0, 0, error, next,
        f.failure().failureClass());
  }

  private FeedReport storeItems(Prepared.Parsed p, Run run) {
    Feed feed = p.feed();
    p.parsed().itemErrors().forEach(message -> run.itemErrors.add(new ItemError(feed.url(), null, message)));
    p.warnings().forEach(message -> run.itemErrors.add(new ItemError(feed.url(), null, message)));
    List<String> done = new ArrayList<>();
    boolean allStored = true;
    int newItems = 0;
    int tooOld = 0;
    int fresh = 0;
    run.skips.seen += p.seenBefore();
    for (Candidate c : p.candidates()) {
      if (!run.itemsThisPoll.add(c.key())) {
        run.skips.seen++;
        continue;
      }
      newItems++;
      if (c.tooOld()) {
        // Not marked seen: a longer max age (or none) examines it again (see FeedState.validatorsMaxAge).
        tooOld++;
        run.skips.tooOld++;
        continue;
      }
      fresh++;
      if (c.error() != null) {
        run.itemErrors.add(new ItemError(feed.url(), c.item().id(), c.error()));
        allStored = false;
        continue;
      }
      try {
        int eventsBefore = run.newEvents.size();
        int sourcesBefore = run.sourcesAdded.size();
        // Announcements first: a mention of the same figure in the same item is then one more source of it.
        List<Finding> ordered = new ArrayList<>(c.findings());
        ordered.sort(java.util.Comparator.comparing(f -> f.kind() == FindingKind.ANNOUNCEMENT ? 0 : 1));
        for (Finding finding : ordered) {
          String decision;
          if (!config.thresholds().passes(finding)) {
            decision = "below threshold " + billions(config.thresholds().minimumFor(finding.company()));
          } else if (finding.kind() == FindingKind.ANNOUNCEMENT) {
            decision = record(finding, c.item(), feed, run);
          } else {
            decision = recordMention(finding, c.item(), feed, run);
          }
          run.decisions.add(new FindingOutcome(feed.url(), c.item().id(), finding.company(), finding.kind(),
              finding.amountUsd(), decision));
        }
        done.add(c.key());
        run.skips.count(c.findings(), config, run.newEvents.size() > eventsBefore,
            run.sourcesAdded.size() > sourcesBefore);
      } catch (RuntimeException e) {
        run.itemErrors.add(new ItemError(feed.url(), c.item().id(), "storing events failed: " + describe(e)));
        allStored = false;
      }
    }
    String error = null;
    if (!done.isEmpty()) {
      try {
        seenItems.markSeen(done, clock.instant().plus(config.seenTtl()));
      } catch (RuntimeException e) {
        error = "seen-item store: " + describe(e);
        allStored = false;
      }
    }
    FeedState state = allStored
        ? succeeded(p.state(), p.fetched().etag(), p.fetched().lastModified(),
            FeedState.maxAgeText(config.maxAge()))
        : succeeded(p.state(), p.state().etag(), p.state().lastModified(), p.state().validatorsMaxAge());
    if (fresh > 0) {
      state = state.withNewItemsAt(clock.instant());
    }
    String saveError = save(state);
    if (saveError != null) {
      error = error == null ? saveError : error + "; " + saveError;
    }
    return new FeedReport(feed.url(), feed.name(), FeedStatus.FETCHED, p.parsed().items().size(), newItems, tooOld,
        error, null);
  }

  /** Stores one announcement finding: a new event, or one more source of a known commitment. Returns the decision. */
  private String record(Finding finding, FeedItem item, Feed feed, Run run) {
    Instant now = clock.instant();
    Instant published = item.published() != null ? item.published() : now;
    String link = Links.canonicalOrAsIs(item.link());
    String outlet = item.source() != null && !item.source().isBlank() ? item.source().strip() : feed.name();
    Source source = new Source(link, outlet, item.title(), published);

    switch (ledgerMatcher.decide(claim(finding, item, published), known(finding.company(), published, run))) {
      case LedgerMatcher.Decision.Known known -> {
        Commitment c = known.commitment();
        if (c.origin() == CommitmentOrigin.ALERT) {
          ensureLedgerEntry(c, run);
          addSource(new EventKey(c.key()), source, run);
        }
        ledger.addSource(c.company(), c.key(), token(source));
        return "known commitment " + c.key() + " (" + c.origin().wireName() + "): source added";
      }
      case LedgerMatcher.Decision.Fresh fresh -> {
        EventKey key = EventKeys.derive(finding.company(), published, finding.amountUsd());
        EventKey updates = fresh.updates() == null ? null : new EventKey(fresh.updates().key());
        Announcement event = new Announcement(key, finding.company(),
            updates == null ? AnnouncementKind.ANNOUNCEMENT : AnnouncementKind.UPDATE, finding.amount(),
            finding.amountUsd(), finding.period(), finding.evidence(), item.title(), link, published, now,
            List.of(source), updates);
        if (announcements.create(event)) {
          run.newEvents.add(event);
          run.eventsThisPoll.computeIfAbsent(companyKey(finding.company()), k -> new LinkedHashMap<>())
              .put(key, event);
          ensureLedgerEntry(LedgerMatcher.of(event), run);
          ledger.addSource(event.company(), key.value(), token(source));
          return (updates == null ? "new event " + key : "update of " + updates + ": new event " + key) + ": alert";
        }
        // The key exists: a retry after a crash (then the source is there already) or the same pledge
        // derived to the same key; either way this item is one more source of that event.
        addSource(key, source, run);
        announcements.get(key).ifPresent(a -> ensureLedgerEntry(LedgerMatcher.of(a), run));
        ledger.addSource(finding.company(), key.value(), token(source));
        return "known event " + key + ": source added";
      }
    }
  }

  /**
   * Stores one mention: background read today protects tomorrow, so an unknown figure becomes a known commitment.
   * It only ever writes the ledger, never an event, so it can never notify.
   */
  private String recordMention(Finding finding, FeedItem item, Feed feed, Run run) {
    Instant published = item.published() != null ? item.published() : clock.instant();
    String token = token(new Source(Links.canonicalOrAsIs(item.link()), null, item.title(), published));
    if (ledgerMatcher.decide(claim(finding, item, published), known(finding.company(), published, run))
        instanceof LedgerMatcher.Decision.Known known) {
      Commitment c = known.commitment();
      if (c.origin() == CommitmentOrigin.ALERT) {
        ensureLedgerEntry(c, run);
      }
      ledger.addSource(c.company(), c.key(), token);
      return "mention of known commitment " + c.key() + " (" + c.origin().wireName() + "): source added";
    }
    // A background sentence often names no place ("in the country"); the item's title says where, and a place
    // only ever makes a mention protect less.
    String what = com.capexalerts.core.ledger.Places.in(finding.evidence()).isEmpty() && item.title() != null
        ? finding.evidence() + " [" + item.title() + "]" : finding.evidence();
    Commitment entry = new Commitment(EventKeys.derive(finding.company(), published, finding.amountUsd()).value(),
        finding.company(), finding.amount().value(), finding.amount().currency(), finding.amountUsd(),
        finding.period(), what, published.atOffset(ZoneOffset.UTC).toLocalDate(), clock.instant(),
        Links.canonicalOrAsIs(item.link()), CommitmentOrigin.MENTION, 0);
    ensureLedgerEntry(entry, run);
    ledger.addSource(entry.company(), entry.key(), token);
    return "mention recorded as known commitment " + entry.key();
  }

  private static final java.util.regex.Pattern MONEY_IN_TITLE = java.util.regex.Pattern.compile(
      "(?i)[$€£¥]\\s?\\d|\\d\\s?(?:billion|bn|trillion|yuan|won|yen|crore)\\b");

  /**
   * The finding as the ledger compares it. Its places come from the evidence sentence; when that names none, from a
   * title that carries a figure too ("AWS to invest $11 billion in Georgia"), never from a title about something
   * else ("Microsoft cuts jobs in Ireland" over a restated $80 billion plan).
   */
  private static LedgerMatcher.Claim claim(Finding finding, FeedItem item, Instant published) {
    String text = finding.evidence();
    if (com.capexalerts.core.ledger.Places.in(text).isEmpty() && item.title() != null
        && !item.title().equals(text) && MONEY_IN_TITLE.matcher(item.title()).find()) {
      text = text + " " + item.title();
    }
    return new LedgerMatcher.Claim(finding.company(), finding.amountUsd(), finding.period(), text, finding.raise(),
        published, finding.amount().currency(), finding.increment());
  }

  /**
   * Known commitments of the company: the ledger (any age), events stored near this date (written before the ledger
   * existed, or by a run that crashed before recording them there) and this poll's own writes.
   */
  private List<Commitment> known(String company, Instant published, Run run) {
    // By origin and key: a seed entry may carry the same key as the event its original coverage created.
    Map<String, Commitment> known = new LinkedHashMap<>();
    ledger.forCompany(company).forEach(c -> known.put(c.origin() + c.key(), c));
    run.ledgerThisPoll.getOrDefault(companyKey(company), Map.of()).values()
        .forEach(c -> known.putIfAbsent(c.origin() + c.key(), c));
    announcements.recentForCompany(company, published.minus(matcher.window()), published.plus(matcher.window()))
        .forEach(a -> known.putIfAbsent(CommitmentOrigin.ALERT + a.key().value(), LedgerMatcher.of(a)));
    run.eventsThisPoll.getOrDefault(companyKey(company), Map.of())
        .forEach((k, a) -> known.putIfAbsent(CommitmentOrigin.ALERT + k.value(), LedgerMatcher.of(a)));
    return List.copyOf(known.values());
  }

  /** Writes the entry unless it is there (conditional): idempotent across retries and crashes. */
  private void ensureLedgerEntry(Commitment c, Run run) {
    ledger.record(c.withSources(0));
    run.ledgerThisPoll.computeIfAbsent(companyKey(c.company()), k -> new LinkedHashMap<>())
        .putIfAbsent(c.origin() + c.key(), c);
  }

  /** A source's identity in the ledger: its canonical link, else its title (as in the event stores). */
  private static String token(Source source) {
    return source.link() != null ? source.link() : "title:" + source.title();
  }

  private static String billions(BigDecimal usd) {
    return "$" + usd.divide(new BigDecimal("1e9"), 3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
        + "B";
  }

  private void addSource(EventKey key, Source source, Run run) {
    if (announcements.addSource(key, source)) {
      run.sourcesAdded.add(new SourceAdded(key, source));
    }
  }

  private FeedState succeeded(FeedState previous, String etag, String lastModified, String forMaxAge) {
    return previous.withFetch(etag, lastModified, clock.instant(), 0, null, null, forMaxAge);
  }

  /** Saves the state; returns the error message instead of throwing so other feeds go on. */
  private String save(FeedState state) {
    try {
      feedStates.save(state);
      return null;
    } catch (RuntimeException e) {
      return "feed state store: " + describe(e);
    }
  }

  private static String companyKey(String company) {
    return company.strip().toLowerCase(Locale.ROOT);
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName()
        : t.getClass().getSimpleName() + ": " + message;
  }

  /**
   * Assembles a poller. The three stores and the ledger are required; the rest defaults to production: {@link PollerConfig#defaults},
   * {@link StandardFeedFetcher} with {@link FetchSettings#defaults}, {@code new FeedReader()::read},
   * {@code Detector.withDefaults()::detect} and the UTC system clock.
   */
  public static final class Builder {
    private PollerConfig config = PollerConfig.defaults();
    private FeedFetcher fetcher;
    private FeedParser parser;
    private FindingSource findings;
    private FeedStateStore feedStates;
    private SeenItemStore seenItems;
    private AnnouncementStore announcements;
    private CommitmentLedger ledger;
    private String seedName = "none";
    private java.util.function.Supplier<List<Commitment>> seed = List::of;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder config(PollerConfig c) {
      this.config = c;
      return this;
    }

    public Builder fetcher(FeedFetcher f) {
      this.fetcher = f;
      return this;
    }

    public Builder parser(FeedParser p) {
      this.parser = p;
      return this;
    }

    public Builder findings(FindingSource f) {
      this.findings = f;
      return this;
    }

    public Builder feedStates(FeedStateStore s) {
      this.feedStates = s;
      return this;
    }

    public Builder seenItems(SeenItemStore s) {
      this.seenItems = s;
      return this;
    }

    public Builder announcements(AnnouncementStore s) {
      this.announcements = s;
      return this;
    }

    public Builder ledger(CommitmentLedger l) {
      this.ledger = l;
      return this;
    }

    /** The entries a ledger never initialised starts from, and the name recorded for them (default: none). */
    public Builder ledgerSeed(String name, java.util.function.Supplier<List<Commitment>> entries) {
      this.seedName = Objects.requireNonNull(name, "name");
      this.seed = Objects.requireNonNull(entries, "entries");
      return this;
    }

    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    public Poller build() {
      if (fetcher == null) {
        fetcher = new StandardFeedFetcher(FetchSettings.defaults());
      }
      if (parser == null) {
        parser = new FeedReader()::read;
      }
      if (findings == null) {
        findings = Detector.withDefaults()::detect;
      }
      return new Poller(this);
    }
  }
}
