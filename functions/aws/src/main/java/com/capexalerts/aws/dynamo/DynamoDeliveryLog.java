package com.capexalerts.aws.dynamo;

import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.webhook.DeliveryAttempt;
import com.capexalerts.core.webhook.DeliveryInProgressException;
import com.capexalerts.core.webhook.DeliveryLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The delivery log in the deliveries table: partition key {@code webhook_id}, sort key {@code sk}.
 *
 * <ul>
 *   <li>{@code event#<event key>}: the delivery of one alert to one webhook. {@code state} is {@code claimed} (with
 *       {@code lease_until}, epoch milliseconds) while a dispatcher delivers it, {@code delivered} once the receiver
 *       answered 2xx. The claim is one conditional PutItem ("no item, or an expired claim"), so of two concurrent
 *       deliveries of the same message exactly one sends; the other gets {@link DeliveryInProgressException}.
 *   <li>{@code attempt#<start, epoch ms, 13 digits>#<event key>#<n>}: one attempt, for diagnosis; a query on the
 *       webhook lists them in time order.
 * </ul>
 *
 * <p>Every item carries {@code expires_at} (epoch seconds, the table's TTL attribute): {@link #RETENTION} after it
 * was written, longer than SQS keeps a message (at most 14 days), so a redrive from the dead-letter queue still finds
 * the delivered markers.
 */
public final class DynamoDeliveryLog implements DeliveryLog {
  public static final String WEBHOOK_ID = "webhook_id";
  public static final String SK = "sk";
  public static final String STATE = "state";
  public static final String LEASE_UNTIL = "lease_until";
  public static final String DELIVERY_ID = "delivery_id";
  public static final String DELIVERED_AT = "delivered_at";
  public static final String EXPIRES_AT = "expires_at";
  public static final String EVENT_KEY = "event_key";
  public static final String ATTEMPT = "attempt";
  public static final String STARTED_AT = "started_at";
  public static final String DURATION_MS = "duration_ms";
  public static final String STATUS = "status";
  public static final String ERROR = "error";
  /** How long delivered markers and attempts are kept. */
  public static final Duration RETENTION = Duration.ofDays(30);

  static final String CLAIMED = "claimed";
  static final String DELIVERED = "delivered";
  private static final String EVENT_PREFIX = "event#";
  private static final String ATTEMPT_PREFIX = "attempt#";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;
  private final Duration claimLease;

  /**
   * @param claimLease how long a claim keeps others from sending: longer than one delivery can take
   *                   (WebhookDispatch.claimLease), shorter than the queue's visibility timeout so that the
   *                   redelivery of a failed message can take it again
   */
  public DynamoDeliveryLog(DynamoDbClient dynamo, String table, Clock clock, Duration claimLease) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (claimLease.isNegative() || claimLease.isZero()) {
      throw new IllegalArgumentException("claim lease must be positive: " + claimLease);
    }
    this.claimLease = claimLease;
  }

  @Override
  public boolean alreadyDelivered(String webhookId, EventKey eventKey) {
    // Two rounds: the item read after a refused claim may have expired or gone in between.
    for (int round = 0; round < 2; round++) {
      Instant now = clock.instant();
      Map<String, AttributeValue> claim = new LinkedHashMap<>(key(webhookId, EVENT_PREFIX + eventKey.value()));
      claim.put(STATE, AttributeValue.fromS(CLAIMED));
      claim.put(LEASE_UNTIL, number(now.plus(claimLease).toEpochMilli()));
      claim.put(EXPIRES_AT, number(now.plus(RETENTION).getEpochSecond()));
      try {
        dynamo.putItem(r -> r.tableName(table).item(claim)
            .conditionExpression("attribute_not_exists(#sk) OR (#state = :claimed AND #lease < :now)")
            .expressionAttributeNames(Map.of("#sk", SK, "#state", STATE, "#lease", LEASE_UNTIL))
            .expressionAttributeValues(Map.of(":claimed", AttributeValue.fromS(CLAIMED),
                ":now", number(now.toEpochMilli()))));
        return false; // claimed: this caller sends
      } catch (ConditionalCheckFailedException taken) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
            .key(key(webhookId, EVENT_PREFIX + eventKey.value()))).item();
        if (item == null || item.isEmpty()) {
          continue;
        }
        if (DELIVERED.equals(AnnouncementItems.string(item, STATE))) {
          return true;
        }
        Instant leaseUntil = Instant.ofEpochMilli(Long.parseLong(item.get(LEASE_UNTIL).n()));
        if (!leaseUntil.isAfter(clock.instant())) {
          continue;
        }
        throw new DeliveryInProgressException(webhookId, eventKey, leaseUntil);
      }
    }
    throw new DeliveryInProgressException(webhookId, eventKey, clock.instant().plus(claimLease));
  }

  /** Deletes the claim unless the alert was delivered meanwhile. */
  @Override
  public void releaseClaim(String webhookId, EventKey eventKey) {
    try {
      dynamo.deleteItem(r -> r.tableName(table).key(key(webhookId, EVENT_PREFIX + eventKey.value()))
          .conditionExpression("#state = :claimed")
          .expressionAttributeNames(Map.of("#state", STATE))
          .expressionAttributeValues(Map.of(":claimed", AttributeValue.fromS(CLAIMED))));
    } catch (ConditionalCheckFailedException deliveredOrGone) {
      // nothing to give back
    }
  }

  /** Unconditional: delivered is final, whoever held the claim. */
  @Override
  public void recordDelivered(String webhookId, EventKey eventKey, String deliveryId, Instant at) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(key(webhookId, EVENT_PREFIX + eventKey.value()));
    item.put(STATE, AttributeValue.fromS(DELIVERED));
    item.put(DELIVERY_ID, AttributeValue.fromS(deliveryId));
    item.put(DELIVERED_AT, AttributeValue.fromS(at.toString()));
    item.put(EXPIRES_AT, number(clock.instant().plus(RETENTION).getEpochSecond()));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  /** Best effort, as the port asks: a lost attempt record is still in the delivery result the dispatcher logs. */
  @Override
  public void recordAttempt(DeliveryAttempt a) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(key(a.webhookId(), ATTEMPT_PREFIX
        + "%013d#%s#%d".formatted(a.startedAt().toEpochMilli(), a.eventKey().value(), a.attempt())));
    item.put(EVENT_KEY, AttributeValue.fromS(a.eventKey().value()));
    item.put(DELIVERY_ID, AttributeValue.fromS(a.deliveryId()));
    item.put(ATTEMPT, number(a.attempt()));
    item.put(STARTED_AT, AttributeValue.fromS(a.startedAt().toString()));
    item.put(DURATION_MS, number(a.duration().toMillis()));
    item.put(STATUS, number(a.statusCode()));
    if (a.error() != null) {
      item.put(ERROR, AttributeValue.fromS(a.error()));
    }
    item.put(EXPIRES_AT, number(clock.instant().plus(RETENTION).getEpochSecond()));
    try {
      dynamo.putItem(r -> r.tableName(table).item(item));
    } catch (SdkException e) {
      // Diagnosis only; see above.
    }
  }

  /** The webhook's most recent attempts, newest first (for status pages and support). */
  public List<DeliveryAttempt> recentAttempts(String webhookId, int limit) {
    return dynamo.query(r -> r.tableName(table)
            .keyConditionExpression("#id = :id AND begins_with(#sk, :prefix)")
            .expressionAttributeNames(Map.of("#id", WEBHOOK_ID, "#sk", SK))
            .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(webhookId),
                ":prefix", AttributeValue.fromS(ATTEMPT_PREFIX)))
            .scanIndexForward(false)
            .limit(limit))
        .items().stream()
        .map(item -> new DeliveryAttempt(webhookId,
            new EventKey(item.get(EVENT_KEY).s()),
            item.get(DELIVERY_ID).s(),
            Integer.parseInt(item.get(ATTEMPT).n()),
            Instant.parse(item.get(STARTED_AT).s()),
            Duration.ofMillis(Long.parseLong(item.get(DURATION_MS).n())),
            Integer.parseInt(item.get(STATUS).n()),
            AnnouncementItems.string(item, ERROR)))
        .toList();
  }

  private static Map<String, AttributeValue> key(String webhookId, String sk) {
    return Map.of(WEBHOOK_ID, AttributeValue.fromS(webhookId), SK, AttributeValue.fromS(sk));
  }

  private static AttributeValue number(long n) {
    return AttributeValue.fromN(Long.toString(n));
  }
}
