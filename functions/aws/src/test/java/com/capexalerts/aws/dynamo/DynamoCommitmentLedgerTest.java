package com.capexalerts.aws.dynamo;

import com.capexalerts.core.ledger.CommitmentLedger;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.contract.CommitmentLedgerContract;

class DynamoCommitmentLedgerTest extends CommitmentLedgerContract {
  @Override
  protected CommitmentLedger newLedger() {
    return new DynamoCommitmentLedger(MotoServer.dynamo(), MotoTables.fresh().ledger());
  }
}
