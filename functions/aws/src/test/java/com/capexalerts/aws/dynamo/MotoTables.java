package com.capexalerts.aws.dynamo;

import com.capexalerts.testsupport.MotoServer;
import java.util.UUID;

/** Fresh tables on the shared moto server, so tests never see each other's items. */
final class MotoTables {
  private MotoTables() {}

  static TableNames fresh() {
    TableNames names = TableNames.withPrefix("t" + UUID.randomUUID().toString().substring(0, 8));
    Tables.createIfMissing(MotoServer.dynamo(), names);
    return names;
  }

  static WebhookTables freshWebhookTables() {
    WebhookTables names = WebhookTables.withPrefix("t" + UUID.randomUUID().toString().substring(0, 8));
    Tables.createIfMissing(MotoServer.dynamo(), names);
    return names;
  }
}
