package com.capexalerts.aws.dynamo;

import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.contract.AnnouncementStoreContract;

class DynamoAnnouncementStoreTest extends AnnouncementStoreContract {
  @Override
  protected AnnouncementStore newStore() {
    return new DynamoAnnouncementStore(MotoServer.dynamo(), MotoTables.fresh().announcements());
  }

  @Override
  protected String concurrencyUnsupportedReason() {
    return "moto's threaded server applies concurrent conditional updates of one item without isolation (seen: "
        + "8 accepted addSource calls, 7 sources kept); DynamoDB itself serialises them, and every case here runs "
        + "sequentially on moto and concurrently on the file store";
  }
}
