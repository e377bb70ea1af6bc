package com.capexalerts.aws.dynamo;

import com.capexalerts.core.poll.SeenItemStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Seen items in the seen-items table with a TTL attribute. Reads and writes go in batches (100 keys per
 * BatchGetItem, 25 per BatchWriteItem). Throttled requests are retried by the SDK's retry policy; the items a batch
 * call returns as unprocessed are not errors to the SDK, so they are re-sent here with a short growing pause.
 */
public final class DynamoSeenItemStore implements SeenItemStore {
  public static final String ITEM_KEY = "item_key";
  public static final String EXPIRES_AT = "expires_at";
  private static final int GET_BATCH = 100;
  private static final int WRITE_BATCH = 25;
  private static final int MAX_ROUNDS = 8;

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;

  public DynamoSeenItemStore(DynamoDbClient dynamo, String table, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
  }

  public DynamoSeenItemStore(DynamoDbClient dynamo, String table) {
    this(dynamo, table, Clock.systemUTC());
  }

  /** Records past their expiry count as unseen: DynamoDB deletes expired items only eventually. */
  @Override
  public Set<String> alreadySeen(Collection<String> itemKeys) {
    long now = clock.instant().getEpochSecond();
    List<String> keys = new ArrayList<>(new LinkedHashSet<>(itemKeys));
    Set<String> seen = new HashSet<>();
    for (int from = 0; from < keys.size(); from += GET_BATCH) {
      List<Map<String, AttributeValue>> batch = keys.subList(from, Math.min(keys.size(), from + GET_BATCH)).stream()
          .map(k -> Map.of(ITEM_KEY, AttributeValue.fromS(k)))
          .toList();
      Map<String, KeysAndAttributes> request = new HashMap<>(Map.of(table, KeysAndAttributes.builder()
          .keys(batch).projectionExpression(ITEM_KEY + ", " + EXPIRES_AT).consistentRead(true).build()));
      for (int round = 0; !request.isEmpty(); round++) {
        pauseBeforeRound(round, "BatchGetItem");
        var response = dynamo.batchGetItem(r -> r.requestItems(request));
        for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
          AttributeValue expires = item.get(EXPIRES_AT);
          if (expires == null || Long.parseLong(expires.n()) > now) {
            seen.add(item.get(ITEM_KEY).s());
          }
        }
        request.clear();
        response.unprocessedKeys().forEach(request::put);
      }
    }
    return seen;
  }

  @Override
  public void markSeen(Collection<String> itemKeys, Instant expiresAt) {
    AttributeValue expires = AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond()));
    // A batch may not name one key twice.
    List<String> keys = new ArrayList<>(new LinkedHashSet<>(itemKeys));
    for (int from = 0; from < keys.size(); from += WRITE_BATCH) {
      List<WriteRequest> writes = keys.subList(from, Math.min(keys.size(), from + WRITE_BATCH)).stream()
          .map(k -> WriteRequest.builder().putRequest(PutRequest.builder()
              .item(Map.of(ITEM_KEY, AttributeValue.fromS(k), EXPIRES_AT, expires)).build()).build())
          .toList();
      Map<String, List<WriteRequest>> request = new HashMap<>(Map.of(table, writes));
      for (int round = 0; !request.isEmpty(); round++) {
        pauseBeforeRound(round, "BatchWriteItem");
        var response = dynamo.batchWriteItem(r -> r.requestItems(request));
        request.clear();
        response.unprocessedItems().forEach(request::put);
      }
    }
  }

  private void pauseBeforeRound(int round, String operation) {
    if (round == 0) {
      return;
    }
    if (round >= MAX_ROUNDS) {
      throw new IllegalStateException(operation + " on " + table + " still had unprocessed items after "
          + MAX_ROUNDS + " rounds");
    }
    try {
      Thread.sleep(Duration.ofMillis(50L << (round - 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(operation + " on " + table + " interrupted", e);
    }
  }
}
