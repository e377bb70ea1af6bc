package com.capexalerts.aws.dynamo;

import com.capexalerts.core.poll.SeenItemStore;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.contract.SeenItemStoreContract;
import java.time.Clock;

class DynamoSeenItemStoreTest extends SeenItemStoreContract {
  @Override
  protected SeenItemStore newStore(Clock clock) {
    return new DynamoSeenItemStore(MotoServer.dynamo(), MotoTables.fresh().seenItems(), clock);
  }
}
