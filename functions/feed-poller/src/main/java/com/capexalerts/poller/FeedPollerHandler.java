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
import com.capexalerts.core.detect.DetectorConfig;
import com.capexalerts.core.feed.FeedReader;
import com.capexalerts.core.fetch.StandardFeedFetcher;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.FeedParser;
import com.capexalerts.core.poll.FeedReport;
import com.capexalerts.core.poll.FeedStatus;
import com.capexalerts.core.poll.FindingSource;
import com.capexalerts.core.poll.PollReport;
import com.capexalerts.core.poll.Poller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The scheduled feed poller: polls every configured feed once and stores new events; the table's stream drives the
 * notifier. Thin on purpose: configuration, wiring and a summary; the work is {@link Poller}'s.
 */
public final class FeedPollerHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
  /** Kept back from the remaining time besides the read timeout: storing the last feeds' items. */
  static final Duration STORE_MARGIN = Duration.ofSeconds(10);
  /** "bundled" (default), "none", or a JSON Lines file: the seed a never-initialised ledger starts from. */
  public static final String LEDGER_SEED_VAR = "LEDGER_SEED";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LISTED_ERRORS = 20;

  private final Poller poller;
  private final List<Feed> feeds;
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
    this(PollerSettings.fromEnv(env), TableNames.fromEnv(env), dynamo, new FeedReader()::read,
        DetectorConfig.detector(env)::detect, clock,
        LedgerFile.seed(env.get(LEDGER_SEED_VAR), bad -> System.err.println("ledger seed: " + bad)));
  }

  /** Full injection: tests pass their own parser or finding source; the ledger starts empty. */
  public FeedPollerHandler(PollerSettings settings, TableNames tables, DynamoDbClient dynamo, FeedParser parser,
      FindingSource findings, Clock clock) {
    this(settings, tables, dynamo, parser, findings, clock, LedgerFile.seed("none", bad -> { }));
  }

  /** Full injection with the seed a ledger never initialised starts from. */
  public FeedPollerHandler(PollerSettings settings, TableNames tables, DynamoDbClient dynamo, FeedParser parser,
      FindingSource findings, Clock clock, LedgerFile.Seed seed) {
    this.feeds = settings.feeds();
    this.clock = clock;
    this.safetyMargin = settings.fetch().readTimeout().plus(STORE_MARGIN);
    this.poller = Poller.builder()
        .config(settings.config())
        .fetcher(new StandardFeedFetcher(settings.fetch()))
        .parser(parser)
        .findings(findings)
        .feedStates(new DynamoFeedStateStore(dynamo, tables.feeds()))
        .seenItems(new DynamoSeenItemStore(dynamo, tables.seenItems(), clock))
        .announcements(new DynamoAnnouncementStore(dynamo, tables.announcements()))
        .ledger(new DynamoCommitmentLedger(dynamo, tables.ledger()))
        .ledgerSeed(seed.name(), seed.entries())
        .clock(clock)
        .build();
  }

  @Override
  public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
    Instant now = clock.instant();
    // Stop starting feeds while there is still time to finish the started ones within the function's timeout.
    Instant deadline = context == null ? null
        : now.plusMillis(context.getRemainingTimeInMillis()).minus(safetyMargin);
    PollReport report = poller.poll(feeds, deadline);
    Map<String, Object> summary = summary(report, event);
    String line;
    try {
      line = JSON.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      line = summary.toString();
    }
    if (context != null && context.getLogger() != null) {
      context.getLogger().log(line + "\n");
    } else {
      System.out.println(line);
    }
    return summary;
  }

  static Map<String, Object> summary(PollReport report, ScheduledEvent event) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("poll", "done");
    if (event != null && event.getTime() != null) {
      s.put("scheduledTime", Instant.ofEpochMilli(event.getTime().getMillis()).toString());
    }
    s.put("durationMs", Duration.between(report.startedAt(), report.finishedAt()).toMillis());
    s.put("feeds", report.feeds().size());
    for (FeedStatus status : FeedStatus.values()) {
      s.put(status.wireName(), report.count(status));
    }
    s.put("newEvents", report.newEvents().stream().map(a -> a.key().value()).toList());
    s.put("sourcesAdded", report.sourcesAdded().size());
    s.put("itemErrors", report.itemErrors().size());
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
