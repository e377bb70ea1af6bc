package com.capexalerts.aws.dynamo;

import com.capexalerts.testsupport.MotoServer;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Fresh tables on the shared moto server, so tests never see each other's items. */
final class MotoTables {
  private static DynamoDbClient dynamo;

  private MotoTables() {}

  static synchronized DynamoDbClient dynamo() {
    if (dynamo == null) {
      dynamo = MotoServer.get().dynamo();
    }
    return dynamo;
  }

  static TableNames fresh() {
    TableNames names = TableNames.withPrefix("t" + UUID.randomUUID().toString().substring(0, 8));
    Tables.createIfMissing(dynamo(), names);
    return names;
  }

  static WebhookTables freshWebhookTables() {
    WebhookTables names = WebhookTables.withPrefix("t" + UUID.randomUUID().toString().substring(0, 8));
    Tables.createIfMissing(dynamo(), names);
    return names;
  }
}
