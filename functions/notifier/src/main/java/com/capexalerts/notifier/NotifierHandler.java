package com.capexalerts.notifier;

import com.capexalerts.core.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.capexalerts.aws.dynamo.DynamoAnnouncementStore;
import com.capexalerts.aws.sns.SnsAlertPublisher;
import com.capexalerts.core.alert.AlertPublisher;
import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Notifier;
import com.capexalerts.lambda.HandlerMetrics;
import com.capexalerts.lambda.LogFields;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Lambda entry point: the announcements table's stream (new events only) to one SNS alert per event.
 *
 * <p>Thin on purpose: it picks the inserted event keys out of the stream records and leaves the exactly-once work to
 * {@link Notifier}. Records that need another try are returned as batch item failures; Lambda then retries from the
 * first of them (records after it come again too, which the claims make harmless).
 */
public final class NotifierHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
  /** Partition key of the announcements table. */
  static final String KEY_ATTRIBUTE = "event_key";
  /**
   * How long a claim blocks others: three times the function timeout of 30 s (template.yaml), so a live attempt never
   * loses its claim; a crashed attempt's claim is retaken at once by the retry of the same record (same claimant).
   */
  static final Duration CLAIM_LEASE = Duration.ofSeconds(90);

  static final String SERVICE = "notifier";
  private static final Logger LOG = LoggerFactory.getLogger(NotifierHandler.class);

  private final Notifier notifier;
  private final Clock clock;

  /** Used by Lambda: clients from the environment, created once per execution environment. */
  public NotifierHandler() {
    this(Cloud.store(), new SnsAlertPublisher(Cloud.SNS, Cloud.env("TOPIC_ARN")), Clock.systemUTC());
    // In the init phase, so a SnapStart snapshot holds the warmed renderings (see Priming).
    Priming.alertRenderings();
  }

  /** For tests and local runs: any store, any publisher, any clock. */
  public NotifierHandler(AnnouncementStore store, AlertPublisher publisher, Clock clock) {
    this.notifier = new Notifier(store, publisher, clock, CLAIM_LEASE);
    this.clock = clock;
  }

  /** Log lines carry the invocation's request id and cold start (Powertools), then one EMF document. */
  @Override
  public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> handle(event));
  }

  private StreamsEventResponse handle(DynamodbEvent event) {
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    long published = 0;
    long skipped = 0;
    List<DynamodbStreamRecord> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
    for (DynamodbStreamRecord record : records) {
      String sequence = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
      if (!"INSERT".equals(record.getEventName())) {
        // The event source filter passes INSERTs only; this guards against a mapping without the filter.
        LOG.debug("record ignored: only new events are alerted", LogFields.of(
            "event_name", record.getEventName(), "event_id", record.getEventID(), "sequence", sequence));
        skipped++;
        continue;
      }
      EventKey key = eventKey(record);
      if (key == null) {
        // A retry cannot fix a record without a key, and failing it would block the shard: report and go on.
        LOG.error("INSERT record skipped: no string attribute " + KEY_ATTRIBUTE + " in its Keys or NewImage",
            LogFields.of("event_id", record.getEventID(), "sequence", sequence));
        skipped++;
        continue;
      }
      long start = clock.millis();
      Notifier.Outcome outcome;
      Level level;
      try {
        outcome = notifier.notify(key, "stream:" + record.getEventID());
        level = outcome.status().routine() ? Level.INFO : Level.WARN;
      } catch (RuntimeException e) {
        outcome = new Notifier.Outcome(key, Notifier.Status.FAILED, null, "unexpected: " + e);
        level = Level.ERROR;
      }
      LOG.atLevel(level).log("alert " + outcome.status().name().toLowerCase(java.util.Locale.ROOT), LogFields.of(
          "event_key", key.value(), "status", outcome.status().name(), "message_id", outcome.messageId(),
          "sequence", sequence, "detail", outcome.detail(), "duration_ms", clock.millis() - start));
      if (outcome.retry()) {
        failures.add(new StreamsEventResponse.BatchItemFailure(sequence));
      } else if (outcome.status() == Notifier.Status.PUBLISHED
          || outcome.status() == Notifier.Status.PUBLISHED_UNRECORDED) {
        published++;
      } else {
        skipped++;
      }
    }
    HandlerMetrics.counts(SERVICE, metrics(published, failures.size(), skipped));
    return new StreamsEventResponse(failures);
  }

  /** One invocation's counts (namespace CapexAlerts, Service=notifier); the template's alarm reads AlertsFailed. */
  static Map<String, Long> metrics(long published, long failed, long skipped) {
    Map<String, Long> values = new LinkedHashMap<>();
    values.put("AlertsPublished", published);
    values.put("AlertsFailed", failed);
    values.put("AlertsSkipped", skipped);
    return values;
  }

  private static EventKey eventKey(DynamodbStreamRecord record) {
    if (record.getDynamodb() == null) {
      return null;
    }
    String value = stringOf(record.getDynamodb().getKeys());
    if (value == null) {
      value = stringOf(record.getDynamodb().getNewImage());
    }
    return value == null || value.isBlank() ? null : new EventKey(value);
  }

  private static String stringOf(Map<String, AttributeValue> item) {
    AttributeValue v = item == null ? null : item.get(KEY_ATTRIBUTE);
    return v == null ? null : v.getS();
  }

  /** The AWS side, initialised on first use by the Lambda constructor only (tests never touch it). */
  private static final class Cloud {
    // Created during init, so SnapStart snapshots them and warm invocations reuse their connections.
    static final SnsClient SNS = SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    static final DynamoDbClient DYNAMO = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

    static AnnouncementStore store() {
      String table = env("ANNOUNCEMENTS_TABLE");
      return new DynamoAnnouncementStore(DYNAMO, table);
    }

    static String env(String name) {
      String value = System.getenv(name);
      if (value == null || value.isBlank()) {
        throw new IllegalStateException("NotifierHandler needs the environment variable " + name
            + " (set by template.yaml)");
      }
      return value;
    }
  }
}
