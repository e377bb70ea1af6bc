package com.capexalerts.aws.dynamo;

import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.testsupport.contract.AnnouncementStoreContract;

class DynamoAnnouncementStoreTest extends AnnouncementStoreContract {
  @Override
  protected AnnouncementStore newStore() {
    return new DynamoAnnouncementStore(MotoTables.dynamo(), MotoTables.fresh().announcements());
  }
}
