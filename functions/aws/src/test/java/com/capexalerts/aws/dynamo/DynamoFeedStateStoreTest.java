package com.capexalerts.aws.dynamo;

import com.capexalerts.core.poll.FeedStateStore;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.contract.FeedStateStoreContract;

class DynamoFeedStateStoreTest extends FeedStateStoreContract {
  @Override
  protected FeedStateStore newStore() {
    return new DynamoFeedStateStore(MotoServer.dynamo(), MotoTables.fresh().feeds());
  }
}
