package com.capexalerts.poller;

import com.capexalerts.core.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.capexalerts.aws.dynamo.DynamoAnnouncementStore;
import com.capexalerts.aws.dynamo.DynamoCommitmentLedger;
import com.capexalerts.core.ledger.LedgerFile;
import com.capexalerts.aws.dynamo.DynamoFeedStateStore;
import com.capexalerts.aws.dynamo.DynamoSeenItemStore;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.detect.DetectorConfig;
import com.capexalerts.core.feed.FeedReader;
import com.capexalerts.core.fetch.StandardFeedFetcher;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.FeedCatalog;
import com.capexalerts.core.poll.FeedHealth;
import com.capexalerts.core.poll.FeedParser;
import com.capexalerts.core.poll.FeedReport;
import com.capexalerts.core.poll.FeedStatus;
import com.capexalerts.core.poll.FindingSource;
import com.capexalerts.core.poll.PollReport;
import com.capexalerts.core.poll.Poller;
import com.capexalerts.lambda.HandlerMetrics;
import com.capexalerts.lambda.LogFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The scheduled feed poller: polls every configured feed once and stores new events; the table's stream drives the
 * notifier. Thin on purpose: configuration, wiring and a summary; the work is {@link Poller}'s.
 */
public final class FeedPollerHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
  /** Kept back from the remaining time besides the read timeout: storing the last feeds' items. */
  static final Duration STORE_MARGIN = Duration.ofSeconds(10);
  /** "bundled" (default), "none", or a JSON Lines file: the seed a never-initialised ledger starts from. */
  public static final String LEDGER_SEED_VAR = "LEDGER_SEED";
  private static final Logger LOG = LoggerFactory.getLogger(FeedPollerHandler.class);
  private static final int MAX_LISTED_ERRORS = 20;

  private final Poller poller;
  /** The seed of the feed list (FEEDS, else the bundled list); the list itself is the feeds table. */
  private final List<Feed> seed;
  private final FeedCatalog catalog;
  private final Duration safetyMargin;
  private final Clock clock;

  /** Lambda entry point: configuration from the environment, clients created once per execution environment. */
  public FeedPollerHandler() {
    this(System.getenv(), ColdStart.DYNAMO, Clock.systemUTC());
    // In the init phase, so a SnapStart snapshot holds the warmed parser and detector (see Priming).
    Priming.feedAndDetection();
  }

  /** Production wiring with the given environment, client and clock (tests, local stacks). */
  public FeedPollerHandler(Map<String, String> env, DynamoDbClient dynamo, Clock clock) {
    this(checked(PollerSettings.fromEnv(env), DetectorConfig.detector(env)), TableNames.fromEnv(env), dynamo,
        new FeedReader()::read, DetectorConfig.detector(env)::detect, clock,
        LedgerFile.seed(env.get(LEDGER_SEED_VAR), bad -> LOG.warn("ledger seed line skipped", LogFields.of("detail", bad))));
  }

  /** Refuses thresholds for companies the detector never reports (a typo would silently keep the global one). */
  static PollerSettings checked(PollerSettings settings, Detector detector) {
    List<String> problems = settings.config().thresholds().problems(detector.watchlist());
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid poller configuration: COMPANY_THRESHOLDS: "
          + String.join("; ", problems));
    }
    return settings;
  }

  /** Full injection: tests pass their own parser or finding source; the ledger starts empty. */
  public FeedPollerHandler(PollerSettings settings, TableNames tables, DynamoDbClient dynamo, FeedParser parser,
      FindingSource findings, Clock clock) {
    this(settings, tables, dynamo, parser, findings, clock, LedgerFile.seed("none", bad -> { }));
  }

  /** Full injection with the seed a ledger never initialised starts from. */
  public FeedPollerHandler(PollerSettings settings, TableNames tables, DynamoDbClient dynamo, FeedParser parser,
      FindingSource findings, Clock clock, LedgerFile.Seed ledgerSeed) {
    this.seed = settings.feeds();
    this.clock = clock;
    this.safetyMargin = settings.fetch().readTimeout().plus(STORE_MARGIN);
    DynamoFeedStateStore feedStates = new DynamoFeedStateStore(dynamo, tables.feeds());
    this.catalog = new FeedCatalog(feedStates, false);
    this.poller = Poller.builder()
        .config(settings.config())
        .fetcher(new StandardFeedFetcher(settings.fetch()))
        .parser(parser)
        .findings(findings)
        .feedStates(feedStates)
        .seenItems(new DynamoSeenItemStore(dynamo, tables.seenItems(), clock))
        .announcements(new DynamoAnnouncementStore(dynamo, tables.announcements()))
        .ledger(new DynamoCommitmentLedger(dynamo, tables.ledger()))
        .ledgerSeed(ledgerSeed.name(), ledgerSeed.entries())
        .clock(clock)
        .build();
  }

  /** One WARN line per failed feed, a summary line (with the invocation's request id: Powertools), one EMF document. */
  @Override
  public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> poll(event, context));
  }

  private Map<String, Object> poll(ScheduledEvent event, Context context) {
    Instant now = clock.instant();
    // Stop starting feeds while there is still time to finish the started ones within the function's timeout.
    Instant deadline = context == null ? null
        : now.plusMillis(context.getRemainingTimeInMillis()).minus(safetyMargin);
    PollReport report = poller.poll(catalog.active(seed), deadline);
    Instant end = clock.instant();
    long stale = catalog.listed().stream().filter(s -> FeedHealth.of(s, end).stale()).count();
    Map<String, Object> summary = summary(report, event);
    summary.put("stale", stale);
    // ERROR when every feed due failed (nothing is being watched), WARN when some did.
    Level level = report.attemptedFeeds() > 0 && report.failedFeeds() == report.attemptedFeeds() ? Level.ERROR
        : report.failedFeeds() > 0 ? Level.WARN : Level.INFO;
    for (FeedReport f : report.feeds()) {
      if (f.status() == FeedStatus.FAILED) {
        LOG.warn("feed failed", LogFields.of(feedFailure(f)));
      }
    }
    LOG.atLevel(level).log("poll done", LogFields.of(summary));
    HandlerMetrics.counts(PollMetrics.SERVICE, PollMetrics.counts(report, stale));
    return summary;
  }

  /** One failed feed's fields (a WARN line of its own): feed, status, error class and detail, next attempt. */
  static Map<String, Object> feedFailure(FeedReport f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("feed", f.url());
    m.put("feed_name", f.name());
    m.put("status", f.status().wireName());
    m.put("error_class", f.errorClass() == null ? null : f.errorClass().wireName());
    // "error" is Powertools' key for a logged exception's name, message and stack.
    m.put("error_detail", f.error());
    m.put("next_attempt_at", f.nextAttemptAt() == null ? null : f.nextAttemptAt().toString());
    return m;
  }

  /** The handler's result, and the summary line's fields. */
  static Map<String, Object> summary(PollReport report, ScheduledEvent event) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("poll", "done");
    if (event != null && event.getTime() != null) {
      s.put("scheduledTime", Instant.ofEpochMilli(event.getTime().getMillis()).toString());
    }
    s.put("durationMs", Duration.between(report.startedAt(), report.finishedAt()).toMillis());
    s.put("duration_ms", Duration.between(report.startedAt(), report.finishedAt()).toMillis());
    s.put("feeds", report.feeds().size());
    for (FeedStatus status : FeedStatus.values()) {
      s.put(status.wireName(), report.count(status));
    }
    s.put("newEvents", report.newEvents().stream().map(a -> a.key().value()).toList());
    s.put("sourcesAdded", report.sourcesAdded().size());
    s.put("itemErrors", report.itemErrors().size());
    s.put("skipped", report.skips().byReason());
    s.put("feedErrors", report.feeds().stream()
        .filter(f -> f.error() != null)
        .limit(MAX_LISTED_ERRORS)
        .map(FeedPollerHandler::feedError)
        .toList());
    return s;
  }

  private static Map<String, Object> feedError(FeedReport f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", f.url());
    m.put("status", f.status().wireName());
    m.put("error", f.error());
    if (f.errorClass() != null) {
      m.put("errorClass", f.errorClass().wireName());
    }
    if (f.nextAttemptAt() != null) {
      m.put("nextAttemptAt", f.nextAttemptAt().toString());
    }
    return m;
  }

  /** Created during the init phase and reused by every invocation of the execution environment. */
  private static final class ColdStart {
    static final DynamoDbClient DYNAMO = DynamoDbClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
        .build();
  }
}
