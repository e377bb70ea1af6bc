package com.capexalerts.cli.state;

import com.capexalerts.core.poll.FeedStateStore;
import com.capexalerts.testsupport.contract.FeedStateStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileFeedStateStoreTest extends FeedStateStoreContract {
  @TempDir
  Path dir;

  @Override
  protected FeedStateStore newStore() {
    return new FileFeedStateStore(dir);
  }
}
