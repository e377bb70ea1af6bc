package com.capexalerts.aws.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.testsupport.MotoServer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TablesTest {
  @Test
  void createsTheDocumentedLayoutAndIsIdempotent() {
    DynamoDbClient dynamo = MotoServer.dynamo();
    TableNames names = MotoTables.fresh();
    Tables.createIfMissing(dynamo, names); // second call: no error, nothing changed

    TableDescription announcements = dynamo.describeTable(r -> r.tableName(names.announcements())).table();
    assertEquals(List.of("event_key:HASH"), keys(announcements.keySchema()));
    Map<String, List<String>> indexes = announcements.globalSecondaryIndexes().stream()
        .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, i -> keys(i.keySchema())));
    assertEquals(Map.of("by_company", List.of("company:HASH", "published_at:RANGE"),
        "by_published", List.of("gsi_pk:HASH", "published_at:RANGE")), indexes);
    assertTrue(announcements.streamSpecification().streamEnabled());
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, announcements.streamSpecification().streamViewType());

    assertEquals(List.of("feed_url:HASH"),
        keys(dynamo.describeTable(r -> r.tableName(names.feeds())).table().keySchema()));
    assertEquals(List.of("item_key:HASH"),
        keys(dynamo.describeTable(r -> r.tableName(names.seenItems())).table().keySchema()));
    var ttl = dynamo.describeTimeToLive(r -> r.tableName(names.seenItems())).timeToLiveDescription();
    assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
    assertEquals("expires_at", ttl.attributeName());
  }

  @Test
  void missingTableVariablesAreNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> TableNames.fromEnv(
        Map.of("ANNOUNCEMENTS_TABLE", "a", "FEEDS_TABLE", "f")));
    assertTrue(e.getMessage().contains("SEEN_ITEMS_TABLE"), e.getMessage());
    assertEquals(new TableNames("a", "f", "s"),
        TableNames.fromEnv(Map.of("ANNOUNCEMENTS_TABLE", "a", "FEEDS_TABLE", "f", "SEEN_ITEMS_TABLE", " s ")));
  }

  private static List<String> keys(List<KeySchemaElement> schema) {
    return schema.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList();
  }
}
