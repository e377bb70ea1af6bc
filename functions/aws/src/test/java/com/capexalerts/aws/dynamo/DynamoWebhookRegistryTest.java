package com.capexalerts.aws.dynamo;

import com.capexalerts.core.webhook.WebhookRegistry;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.contract.WebhookRegistryContract;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoWebhookRegistryTest extends WebhookRegistryContract {
  private String table;

  @Override
  protected WebhookRegistry newRegistry(Consumer<String> warnings) {
    table = MotoTables.freshWebhookTables().webhooks();
    return new DynamoWebhookRegistry(MotoServer.dynamo(), table, warnings);
  }

  @Override
  protected void writeUnreadableWebhook(String id) {
    MotoServer.dynamo().putItem(r -> r.tableName(table).item(Map.of(
        DynamoWebhookRegistry.WEBHOOK_ID, AttributeValue.fromS(id),
        DynamoWebhookRegistry.URL, AttributeValue.fromS("https://hooks.example.com/x"),
        DynamoWebhookRegistry.FORMAT, AttributeValue.fromS("carrier-pigeon"))));
  }
}
