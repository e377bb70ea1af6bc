package com.capexalerts.aws.dynamo;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The table layout, for local stacks and tests. It declares the same keys, indexes, stream and TTL as the deployment
 * template; change both together.
 */
public final class Tables {
  /** GSI on the announcements table: company, published_at. Used by recentForCompany. */
  public static final String BY_COMPANY = AnnouncementItems.BY_COMPANY;
  /** GSI on the announcements table: gsi_pk (always "EVENT"), published_at. For the history API. */
  public static final String BY_PUBLISHED = AnnouncementItems.BY_PUBLISHED;

  private Tables() {}

  /** Creates every missing table and waits until each is active. Existing tables are left as they are. */
  public static void createIfMissing(DynamoDbClient dynamo, TableNames names) {
    create(dynamo, CreateTableRequest.builder()
        .tableName(names.announcements())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key(AnnouncementItems.EVENT_KEY, KeyType.HASH))
        .attributeDefinitions(
            attribute(AnnouncementItems.EVENT_KEY, ScalarAttributeType.S),
            attribute(AnnouncementItems.COMPANY, ScalarAttributeType.S),
            attribute(AnnouncementItems.PUBLISHED_AT, ScalarAttributeType.N),
            attribute(AnnouncementItems.GSI_PK, ScalarAttributeType.S))
        .globalSecondaryIndexes(
            index(BY_COMPANY, AnnouncementItems.COMPANY, AnnouncementItems.PUBLISHED_AT),
            index(BY_PUBLISHED, AnnouncementItems.GSI_PK, AnnouncementItems.PUBLISHED_AT))
        .streamSpecification(StreamSpecification.builder()
            .streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
        .build());
    create(dynamo, keyedBy(names.feeds(), DynamoFeedStateStore.FEED_URL));
    createWithTtl(dynamo, keyedBy(names.seenItems(), DynamoSeenItemStore.ITEM_KEY), DynamoSeenItemStore.EXPIRES_AT);
    // The ledger has no stream: known, seed and mention entries can never trigger the notifier.
    create(dynamo, CreateTableRequest.builder()
        .tableName(names.ledger())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key(DynamoCommitmentLedger.COMPANY, KeyType.HASH), key(DynamoCommitmentLedger.ENTRY_KEY,
            KeyType.RANGE))
        .attributeDefinitions(attribute(DynamoCommitmentLedger.COMPANY, ScalarAttributeType.S),
            attribute(DynamoCommitmentLedger.ENTRY_KEY, ScalarAttributeType.S))
        .build());
  }

  /**
   * Creates the webhook dispatcher's tables if missing (same layout as template.yaml's WebhooksTable and
   * DeliveriesTable) and waits until each is active.
   */
  public static void createIfMissing(DynamoDbClient dynamo, WebhookTables names) {
    create(dynamo, keyedBy(names.webhooks(), DynamoWebhookRegistry.WEBHOOK_ID));
    createWithTtl(dynamo, CreateTableRequest.builder()
        .tableName(names.deliveries())
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key(DynamoDeliveryLog.WEBHOOK_ID, KeyType.HASH), key(DynamoDeliveryLog.SK, KeyType.RANGE))
        .attributeDefinitions(attribute(DynamoDeliveryLog.WEBHOOK_ID, ScalarAttributeType.S),
            attribute(DynamoDeliveryLog.SK, ScalarAttributeType.S))
        .build(), DynamoDeliveryLog.EXPIRES_AT);
  }

  /** An on-demand table keyed by one string attribute. */
  private static CreateTableRequest keyedBy(String table, String hashKey) {
    return CreateTableRequest.builder()
        .tableName(table)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(key(hashKey, KeyType.HASH))
        .attributeDefinitions(attribute(hashKey, ScalarAttributeType.S))
        .build();
  }

  /** Creates the table; TTL on {@code ttlAttribute} is switched on only by the call that created it. */
  private static void createWithTtl(DynamoDbClient dynamo, CreateTableRequest request, String ttlAttribute) {
    if (create(dynamo, request)) {
      dynamo.updateTimeToLive(r -> r.tableName(request.tableName())
          .timeToLiveSpecification(t -> t.enabled(true).attributeName(ttlAttribute)));
    }
  }

  /** Returns true when this call created the table. */
  private static boolean create(DynamoDbClient dynamo, CreateTableRequest request) {
    try {
      dynamo.describeTable(r -> r.tableName(request.tableName()));
      return false;
    } catch (ResourceNotFoundException missing) {
      // create it below
    }
    boolean created;
    try {
      dynamo.createTable(request);
      created = true;
    } catch (ResourceInUseException raced) {
      created = false; // another process created it meanwhile
    }
    dynamo.waiter().waitUntilTableExists(r -> r.tableName(request.tableName()));
    return created;
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static GlobalSecondaryIndex index(String name, String partition, String sort) {
    return GlobalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(List.of(key(partition, KeyType.HASH), key(sort, KeyType.RANGE)))
        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
        .build();
  }
}
