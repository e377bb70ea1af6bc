package com.capexalerts.aws.dynamo;

import com.capexalerts.core.scale.PollState;
import com.capexalerts.core.scale.PollStateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Fan-out poll state in the feeds table, one item per feed URL (the key of {@link DynamoFeedStateStore}). Saves with
 * UpdateItem, setting only its own attributes, so attributes other code keeps on the feed's item (a name, an
 * {@code enabled} switch, health figures) survive. The recent item hashes are one binary attribute in the feed's
 * own item (7 bytes per item, at most {@link PollState#MAX_RECENT}), so a feed stays well under 1 KB: one write unit
 * for a changed feed, and the scheduler's Scan, whose copy goes to the worker with the work, is the only read.
 */
public final class DynamoPollStateStore implements PollStateStore {
  public static final String FEED_URL = DynamoFeedStateStore.FEED_URL;
  public static final String NAME = "feed_name";
  public static final String ENABLED = "enabled";
  public static final String ETAG = DynamoFeedStateStore.ETAG;
  public static final String LAST_MODIFIED = DynamoFeedStateStore.LAST_MODIFIED;
  public static final String BODY_HASH = "body_hash";
  public static final String RECENT_ITEMS = "recent_items";
  public static final String INTERVAL_S = "interval_s";
  public static final String NEXT_DUE_AT = "next_due_at";
  public static final String LAST_CHANGE_AT = "last_change_at";
  public static final String PUBLISH_GAP_S = "publish_gap_s";
  public static final String FAILURES = DynamoFeedStateStore.CONSECUTIVE_FAILURES;
  public static final String LAST_ERROR = DynamoFeedStateStore.LAST_ERROR;
  private static final int BATCH_GET_LIMIT = 100;

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoPollStateStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public List<PollState> all() {
    List<PollState> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      // Eventually consistent: half the read units, and a feed written a moment ago is at most one tick late.
      ScanResponse page = dynamo.scan(r -> r.tableName(table).exclusiveStartKey(from));
      page.items().forEach(item -> out.add(state(item)));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return out;
  }

  @Override
  public Map<String, PollState> load(Collection<String> feedUrls) {
    Map<String, PollState> found = new LinkedHashMap<>();
    List<String> urls = List.copyOf(new java.util.LinkedHashSet<>(feedUrls));
    for (int i = 0; i < urls.size(); i += BATCH_GET_LIMIT) {
      List<Map<String, AttributeValue>> keys = urls.subList(i, Math.min(urls.size(), i + BATCH_GET_LIMIT)).stream()
          .map(u -> Map.of(FEED_URL, AttributeValue.fromS(u))).toList();
      Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
          .consistentRead(true).build());
      for (int attempt = 0; !request.isEmpty(); attempt++) {
        if (attempt > 8) {
          throw new IllegalStateException("feeds table: keys still unprocessed after 8 retries (throttled)");
        }
        Map<String, KeysAndAttributes> batch = request;
        BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(batch));
        response.responses().getOrDefault(table, List.of()).forEach(item -> {
          PollState s = state(item);
          found.put(s.feedUrl(), s);
        });
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        if (!request.isEmpty()) {
          pause(attempt);
        }
      }
    }
    return found;
  }

  @Override
  public void save(PollState s) {
    Map<String, AttributeValue> set = new LinkedHashMap<>();
    List<String> remove = new ArrayList<>();
    put(set, remove, NAME, s.name() == null ? null : AttributeValue.fromS(s.name()));
    put(set, remove, ETAG, s.etag() == null ? null : AttributeValue.fromS(s.etag()));
    put(set, remove, LAST_MODIFIED, s.lastModified() == null ? null : AttributeValue.fromS(s.lastModified()));
    put(set, remove, BODY_HASH, s.bodyHash() == null ? null : AttributeValue.fromS(s.bodyHash()));
    // Never removed: the list never shrinks, and a state without it (e.g. from an older message) must not erase it.
    if (!s.recentItems().isEmpty()) {
      set.put(RECENT_ITEMS, AttributeValue.fromB(SdkBytes.fromByteArray(pack(s.recentItems()))));
    }
    put(set, remove, INTERVAL_S, s.interval() == null ? null : AttributeValue.fromN(Long.toString(s.interval().toSeconds())));
    put(set, remove, NEXT_DUE_AT, s.nextDueAt() == null ? null : AttributeValue.fromS(s.nextDueAt().toString()));
    put(set, remove, LAST_CHANGE_AT, s.lastChangeAt() == null ? null : AttributeValue.fromS(s.lastChangeAt().toString()));
    put(set, remove, PUBLISH_GAP_S, s.publishGap() == null ? null
        : AttributeValue.fromN(Long.toString(s.publishGap().toSeconds())));
    put(set, remove, FAILURES, AttributeValue.fromN(Integer.toString(s.consecutiveFailures())));
    put(set, remove, LAST_ERROR, s.lastError() == null ? null : AttributeValue.fromS(truncate(s.lastError())));
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    List<String> sets = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, AttributeValue> e : set.entrySet()) {
      names.put("#a" + n, e.getKey());
      values.put(":v" + n, e.getValue());
      sets.add("#a" + n + " = :v" + n);
      n++;
    }
    List<String> removes = new ArrayList<>();
    for (String attribute : remove) {
      names.put("#a" + n, attribute);
      removes.add("#a" + n);
      n++;
    }
    String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    dynamo.updateItem(r -> r.tableName(table).key(Map.of(FEED_URL, AttributeValue.fromS(s.feedUrl())))
        .updateExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values));
  }

  private static void put(Map<String, AttributeValue> set, List<String> remove, String name, AttributeValue value) {
    if (value == null) {
      remove.add(name);
    } else {
      set.put(name, value);
    }
  }

  static PollState state(Map<String, AttributeValue> item) {
    AttributeValue enabled = item.get(ENABLED);
    AttributeValue recent = item.get(RECENT_ITEMS);
    return new PollState(
        item.get(FEED_URL).s(),
        AnnouncementItems.string(item, NAME),
        enabled == null || enabled.bool() == null || enabled.bool(),
        AnnouncementItems.string(item, ETAG),
        AnnouncementItems.string(item, LAST_MODIFIED),
        AnnouncementItems.string(item, BODY_HASH),
        recent == null || recent.b() == null ? List.of() : unpack(recent.b().asByteArray()),
        seconds(item.get(INTERVAL_S)),
        instant(AnnouncementItems.string(item, NEXT_DUE_AT)),
        instant(AnnouncementItems.string(item, LAST_CHANGE_AT)),
        seconds(item.get(PUBLISH_GAP_S)),
        item.get(FAILURES) == null ? 0 : Integer.parseInt(item.get(FAILURES).n()),
        AnnouncementItems.string(item, LAST_ERROR));
  }

  /** Hex item hashes as raw bytes: 6 bytes for a 12-hex-digit hash, so 64 of them take 384 bytes. */
  static byte[] pack(List<String> hashes) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (String h : hashes) {
      byte[] raw = java.util.HexFormat.of().parseHex(h);
      out.write(raw.length);
      out.writeBytes(raw);
    }
    return out.toByteArray();
  }

  static List<String> unpack(byte[] packed) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < packed.length; ) {
      int n = packed[i++] & 0xff;
      if (i + n > packed.length) {
        throw new IllegalStateException("feeds table: recent_items is truncated at byte " + i);
      }
      out.add(java.util.HexFormat.of().formatHex(packed, i, i + n));
      i += n;
    }
    return out;
  }

  private static Duration seconds(AttributeValue v) {
    return v == null || v.n() == null ? null : Duration.ofSeconds(Long.parseLong(v.n()));
  }

  private static Instant instant(String iso) {
    return iso == null ? null : Instant.parse(iso);
  }

  private static String truncate(String s) {
    return s.length() > 500 ? s.substring(0, 500) : s;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(1000, 25L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying unprocessed keys", e);
    }
  }
}
