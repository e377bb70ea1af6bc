package com.capexalerts.cli.state;

import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.testsupport.contract.AnnouncementStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileAnnouncementStoreTest extends AnnouncementStoreContract {
  @TempDir
  Path dir;

  @Override
  protected AnnouncementStore newStore() {
    return new FileAnnouncementStore(dir);
  }
}
