package com.capexalerts.aws.dynamo;

import static com.capexalerts.aws.dynamo.AnnouncementItems.s;

import com.capexalerts.core.ledger.Commitment;
import com.capexalerts.core.ledger.CommitmentLedger;
import com.capexalerts.core.ledger.CommitmentOrigin;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The ledger table: partition key {@code company}, sort key {@code entry_key}, so the poller reads one company's
 * commitments of every age with one query. It has no stream: nothing written here can notify. The seed mark is the
 * item (company {@value #META}, entry_key {@value #SEEDED}).
 */
public final class DynamoCommitmentLedger implements CommitmentLedger {
  public static final String COMPANY = "company";
  public static final String ENTRY_KEY = "entry_key";
  static final String META = "#ledger";
  static final String SEEDED = "seeded";
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoCommitmentLedger(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public List<Commitment> forCompany(String company) {
    List<Commitment> found = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> exclusiveStart = start;
      QueryResponse page = dynamo.query(r -> r.tableName(table).consistentRead(true)
          .keyConditionExpression("#c = :c")
          .expressionAttributeNames(Map.of("#c", COMPANY))
          .expressionAttributeValues(Map.of(":c", s(company)))
          .exclusiveStartKey(exclusiveStart));
      page.items().forEach(item -> found.add(fromItem(item)));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return found;
  }

  @Override
  public boolean record(Commitment c) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(toItem(c))
          .conditionExpression("attribute_not_exists(#k)")
          .expressionAttributeNames(Map.of("#k", ENTRY_KEY)));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  @Override
  public boolean addSource(String company, String key, String sourceToken) {
    try {
      dynamo.updateItem(r -> r.tableName(table)
          .key(Map.of(COMPANY, s(company), ENTRY_KEY, s(key)))
          .updateExpression("ADD #links :token, #sources :one")
          .conditionExpression("attribute_exists(#k) AND (attribute_not_exists(#links) OR "
              + "(NOT contains(#links, :link) AND size(#links) < :max))")
          .expressionAttributeNames(Map.of("#k", ENTRY_KEY, "#links", "source_links", "#sources", "sources"))
          .expressionAttributeValues(Map.of(":token", AttributeValue.fromSs(List.of(sourceToken)),
              ":link", s(sourceToken), ":one", AttributeValue.fromN("1"),
              ":max", AttributeValue.fromN(Integer.toString(MAX_SOURCES)))));
      return true;
    } catch (ConditionalCheckFailedException missingOrCounted) {
      return false;
    }
  }

  @Override
  public List<Commitment> all() {
    List<Commitment> found = new ArrayList<>();
    dynamo.scanPaginator(r -> r.tableName(table).consistentRead(true)).items().forEach(item -> {
      if (!META.equals(item.get(COMPANY).s())) {
        found.add(fromItem(item));
      }
    });
    return found;
  }

  @Override
  public Optional<String> seededWith() {
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
        .key(Map.of(COMPANY, s(META), ENTRY_KEY, s(SEEDED)))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("seed").s());
  }

  @Override
  public boolean markSeeded(String seedName) {
    try {
      dynamo.putItem(r -> r.tableName(table)
          .item(Map.of(COMPANY, s(META), ENTRY_KEY, s(SEEDED), "seed", s(seedName),
              "at", s(Instant.now().toString())))
          .conditionExpression("attribute_not_exists(#k)")
          .expressionAttributeNames(Map.of("#k", ENTRY_KEY)));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  static Map<String, AttributeValue> toItem(Commitment c) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(COMPANY, s(c.company()));
    item.put(ENTRY_KEY, s(c.key()));
    item.put("amount", AnnouncementItems.n(c.amount()));
    item.put("currency", s(c.currency()));
    item.put("amount_usd", AnnouncementItems.n(c.amountUsd()));
    if (c.period() != null) {
      item.put("period", s(c.period()));
    }
    if (!c.what().isEmpty()) {
      item.put("what", s(c.what()));
    }
    item.put("announced", s(c.announced().toString()));
    item.put("first_seen", s(c.firstSeen().toString()));
    if (c.link() != null) {
      item.put("link", s(c.link()));
    }
    item.put("origin", s(c.origin().wireName()));
    item.put("sources", AttributeValue.fromN(Integer.toString(c.sources())));
    return item;
  }

  static Commitment fromItem(Map<String, AttributeValue> item) {
    String key = AnnouncementItems.string(item, ENTRY_KEY);
    try {
      AttributeValue sources = item.get("sources");
      return new Commitment(key, AnnouncementItems.string(item, COMPANY), number(item, "amount"),
          AnnouncementItems.string(item, "currency"), number(item, "amount_usd"),
          AnnouncementItems.string(item, "period"), AnnouncementItems.string(item, "what"),
          LocalDate.parse(AnnouncementItems.string(item, "announced")),
          Instant.parse(AnnouncementItems.string(item, "first_seen")), AnnouncementItems.string(item, "link"),
          CommitmentOrigin.fromWire(AnnouncementItems.string(item, "origin")),
          sources == null ? 0 : Integer.parseInt(sources.n()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("ledger item " + key + " is malformed: " + e.getMessage(), e);
    }
  }

  private static BigDecimal number(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    if (v == null || v.n() == null) {
      throw new IllegalArgumentException("missing number " + name);
    }
    return new BigDecimal(v.n());
  }
}
