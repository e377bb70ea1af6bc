package com.capexalerts.aws.dynamo;

import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.testsupport.LocalStack;
import com.capexalerts.testsupport.contract.AnnouncementStoreContract;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The announcement store's contract on LocalStack (Testcontainers), including the concurrent cases moto cannot
 * isolate. Skipped, with that reason, on hosts without Docker.
 */
class LocalStackAnnouncementStoreTest extends AnnouncementStoreContract {
  @Override
  protected AnnouncementStore newStore() {
    DynamoDbClient dynamo = LocalStack.get().dynamo();
    TableNames names = TableNames.withPrefix("ls" + UUID.randomUUID().toString().substring(0, 8));
    Tables.createIfMissing(dynamo, names);
    return new DynamoAnnouncementStore(dynamo, names.announcements());
  }
}
