package com.capexalerts.aws.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.testsupport.MotoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class WebhookTablesTest {
  @Test
  void createsTheTemplateLayoutAndIsIdempotent() {
    DynamoDbClient dynamo = MotoServer.dynamo();
    WebhookTables names = MotoTables.freshWebhookTables();
    Tables.createIfMissing(dynamo, names);

    assertEquals(List.of("webhook_id:HASH"), keys(dynamo, names.webhooks()));
    assertEquals(List.of("webhook_id:HASH", "sk:RANGE"), keys(dynamo, names.deliveries()));
    var ttl = dynamo.describeTimeToLive(r -> r.tableName(names.deliveries())).timeToLiveDescription();
    assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
    assertEquals("expires_at", ttl.attributeName());
  }

  @Test
  void missingTableVariablesAreNamed() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> WebhookTables.fromEnv(Map.of("WEBHOOKS_TABLE", "w")));
    assertTrue(e.getMessage().startsWith("DELIVERIES_TABLE is not set"), e.getMessage());
    assertEquals(new WebhookTables("w", "d"),
        WebhookTables.fromEnv(Map.of("WEBHOOKS_TABLE", "w", "DELIVERIES_TABLE", " d ")));
  }

  private static List<String> keys(DynamoDbClient dynamo, String table) {
    return dynamo.describeTable(r -> r.tableName(table)).table().keySchema().stream()
        .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList();
  }
}
