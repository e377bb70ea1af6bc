package com.capexalerts.aws.dynamo;

import com.capexalerts.core.fetch.FailureClass;
import com.capexalerts.core.poll.FeedState;
import com.capexalerts.core.poll.FeedStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Feed states in the feeds table, one item per feed URL (the feed list is small: listing scans it). */
public final class DynamoFeedStateStore implements FeedStateStore {
  public static final String FEED_URL = "feed_url";
  public static final String ETAG = "etag";
  public static final String LAST_MODIFIED = "last_modified";
  public static final String LAST_SUCCESS = "last_success";
  public static final String CONSECUTIVE_FAILURES = "consecutive_failures";
  public static final String LAST_ERROR = "last_error";
  public static final String NEXT_ATTEMPT_AT = "next_attempt_at";
  public static final String LAST_ERROR_CLASS = "last_error_class";
  public static final String LAST_ERROR_AT = "last_error_at";
  public static final String LAST_NEW_ITEM_AT = "last_new_item_at";
  public static final String NEW_ITEM_GAP = "new_item_gap";
  public static final String VALIDATORS_MAX_AGE = "validators_max_age";
  public static final String NAME = "name";
  public static final String LISTED = "listed";
  public static final String ENABLED = "enabled";
  /** Not a URL: the key of the seeding mark ({@link #claimSeeding}). */
  static final String SEEDED = "#seeded";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoFeedStateStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public FeedState load(String feedUrl) {
    if (feedUrl.equals(SEEDED)) {
      return FeedState.fresh(feedUrl);
    }
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
        .key(Map.of(FEED_URL, AttributeValue.fromS(feedUrl)))).item();
    if (item == null || item.isEmpty()) {
      return FeedState.fresh(feedUrl);
    }
    return read(item);
  }

  private static FeedState read(Map<String, AttributeValue> item) {
    AttributeValue failures = item.get(CONSECUTIVE_FAILURES);
    String gap = AnnouncementItems.string(item, NEW_ITEM_GAP);
    return new FeedState(item.get(FEED_URL).s(),
        AnnouncementItems.string(item, ETAG),
        AnnouncementItems.string(item, LAST_MODIFIED),
        instant(AnnouncementItems.string(item, LAST_SUCCESS)),
        failures == null ? 0 : Integer.parseInt(failures.n()),
        AnnouncementItems.string(item, LAST_ERROR),
        instant(AnnouncementItems.string(item, NEXT_ATTEMPT_AT)),
        FailureClass.fromWire(AnnouncementItems.string(item, LAST_ERROR_CLASS)),
        instant(AnnouncementItems.string(item, LAST_ERROR_AT)),
        instant(AnnouncementItems.string(item, LAST_NEW_ITEM_AT)),
        gap == null ? null : Duration.parse(gap),
        AnnouncementItems.string(item, VALIDATORS_MAX_AGE),
        AnnouncementItems.string(item, NAME),
        bool(item, LISTED, false),
        bool(item, ENABLED, true));
  }

  @Override
  public void save(FeedState state) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(FEED_URL, AttributeValue.fromS(state.feedUrl()));
    put(item, ETAG, state.etag());
    put(item, LAST_MODIFIED, state.lastModified());
    put(item, LAST_SUCCESS, state.lastSuccess() == null ? null : state.lastSuccess().toString());
    item.put(CONSECUTIVE_FAILURES, AttributeValue.fromN(Integer.toString(state.consecutiveFailures())));
    put(item, LAST_ERROR, state.lastError());
    put(item, NEXT_ATTEMPT_AT, state.nextAttemptAt() == null ? null : state.nextAttemptAt().toString());
    put(item, LAST_ERROR_CLASS, state.lastErrorClass() == null ? null : state.lastErrorClass().wireName());
    put(item, LAST_ERROR_AT, state.lastErrorAt() == null ? null : state.lastErrorAt().toString());
    put(item, LAST_NEW_ITEM_AT, state.lastNewItemAt() == null ? null : state.lastNewItemAt().toString());
    put(item, NEW_ITEM_GAP, state.newItemGap() == null ? null : state.newItemGap().toString());
    put(item, VALIDATORS_MAX_AGE, state.validatorsMaxAge());
    put(item, NAME, state.name());
    item.put(LISTED, AttributeValue.fromBool(state.listed()));
    item.put(ENABLED, AttributeValue.fromBool(state.enabled()));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  @Override
  public List<FeedState> all() {
    List<FeedState> found = new ArrayList<>();
    dynamo.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().forEach(item -> {
      if (item.get(FEED_URL) != null && !SEEDED.equals(item.get(FEED_URL).s())) {
        found.add(read(item));
      }
    });
    found.sort(Comparator.comparing(FeedState::feedUrl));
    return found;
  }

  @Override
  public boolean delete(String feedUrl) {
    if (feedUrl.equals(SEEDED)) {
      return false;
    }
    Map<String, AttributeValue> old = dynamo.deleteItem(r -> r.tableName(table)
        .key(Map.of(FEED_URL, AttributeValue.fromS(feedUrl))).returnValues(ReturnValue.ALL_OLD)).attributes();
    return old != null && !old.isEmpty();
  }

  @Override
  public boolean claimSeeding() {
    try {
      dynamo.putItem(r -> r.tableName(table)
          .item(Map.of(FEED_URL, AttributeValue.fromS(SEEDED), "at", AttributeValue.fromS(Instant.now().toString())))
          .conditionExpression("attribute_not_exists(" + FEED_URL + ")"));
      return true;
    } catch (ConditionalCheckFailedException seededBefore) {
      return false;
    }
  }

  private static boolean bool(Map<String, AttributeValue> item, String name, boolean absent) {
    AttributeValue v = item.get(name);
    return v == null || v.bool() == null ? absent : v.bool();
  }

  private static void put(Map<String, AttributeValue> item, String name, String value) {
    if (value != null && !value.isEmpty()) {
      item.put(name, AttributeValue.fromS(value));
    }
  }

  private static Instant instant(String iso) {
    return iso == null ? null : Instant.parse(iso);
  }
}
