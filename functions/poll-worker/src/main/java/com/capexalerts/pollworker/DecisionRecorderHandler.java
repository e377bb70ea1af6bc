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
import com.capexalerts.aws.dynamo.DynamoAnnouncementStore;
import com.capexalerts.aws.dynamo.DynamoCommitmentLedger;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.core.detect.DetectorConfig;
import com.capexalerts.core.ledger.LedgerFile;
import com.capexalerts.core.poll.Poller;
import com.capexalerts.core.poll.PollerConfig;
import com.capexalerts.core.scale.DecisionRecorder;
import com.capexalerts.core.scale.DecisionRequest;
import com.capexalerts.core.scale.ScaleMessages;
import com.capexalerts.poller.FeedPollerHandler;
import com.capexalerts.poller.PollerSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Decision-queue consumer (SQS FIFO, the company as message group): Lambda never runs two batches of one group at
 * once, so one company's findings are decided one at a time, with the poller's decision code
 * ({@link DecisionRecorder}). New events go to the announcements table, whose stream drives the notifier as before.
 *
 * <p>On a FIFO queue a failed message must hold back the rest of its group, so once a message of a group fails every
 * later message of that group in the batch is reported failed too (SQS then redelivers them in order).
 *
 * <p>Environment: ANNOUNCEMENTS_TABLE, LEDGER_TABLE, LEDGER_SEED and the poller's THRESHOLD_USD, COMPANY_THRESHOLDS, MAX_AGE, DEDUPE_TOLERANCE,
 * DEDUPE_WINDOW, WATCHLIST_FILE, USD_RATES.
 */
public final class DecisionRecorderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
  private static final Logger LOG = LoggerFactory.getLogger(DecisionRecorderHandler.class);
  private static final int MAX_LOGGED_ERRORS = 10;
  private final DecisionRecorder recorder;

  public DecisionRecorderHandler() {
    this(System.getenv(), Clients.DYNAMO, Clock.systemUTC());
  }

  public DecisionRecorderHandler(Map<String, String> env, DynamoDbClient dynamo, Clock clock) {
    this.recorder = recorder(env, dynamo, clock);
  }

  /** The recorder this handler runs, from the same environment. */
  public static DecisionRecorder recorder(Map<String, String> env, DynamoDbClient dynamo, Clock clock) {
    Map<String, String> copy = new LinkedHashMap<>(env);
    copy.putIfAbsent("FEEDS", "http://127.0.0.1/unused");
    PollerConfig config = PollerSettings.fromEnv(copy).config();
    String announcementsTable = Env.required(env, TableNames.ANNOUNCEMENTS_VAR);
    DynamoAnnouncementStore announcements = new DynamoAnnouncementStore(dynamo, announcementsTable);
    String ledgerName = env.get(TableNames.LEDGER_VAR);
    // The same ledger, and the same seed, as the single poller: known commitments are decided alike.
    DynamoCommitmentLedger ledger = new DynamoCommitmentLedger(dynamo,
        ledgerName == null || ledgerName.isBlank() ? announcementsTable + "-ledger" : ledgerName.strip());
    LedgerFile.Seed seed = LedgerFile.seed(env.get(FeedPollerHandler.LEDGER_SEED_VAR),
        bad -> LOG.warn("ledger seed line skipped", LogFields.of("detail", bad)));
    return new DecisionRecorder(
        () -> Poller.builder().config(config).announcements(announcements).ledger(ledger)
            .ledgerSeed(seed.name(), seed.entries()).clock(clock),
        DetectorConfig.detector(env)::detect);
  }

  /** One summary line per batch (WARN when some message is handed back), with Powertools' request id. */
  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> record(event));
  }

  private SQSBatchResponse record(SQSEvent event) {
    long start = System.nanoTime();
    List<SQSEvent.SQSMessage> messages = event.getRecords();
    List<DecisionRequest> requests = new ArrayList<>();
    List<SQSEvent.SQSMessage> decided = new ArrayList<>();
    Set<String> failedIds = new HashSet<>();
    List<String> errors = new ArrayList<>();
    for (SQSEvent.SQSMessage m : messages) {
      try {
        requests.add(ScaleMessages.decision(m.getBody()));
        decided.add(m);
      } catch (IllegalArgumentException e) {
        errors.add("message " + m.getMessageId() + ": " + e.getMessage());
        failedIds.add(m.getMessageId());
      }
    }
    DecisionRecorder.Outcome outcome = recorder.record(requests);
    for (int i = 0; i < decided.size(); i++) {
      if (outcome.errors().get(i) != null) {
        failedIds.add(decided.get(i).getMessageId());
        errors.add(decided.get(i).getMessageId() + ": " + outcome.errors().get(i));
      }
    }
    // FIFO: a failure holds back the rest of its group.
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    Set<String> blockedGroups = new HashSet<>();
    for (SQSEvent.SQSMessage m : messages) {
      String group = m.getAttributes() == null ? null : m.getAttributes().get("MessageGroupId");
      boolean blocked = group != null && blockedGroups.contains(group);
      if (failedIds.contains(m.getMessageId()) || blocked) {
        failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
        if (group != null) {
          blockedGroups.add(group);
        }
      }
    }
    LOG.atLevel(failures.isEmpty() ? Level.INFO : Level.WARN).log("decisions recorded", LogFields.of(
        "decisions", requests.size(), "new_events", outcome.newEvents().stream().map(a -> a.key().value()).toList(),
        "sources_added", outcome.sourcesAdded(), "messages_failed", failures.size(),
        "errors", errors.stream().limit(MAX_LOGGED_ERRORS).toList(),
        "duration_ms", (System.nanoTime() - start) / 1_000_000));
    return new SQSBatchResponse(failures);
  }
}
