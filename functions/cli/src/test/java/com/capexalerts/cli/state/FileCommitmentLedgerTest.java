package com.capexalerts.cli.state;

import com.capexalerts.core.ledger.CommitmentLedger;
import com.capexalerts.testsupport.contract.CommitmentLedgerContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileCommitmentLedgerTest extends CommitmentLedgerContract {
  @TempDir
  Path dir;

  @Override
  protected CommitmentLedger newLedger() {
    return new FileCommitmentLedger(dir);
  }
}
