package com.capexalerts.aws.dynamo;

import static com.capexalerts.aws.dynamo.AnnouncementItems.EVENT_KEY;
import static com.capexalerts.aws.dynamo.AnnouncementItems.MESSAGE_ID;
import static com.capexalerts.aws.dynamo.AnnouncementItems.NOTIFIED_AT;
import static com.capexalerts.aws.dynamo.AnnouncementItems.NOTIFY_CLAIMANT;
import static com.capexalerts.aws.dynamo.AnnouncementItems.NOTIFY_CLAIMED_AT;
import static com.capexalerts.aws.dynamo.AnnouncementItems.s;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Events in the announcements table. Every write is a conditional single-item operation, so concurrent pollers and
 * notifiers never create an event twice, lose a source, or publish one alert twice while a claim is alive.
 */
public final class DynamoAnnouncementStore implements AnnouncementStore {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoAnnouncementStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  /** Queries the by_company index (never scans); the index holds epoch seconds, so the bounds are refined here. */
  @Override
  public List<Announcement> recentForCompany(String company, Instant from, Instant to) {
    List<Announcement> found = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> exclusiveStart = start;
      QueryResponse page = dynamo.query(r -> r.tableName(table)
          .indexName(AnnouncementItems.BY_COMPANY)
          .keyConditionExpression("#company = :company AND #published_at BETWEEN :from AND :to")
          .expressionAttributeNames(Map.of("#company", AnnouncementItems.COMPANY,
              "#published_at", AnnouncementItems.PUBLISHED_AT))
          .expressionAttributeValues(Map.of(":company", s(company),
              ":from", AttributeValue.fromN(Long.toString(from.getEpochSecond())),
              ":to", AttributeValue.fromN(Long.toString(to.getEpochSecond()))))
          .exclusiveStartKey(exclusiveStart));
      for (Map<String, AttributeValue> item : page.items()) {
        Announcement a = AnnouncementItems.fromItem(item);
        if (!a.published().isBefore(from) && !a.published().isAfter(to)) {
          found.add(a);
        }
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return found;
  }

  @Override
  public boolean create(Announcement announcement) {
    try {
      dynamo.putItem(r -> r.tableName(table)
          .item(AnnouncementItems.toItem(announcement))
          .conditionExpression("attribute_not_exists(#k)")
          .expressionAttributeNames(Map.of("#k", EVENT_KEY)));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  @Override
  public boolean addSource(EventKey key, Source source) {
    String token = AnnouncementItems.sourceToken(source);
    try {
      dynamo.updateItem(r -> r.tableName(table)
          .key(key(key))
          .updateExpression("SET #sources = list_append(if_not_exists(#sources, :none), :source) ADD #links :token")
          .conditionExpression("attribute_exists(#k) AND NOT contains(#links, :link) AND "
              + "(attribute_not_exists(#sources) OR size(#sources) < :max)")
          .expressionAttributeNames(Map.of("#k", EVENT_KEY, "#sources", AnnouncementItems.SOURCES,
              "#links", AnnouncementItems.SOURCE_LINKS))
          .expressionAttributeValues(Map.of(
              ":none", AttributeValue.fromL(List.of()),
              ":source", AttributeValue.fromL(List.of(AnnouncementItems.sourceValue(source))),
              ":token", AttributeValue.fromSs(List.of(token)),
              ":link", s(token),
              ":max", AttributeValue.fromN(Integer.toString(MAX_SOURCES)))));
      return true;
    } catch (ConditionalCheckFailedException missingOrPresent) {
      return false;
    }
  }

  @Override
  public Optional<Announcement> get(EventKey key) {
    return current(key).map(AnnouncementItems::fromItem);
  }

  @Override
  public Claim claimNotification(EventKey key, String claimant, Instant now, Duration lease) {
    try {
      dynamo.updateItem(r -> r.tableName(table)
          .key(key(key))
          .updateExpression("SET #claimant = :me, #claimed_at = :now")
          .conditionExpression("attribute_exists(#k) AND attribute_not_exists(#notified_at) AND "
              + "(attribute_not_exists(#claimant) OR #claimant = :me OR #claimed_at < :expired)")
          .expressionAttributeNames(Map.of("#k", EVENT_KEY, "#claimant", NOTIFY_CLAIMANT,
              "#claimed_at", NOTIFY_CLAIMED_AT, "#notified_at", NOTIFIED_AT))
          .expressionAttributeValues(Map.of(":me", s(claimant),
              ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
              ":expired", AttributeValue.fromN(Long.toString(now.toEpochMilli() - lease.toMillis()))))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return Claim.CLAIMED;
    } catch (ConditionalCheckFailedException refused) {
      Map<String, AttributeValue> old = refused.hasItem() && !refused.item().isEmpty()
          ? refused.item()
          : current(key).orElse(Map.of());
      if (old.isEmpty()) {
        return Claim.MISSING;
      }
      return old.containsKey(NOTIFIED_AT) ? Claim.ALREADY_PUBLISHED : Claim.HELD_BY_OTHER;
    }
  }

  @Override
  public void markPublished(EventKey key, String claimant, String messageId, Instant at) {
    try {
      dynamo.updateItem(r -> r.tableName(table)
          .key(key(key))
          .updateExpression("SET #notified_at = :at, #message_id = :id")
          .conditionExpression("#claimant = :me")
          .expressionAttributeNames(Map.of("#notified_at", NOTIFIED_AT, "#message_id", MESSAGE_ID,
              "#claimant", NOTIFY_CLAIMANT))
          .expressionAttributeValues(Map.of(":at", s(at.toString()), ":id", s(messageId), ":me", s(claimant))));
    } catch (ConditionalCheckFailedException notHolder) {
      // The claim expired and another claimant took it: that claimant records its own publish.
    }
  }

  @Override
  public void releaseClaim(EventKey key, String claimant) {
    try {
      dynamo.updateItem(r -> r.tableName(table)
          .key(key(key))
          .updateExpression("REMOVE #claimant, #claimed_at")
          .conditionExpression("#claimant = :me")
          .expressionAttributeNames(Map.of("#claimant", NOTIFY_CLAIMANT, "#claimed_at", NOTIFY_CLAIMED_AT))
          .expressionAttributeValues(Map.of(":me", s(claimant))));
    } catch (ConditionalCheckFailedException notHolder) {
      // nothing to give back
    }
  }

  private Optional<Map<String, AttributeValue>> current(EventKey key) {
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(key)))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  private static Map<String, AttributeValue> key(EventKey key) {
    return Map.of(EVENT_KEY, s(key.value()));
  }
}
