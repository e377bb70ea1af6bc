package com.capexalerts.cli.state;

import com.capexalerts.aws.dynamo.AnnouncementItems;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementHistory;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.HistoryCursor;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history of {@code announcements.json} (written by {@code run}) for {@code serve}: the same order and cursors as
 * the DynamoDB history. Newest publication second first, then event key (descending) within a second. Each page reads
 * the whole file, which is fine for the local state's size.
 */
public final class FileAnnouncementHistory implements AnnouncementHistory {
  private static final Comparator<Announcement> NEWEST_FIRST =
      Comparator.comparingLong((Announcement a) -> a.published().getEpochSecond())
          .thenComparing(a -> a.key().value())
          .reversed();

  private final StateDirectory dir;
  private final FileAnnouncementStore store;

  public FileAnnouncementHistory(Path stateDirectory) {
    this.dir = new StateDirectory(stateDirectory);
    this.store = new FileAnnouncementStore(dir);
  }

  @Override
  public Page page(String company, Instant since, BigDecimal minUsd, int limit, String cursor) {
    AnnouncementHistory.checkLimit(limit);
    AnnouncementHistory.checkMinUsd(minUsd);
    // The partitions of the DynamoDB indexes, so a cursor means the same in both histories.
    String partition = company == null ? AnnouncementItems.GSI_PK_VALUE : company;
    HistoryCursor after = cursor == null ? null : HistoryCursor.decode(cursor, partition);

    List<Announcement> matching = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    dir.locked(() -> {
      for (Map.Entry<String, JsonNode> e : dir.read(FileAnnouncementStore.FILE).properties()) {
        Announcement a;
        try {
          a = FileAnnouncementStore.fromJson(e.getValue());
        } catch (RuntimeException unreadable) {
          skipped.add(e.getKey() + ": " + unreadable.getMessage());
          continue;
        }
        if ((company == null || a.company().equals(company)) && AnnouncementHistory.matches(a, since, minUsd)
            && (after == null || isAfter(a, after))) {
          matching.add(a);
        }
      }
      return null;
    });
    matching.sort(NEWEST_FIRST);
    List<Announcement> items = matching.subList(0, Math.min(limit, matching.size()));
    String next = matching.size() > limit ? HistoryCursor.after(partition, items.getLast()).encode() : null;
    // Unreadable events are named on the first page only, not on every page again.
    return new Page(items, next, after == null ? skipped : List.of());
  }

  @Override
  public Optional<Announcement> get(EventKey key) {
    return store.get(key);
  }

  /** True when {@code a} comes after the cursor's event in {@link #NEWEST_FIRST} order. */
  private static boolean isAfter(Announcement a, HistoryCursor c) {
    long t = a.published().getEpochSecond();
    return t < c.publishedSeconds() || (t == c.publishedSeconds() && a.key().value().compareTo(c.eventKey()) < 0);
  }
}
