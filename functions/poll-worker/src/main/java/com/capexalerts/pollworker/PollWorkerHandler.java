package com.capexalerts.pollworker;

import com.capexalerts.lambda.LogFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.capexalerts.aws.dynamo.DynamoPollStateStore;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.aws.sqs.SqsDecisionSink;
import com.capexalerts.core.Priming;
import com.capexalerts.core.detect.DetectorConfig;
import com.capexalerts.core.feed.FeedReader;
import com.capexalerts.core.fetch.StandardFeedFetcher;
import com.capexalerts.core.scale.AdaptiveSchedule;
import com.capexalerts.core.scale.ConditionalFetcher;
import com.capexalerts.core.scale.DecisionSink;
import com.capexalerts.core.scale.FeedWorker;
import com.capexalerts.core.scale.OriginLimits;
import com.capexalerts.core.scale.PollState;
import com.capexalerts.core.scale.ScaleMessages;
import com.capexalerts.poller.PollerSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Work-queue consumer: polls every feed of the batch's messages at once ({@link FeedWorker}) and hands findings to
 * the decision queue. A message is reported failed ({@code batchItemFailures}) only when our side failed for one of
 * its feeds (state store, decision queue) or its body is unreadable; a failing feed is recorded and backs off
 * instead. After the queue's maxReceiveCount a failed message goes to the dead-letter queue.
 *
 * <p>Environment: FEEDS_TABLE, DECISION_QUEUE_URL, POLL_INTERVAL, FETCH_LIMIT (overall, 128), PER_ORIGIN_LIMIT (4),
 * and the poller's THRESHOLD_USD, COMPANY_THRESHOLDS, MAX_AGE, WATCHLIST_FILE, USD_RATES.
 */
public final class PollWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(PollWorkerHandler.class);
  private static final int MAX_LOGGED_ERRORS = 10;
  private final FeedWorker worker;

  public PollWorkerHandler() {
    this(System.getenv(), Clients.DYNAMO, Clients.SQS, Clock.systemUTC(), null);
    Priming.feedAndDetection();
  }

  /** @param fetcher null: the standard fetcher with the default timeouts and size cap */
  public PollWorkerHandler(Map<String, String> env, DynamoDbClient dynamo, SqsClient sqs, Clock clock,
      ConditionalFetcher fetcher) {
    this(env, dynamo, new SqsDecisionSink(sqs, Env.required(env, "DECISION_QUEUE_URL")), clock, fetcher);
  }

  /** With another decision sink: the simulation's unserialized control run. */
  public PollWorkerHandler(Map<String, String> env, DynamoDbClient dynamo, DecisionSink decisions, Clock clock,
      ConditionalFetcher fetcher) {
    PollerSettings settings = PollerSettings.fromEnv(withFeeds(env));
    StandardFeedFetcher standard = new StandardFeedFetcher(settings.fetch());
    this.worker = new FeedWorker(fetcher != null ? fetcher : standard::fetchFresh, new FeedReader()::read,
        DetectorConfig.detector(env)::detect, settings.config().thresholds(), settings.config().maxAge(),
        new DynamoPollStateStore(dynamo, Env.required(env, TableNames.FEEDS_VAR)),
        decisions,
        new AdaptiveSchedule(settings.config().backoff().base()),
        new OriginLimits(Env.number(env, "FETCH_LIMIT", 128), Env.number(env, "PER_ORIGIN_LIMIT", 4)),
        clock);
  }

  /** The worker's feeds come in messages; the poller's settings only need some list to be valid. */
  private static Map<String, String> withFeeds(Map<String, String> env) {
    Map<String, String> copy = new LinkedHashMap<>(env);
    copy.putIfAbsent("FEEDS", "http://127.0.0.1/unused");
    return copy;
  }

  /** One summary line per batch (WARN when some feed's work is to be retried), with Powertools' request id. */
  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> work(event));
  }

  private SQSBatchResponse work(SQSEvent event) {
    long start = System.nanoTime();
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    Map<String, List<String>> messagesByFeed = new LinkedHashMap<>();
    List<PollState> feeds = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (SQSEvent.SQSMessage m : event.getRecords()) {
      try {
        for (PollState f : ScaleMessages.scheduled(m.getBody())) {
          messagesByFeed.computeIfAbsent(f.feedUrl(), k -> new ArrayList<>()).add(m.getMessageId());
          feeds.add(f);
        }
      } catch (IllegalArgumentException e) {
        errors.add("message " + m.getMessageId() + ": " + e.getMessage());
        failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
      }
    }
    Set<String> retry = new LinkedHashSet<>();
    Map<FeedWorker.Outcome, Integer> counts = new EnumMap<>(FeedWorker.Outcome.class);
    for (FeedWorker.FeedResult r : worker.workScheduled(feeds, true)) {
      counts.merge(r.outcome(), 1, Integer::sum);
      if (r.outcome() == FeedWorker.Outcome.RETRY) {
        retry.addAll(messagesByFeed.getOrDefault(r.feed().url(), List.of()));
        errors.add(r.feed().url() + ": " + r.error());
      }
    }
    retry.forEach(id -> failures.add(new SQSBatchResponse.BatchItemFailure(id)));
    Map<String, Integer> outcomes = new LinkedHashMap<>();
    counts.forEach((outcome, n) -> outcomes.put(outcome.name().toLowerCase(java.util.Locale.ROOT), n));
    LOG.atLevel(failures.isEmpty() ? Level.INFO : Level.WARN).log("batch done", LogFields.of(
        "messages", event.getRecords().size(), "feeds", feeds.size(), "outcomes", outcomes,
        "messages_failed", failures.size(), "errors", errors.stream().limit(MAX_LOGGED_ERRORS).toList(),
        "duration_ms", (System.nanoTime() - start) / 1_000_000));
    return new SQSBatchResponse(failures);
  }
}
