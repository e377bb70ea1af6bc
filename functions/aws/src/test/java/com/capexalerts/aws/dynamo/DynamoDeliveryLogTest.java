package com.capexalerts.aws.dynamo;

import com.capexalerts.core.webhook.DeliveryAttempt;
import com.capexalerts.core.webhook.DeliveryLog;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.contract.DeliveryLogContract;
import java.util.List;

class DynamoDeliveryLogTest extends DeliveryLogContract {
  private String table;

  @Override
  protected DeliveryLog newLog() {
    table = MotoTables.freshWebhookTables().deliveries();
    return sameStore();
  }

  @Override
  protected DynamoDeliveryLog sameStore() {
    return new DynamoDeliveryLog(MotoServer.dynamo(), table, clock, LEASE);
  }

  @Override
  protected List<DeliveryAttempt> recentAttempts(String webhookId, int limit) {
    return sameStore().recentAttempts(webhookId, limit);
  }

  @Override
  protected String concurrencyUnsupportedReason() {
    return "moto's threaded server checks and writes a conditional PutItem without isolation (seen: 1 round "
        + "in 40 of 8 concurrent claims that did not let exactly one through); DynamoDB itself evaluates the condition atomically, and "
        + "the file store runs this case";
  }
}
