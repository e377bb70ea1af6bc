package com.capexalerts.aws.dynamo;

import com.capexalerts.core.poll.FeedState;
import com.capexalerts.core.poll.FeedStateStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Feed states in the feeds table, one item per feed URL. */
public final class DynamoFeedStateStore implements FeedStateStore {
  public static final String FEED_URL = "feed_url";
  public static final String ETAG = "etag";
  public static final String LAST_MODIFIED = "last_modified";
  public static final String LAST_SUCCESS = "last_success";
  public static final String CONSECUTIVE_FAILURES = "consecutive_failures";
  public static final String LAST_ERROR = "last_error";
  public static final String NEXT_ATTEMPT_AT = "next_attempt_at";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoFeedStateStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public FeedState load(String feedUrl) {
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
        .key(Map.of(FEED_URL, AttributeValue.fromS(feedUrl)))).item();
    if (item == null || item.isEmpty()) {
      return FeedState.fresh(feedUrl);
    }
    AttributeValue failures = item.get(CONSECUTIVE_FAILURES);
    return new FeedState(feedUrl,
        AnnouncementItems.string(item, ETAG),
        AnnouncementItems.string(item, LAST_MODIFIED),
        instant(AnnouncementItems.string(item, LAST_SUCCESS)),
        failures == null ? 0 : Integer.parseInt(failures.n()),
        AnnouncementItems.string(item, LAST_ERROR),
        instant(AnnouncementItems.string(item, NEXT_ATTEMPT_AT)));
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
    dynamo.putItem(r -> r.tableName(table).item(item));
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
