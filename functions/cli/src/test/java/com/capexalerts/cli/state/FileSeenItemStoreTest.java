package com.capexalerts.cli.state;

import com.capexalerts.core.poll.SeenItemStore;
import com.capexalerts.testsupport.contract.SeenItemStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

class FileSeenItemStoreTest extends SeenItemStoreContract {
  @TempDir
  Path dir;

  @Override
  protected SeenItemStore newStore(Clock clock) {
    return new FileSeenItemStore(dir, clock);
  }
}
