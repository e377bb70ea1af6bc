package com.capexalerts.aws.dynamo;

import static com.capexalerts.aws.dynamo.AnnouncementItems.s;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementHistory;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.HistoryCursor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The history from the announcements table's indexes, never a scan: {@code by_company} when a company is asked for,
 * else {@code by_published} (whose partition is the constant "EVENT"), both read backwards from the newest
 * publication second. The cursor is the index position after the page's last event.
 *
 * <p>min_usd is a FilterExpression, which DynamoDB applies after reading: a query then returns fewer events than it
 * read. A page keeps querying until it has {@code limit} events or the index ends, but at most
 * {@link #MAX_QUERIES_PER_PAGE} queries of {@link #FILTERED_READ_BATCH} events, so a rare filter gives a short page
 * with a cursor rather than an unbounded read.
 */
public final class DynamoAnnouncementHistory implements AnnouncementHistory {
  static final int MAX_QUERIES_PER_PAGE = 5;
  static final int FILTERED_READ_BATCH = 100;

  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoAnnouncementStore store;
  private final int maxQueriesPerPage;
  private final int filteredReadBatch;

  public DynamoAnnouncementHistory(DynamoDbClient dynamo, String table) {
    this(dynamo, table, MAX_QUERIES_PER_PAGE, FILTERED_READ_BATCH);
  }

  /** With other read bounds, so tests can reach them with a few events. */
  DynamoAnnouncementHistory(DynamoDbClient dynamo, String table, int maxQueriesPerPage, int filteredReadBatch) {
    this.dynamo = dynamo;
    this.table = table;
    this.store = new DynamoAnnouncementStore(dynamo, table);
    this.maxQueriesPerPage = maxQueriesPerPage;
    this.filteredReadBatch = filteredReadBatch;
  }

  @Override
  public Page page(String company, Instant since, BigDecimal minUsd, int limit, String cursor) {
    AnnouncementHistory.checkLimit(limit);
    AnnouncementHistory.checkMinUsd(minUsd);
    String partitionAttribute = company == null ? AnnouncementItems.GSI_PK : AnnouncementItems.COMPANY;
    String partition = company == null ? AnnouncementItems.GSI_PK_VALUE : company;
    Map<String, AttributeValue> start = null;
    if (cursor != null) {
      HistoryCursor c = HistoryCursor.decode(cursor, partition);
      if (since != null && c.publishedSeconds() < since.getEpochSecond()) {
        return new Page(List.of(), null, List.of()); // everything after the cursor is older than since
      }
      start = Map.of(AnnouncementItems.EVENT_KEY, s(c.eventKey()), partitionAttribute, s(partition),
          AnnouncementItems.PUBLISHED_AT, AttributeValue.fromN(Long.toString(c.publishedSeconds())));
    }

    Map<String, String> names = new HashMap<>(Map.of("#p", partitionAttribute));
    Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", s(partition)));
    String keyCondition = "#p = :p";
    if (since != null) {
      keyCondition += " AND #t >= :since";
      names.put("#t", AnnouncementItems.PUBLISHED_AT);
      values.put(":since", AttributeValue.fromN(Long.toString(since.getEpochSecond())));
    }
    if (minUsd != null) {
      names.put("#usd", AnnouncementItems.AMOUNT_USD);
      values.put(":min", AnnouncementItems.n(minUsd));
    }

    List<Announcement> items = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int q = 0; q < maxQueriesPerPage; q++) {
      int remaining = limit - items.size();
      QueryRequest.Builder request = QueryRequest.builder()
          .tableName(table)
          .indexName(company == null ? AnnouncementItems.BY_PUBLISHED : AnnouncementItems.BY_COMPANY)
          .keyConditionExpression(keyCondition)
          .expressionAttributeNames(names)
          .expressionAttributeValues(values)
          .scanIndexForward(false)
          .limit(minUsd == null ? remaining : Math.max(remaining, filteredReadBatch))
          .exclusiveStartKey(start);
      if (minUsd != null) {
        request.filterExpression("#usd >= :min");
      }
      QueryResponse response = dynamo.query(request.build());
      Map<String, AttributeValue> last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
          ? response.lastEvaluatedKey() : null;
      List<Map<String, AttributeValue>> found = response.items();
      for (int k = 0; k < found.size(); k++) {
        Map<String, AttributeValue> item = found.get(k);
        try {
          items.add(AnnouncementItems.fromItem(item));
        } catch (IllegalArgumentException e) {
          skipped.add(AnnouncementItems.string(item, AnnouncementItems.EVENT_KEY) + ": " + e.getMessage());
          continue;
        }
        if (items.size() == limit) {
          // Stopped inside a response: the page ends at this event. At its end: where DynamoDB stopped reading.
          String next = k < found.size() - 1 ? HistoryCursor.after(partition, items.getLast()).encode()
              : last == null ? null : cursorAt(partition, last);
          return new Page(items, next, skipped);
        }
      }
      if (last == null) {
        return new Page(items, null, skipped);
      }
      start = last;
    }
    return new Page(items, cursorAt(partition, start), skipped);
  }

  @Override
  public Optional<Announcement> get(EventKey key) {
    return store.get(key);
  }

  private static String cursorAt(String partition, Map<String, AttributeValue> lastEvaluatedKey) {
    return new HistoryCursor(partition, Long.parseLong(lastEvaluatedKey.get(AnnouncementItems.PUBLISHED_AT).n()),
        lastEvaluatedKey.get(AnnouncementItems.EVENT_KEY).s()).encode();
  }
}
