package com.capexalerts.aws.dynamo;

import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.webhook.DeliveryResult;
import com.capexalerts.core.webhook.Webhook;
import com.capexalerts.core.webhook.WebhookFilter;
import com.capexalerts.core.webhook.WebhookFormat;
import com.capexalerts.core.webhook.WebhookRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Webhooks in the webhooks table, one item per webhook id. The secret is an attribute of the item (the table is
 * encrypted at rest; the API never lists it back). Filter sets are string sets, absent when empty (DynamoDB has no
 * empty sets).
 *
 * <p>An item that does not make a valid webhook (edited by hand, written by a newer version) is skipped by
 * {@link #list()} and reported to the warnings sink, so one bad registration cannot stop deliveries to the others;
 * {@link #get} throws for it, naming the webhook and the problem.
 */
public final class DynamoWebhookRegistry implements WebhookRegistry {
  public static final String WEBHOOK_ID = "webhook_id";
  public static final String URL = "url";
  public static final String FORMAT = "format";
  public static final String SECRET = "secret";
  public static final String MIN_USD = "min_usd";
  public static final String COMPANIES = "companies";
  public static final String KINDS = "kinds";
  public static final String ENABLED = "enabled";
  public static final String CONSECUTIVE_FAILURES = "consecutive_failures";

  private final DynamoDbClient dynamo;
  private final String table;
  private final Consumer<String> warnings;

  /** {@code warnings} gets one line per item that {@link #list()} had to skip. */
  public DynamoWebhookRegistry(DynamoDbClient dynamo, String table, Consumer<String> warnings) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
    this.table = Objects.requireNonNull(table, "table");
    this.warnings = Objects.requireNonNull(warnings, "warnings");
  }

  @Override
  public boolean create(Webhook webhook) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(toItem(webhook))
          .conditionExpression("attribute_not_exists(#id)")
          .expressionAttributeNames(Map.of("#id", WEBHOOK_ID)));
      return true;
    } catch (ConditionalCheckFailedException exists) {
      return false;
    }
  }

  @Override
  public boolean update(Webhook webhook) {
    try {
      dynamo.putItem(r -> r.tableName(table).item(toItem(webhook))
          .conditionExpression("attribute_exists(#id)")
          .expressionAttributeNames(Map.of("#id", WEBHOOK_ID)));
      return true;
    } catch (ConditionalCheckFailedException gone) {
      return false;
    }
  }

  @Override
  public Optional<Webhook> get(String id) {
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
        .key(key(id))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(fromItem(item));
  }

  @Override
  public List<Webhook> list() {
    List<Webhook> webhooks = new ArrayList<>();
    // A scan per alert is fine for the handful of webhooks a deployment has; alerts come a few times a day.
    for (Map<String, AttributeValue> item : dynamo.scanPaginator(r -> r.tableName(table).consistentRead(true))
        .items()) {
      try {
        webhooks.add(fromItem(item));
      } catch (RuntimeException e) {
        warnings.accept("skipped webhook item " + idOf(item) + " in table " + table + ": " + e.getMessage());
      }
    }
    webhooks.sort(Comparator.comparing(Webhook::id));
    return List.copyOf(webhooks);
  }

  @Override
  public boolean delete(String id) {
    Map<String, AttributeValue> old = dynamo.deleteItem(r -> r.tableName(table).key(key(id))
        .returnValues(ReturnValue.ALL_OLD)).attributes();
    return old != null && !old.isEmpty();
  }

  /**
   * One conditional update: the failure count, and {@code enabled = false} when the result disables the webhook. A
   * result never re-enables a webhook (only its owner does, through the API), and never recreates a deleted one.
   */
  @Override
  public void recordResult(DeliveryResult result) {
    Map<String, String> names = new HashMap<>(Map.of("#id", WEBHOOK_ID, "#failures", CONSECUTIVE_FAILURES));
    Map<String, AttributeValue> values = new HashMap<>(
        Map.of(":failures", AttributeValue.fromN(Integer.toString(result.consecutiveFailures()))));
    String update = "SET #failures = :failures";
    if (result.disable()) {
      names.put("#enabled", ENABLED);
      values.put(":disabled", AttributeValue.fromBool(false));
      update += ", #enabled = :disabled";
    }
    String expression = update;
    try {
      dynamo.updateItem(r -> r.tableName(table).key(key(result.webhookId()))
          .updateExpression(expression)
          .conditionExpression("attribute_exists(#id)")
          .expressionAttributeNames(names)
          .expressionAttributeValues(values));
    } catch (ConditionalCheckFailedException deletedMeanwhile) {
      // The webhook was deleted while the alert was on its way: it stays deleted.
    }
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of(WEBHOOK_ID, AttributeValue.fromS(id));
  }

  static Map<String, AttributeValue> toItem(Webhook w) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(WEBHOOK_ID, AttributeValue.fromS(w.id()));
    item.put(URL, AttributeValue.fromS(w.url().toString()));
    item.put(FORMAT, AttributeValue.fromS(w.format().wireName()));
    if (w.secret() != null && !w.secret().isEmpty()) {
      item.put(SECRET, AttributeValue.fromS(w.secret()));
    }
    WebhookFilter f = w.filter();
    if (f.minUsd() != null) {
      item.put(MIN_USD, AttributeValue.fromN(f.minUsd().toPlainString()));
    }
    if (!f.companies().isEmpty()) {
      item.put(COMPANIES, AttributeValue.fromSs(List.copyOf(f.companies())));
    }
    if (!f.kinds().isEmpty()) {
      item.put(KINDS, AttributeValue.fromSs(f.kinds().stream().map(AnnouncementKind::wireName).toList()));
    }
    item.put(ENABLED, AttributeValue.fromBool(w.enabled()));
    item.put(CONSECUTIVE_FAILURES, AttributeValue.fromN(Integer.toString(w.consecutiveFailures())));
    return item;
  }

  /** The webhook in {@code item}; an unusable item gives an exception naming the webhook and the attribute. */
  static Webhook fromItem(Map<String, AttributeValue> item) {
    String id = idOf(item);
    try {
      AttributeValue min = item.get(MIN_USD);
      AttributeValue enabled = item.get(ENABLED);
      AttributeValue failures = item.get(CONSECUTIVE_FAILURES);
      WebhookFilter filter = new WebhookFilter(
          min == null ? null : new BigDecimal(min.n()),
          item.containsKey(COMPANIES) ? Set.copyOf(item.get(COMPANIES).ss()) : Set.of(),
          item.containsKey(KINDS)
              ? item.get(KINDS).ss().stream().map(AnnouncementKind::fromWire).collect(Collectors.toSet())
              : Set.of());
      return new Webhook(id, URI.create(required(item, URL)), WebhookFormat.fromWire(required(item, FORMAT)),
          AnnouncementItems.string(item, SECRET), filter,
          enabled == null || enabled.bool() == null || enabled.bool(),
          failures == null ? 0 : Integer.parseInt(failures.n()));
    } catch (RuntimeException e) {
      throw new IllegalStateException("webhook " + id + " is unreadable: " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, AttributeValue> item, String name) {
    String value = AnnouncementItems.string(item, name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("attribute " + name + " is missing");
    }
    return value;
  }

  private static String idOf(Map<String, AttributeValue> item) {
    AttributeValue id = item.get(WEBHOOK_ID);
    return id == null || id.s() == null ? "(no " + WEBHOOK_ID + ")" : id.s();
  }
}
