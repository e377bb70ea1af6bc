package com.capexalerts.cli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementHistory;
import com.capexalerts.core.alert.AnnouncementHistory.Page;
import com.capexalerts.testsupport.contract.AnnouncementHistoryContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAnnouncementHistoryTest extends AnnouncementHistoryContract {
  @TempDir
  Path dir;

  @Override
  protected AnnouncementHistory historyWith(List<Announcement> events) throws Exception {
    Path state = Files.createDirectory(dir.resolve(UUID.randomUUID().toString()));
    FileAnnouncementStore store = FileStores.open(state).announcements();
    for (Announcement a : events) {
      assertTrue(store.create(a));
    }
    return new FileAnnouncementHistory(state);
  }

  @Test
  void anUnreadableEventIsNamedOnTheFirstPageAndTheOthersAreListed() throws Exception {
    Path state = dir.resolve("broken");
    FileAnnouncementStore store = FileStores.open(state).announcements();
    store.create(event(1));
    store.create(event(3));
    String json = Files.readString(state.resolve(FileAnnouncementStore.FILE));
    Files.writeString(state.resolve(FileAnnouncementStore.FILE),
        json.replaceFirst("\\{", "{\"broken-2\": {\"event_key\": \"broken-2\", \"company\": \"Meta\"},"));

    Page first = new FileAnnouncementHistory(state).page(null, null, null, 1, null);
    assertEquals(List.of("alibaba-3"), keysOf(first.items()));
    assertEquals(1, first.skipped().size());
    assertTrue(first.skipped().getFirst().startsWith("broken-2: "), first.skipped().toString());
    Page second = new FileAnnouncementHistory(state).page(null, null, null, 1, first.nextCursor());
    assertEquals(List.of("microsoft-1"), keysOf(second.items()));
    assertEquals(List.of(), second.skipped());
  }
}
