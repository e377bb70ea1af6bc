package com.capexalerts.cli.state;

import static com.capexalerts.testsupport.contract.AnnouncementStoreContract.event;
import static com.capexalerts.testsupport.contract.AnnouncementStoreContract.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.EventKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
  private static final Instant T0 = Instant.parse("2025-02-24T09:30:00Z");

  @TempDir
  Path dir;

  @Test
  void twoStoresOnOneDirectoryShareStateAndLeaveNoTempFiles() throws Exception {
    FileStores first = FileStores.open(dir);
    FileStores second = FileStores.open(dir.resolve(".").resolve("../" + dir.getFileName()));
    Announcement event = event("alibaba-2025-02-24-53b", "Alibaba", "53000000000", T0,
        source("https://www.alizila.com/a/", "Alizila", T0));

    first.announcements().create(event);

    assertEquals(false, second.announcements().create(event));
    assertTrue(second.announcements().addSource(event.key(), source("https://example.com/b", "B", T0)));
    assertEquals(2, first.announcements().get(event.key()).orElseThrow().sources().size());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(".lock", "announcements.json"), files.map(p -> p.getFileName().toString()).sorted()
          .toList());
    }
  }

  @Test
  void aCorruptFileIsNamedInTheError() throws Exception {
    Files.writeString(dir.resolve("announcements.json"), "{\"truncated\": ");
    FileAnnouncementStore store = new FileAnnouncementStore(dir);

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> store.get(new EventKey("x-2025-01-01-1b")));

    assertTrue(e.getMessage().contains("announcements.json") && e.getMessage().contains("corrupt"), e.getMessage());
  }
}
