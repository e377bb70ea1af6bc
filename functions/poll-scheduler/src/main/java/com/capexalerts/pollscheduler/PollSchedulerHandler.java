package com.capexalerts.pollscheduler;

import com.capexalerts.lambda.LogFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.capexalerts.aws.dynamo.DynamoPollStateStore;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.aws.sqs.SqsWorkQueue;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.scale.AdaptiveSchedule;
import com.capexalerts.core.scale.FeedScheduler;
import com.capexalerts.poller.PollerSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * On the schedule: sends the feeds that are due to the work queue, {@code FEEDS_PER_MESSAGE} (100) to a message.
 * Reads the feeds table once (one Scan); writes nothing.
 *
 * <p>Environment: FEEDS_TABLE, WORK_QUEUE_URL, POLL_INTERVAL (the schedule rate, the shortest interval), FEEDS
 * (configured feeds; those not yet in the table are due at once; default: the bundled list), FEEDS_PER_MESSAGE.
 */
public final class PollSchedulerHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
  /** Measured: the fewer, larger worker invocations, the less Lambda time is spent waiting on the slowest feed. */
  public static final int DEFAULT_FEEDS_PER_MESSAGE = 100;
  private static final Logger LOG = LoggerFactory.getLogger(PollSchedulerHandler.class);
  private final FeedScheduler scheduler;

  public PollSchedulerHandler() {
    this(System.getenv(), Clients.DYNAMO, Clients.SQS, Clock.systemUTC());
  }

  public PollSchedulerHandler(Map<String, String> env, DynamoDbClient dynamo, SqsClient sqs, Clock clock) {
    PollerSettings settings = PollerSettings.fromEnv(env);
    String queue = required(env, "WORK_QUEUE_URL");
    int perMessage = env.containsKey("FEEDS_PER_MESSAGE") ? Integer.parseInt(env.get("FEEDS_PER_MESSAGE").strip())
        : DEFAULT_FEEDS_PER_MESSAGE;
    Duration rate = settings.config().backoff().base();
    List<Feed> configured = settings.feeds();
    this.scheduler = new FeedScheduler(new DynamoPollStateStore(dynamo, required(env, TableNames.FEEDS_VAR)),
        () -> configured, new AdaptiveSchedule(rate), new SqsWorkQueue(sqs, queue), perMessage,
        rate, clock);
  }

  /** One INFO line per tick (with the invocation's request id: Powertools). */
  @Override
  public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, this::tick);
  }

  private Map<String, Object> tick() {
    long start = System.nanoTime();
    FeedScheduler.Tick tick = scheduler.tick();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("tick", tick.at().toString());
    summary.put("feeds", tick.known());
    summary.put("due", tick.due());
    summary.put("messages", tick.messages());
    summary.put("duration_ms", (System.nanoTime() - start) / 1_000_000);
    LOG.info("tick done", LogFields.of(summary));
    return summary;
  }

  static String required(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is not set: needed by the poll scheduler");
    }
    return v.strip();
  }

  private static final class Clients {
    static final DynamoDbClient DYNAMO = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(EnvironmentVariableCredentialsProvider.create()).build();
    static final SqsClient SQS = SqsClient.builder().httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(EnvironmentVariableCredentialsProvider.create()).build();
  }
}
