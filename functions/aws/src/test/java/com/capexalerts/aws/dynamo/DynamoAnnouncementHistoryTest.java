package com.capexalerts.aws.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementHistory;
import com.capexalerts.core.alert.AnnouncementHistory.Page;
import com.capexalerts.testsupport.MotoServer;
import com.capexalerts.testsupport.contract.AnnouncementHistoryContract;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The history through the by_published and by_company indexes of a real (moto) table. */
class DynamoAnnouncementHistoryTest extends AnnouncementHistoryContract {
  private TableNames tables;

  @Override
  protected AnnouncementHistory historyWith(List<Announcement> events) {
    tables = MotoTables.fresh();
    DynamoAnnouncementStore store = new DynamoAnnouncementStore(MotoServer.dynamo(), tables.announcements());
    for (Announcement a : events) {
      assertTrue(store.create(a));
    }
    return new DynamoAnnouncementHistory(MotoServer.dynamo(), tables.announcements());
  }

  @Test
  void aRareFilterGivesShortPagesWithCursorsInsteadOfAnUnboundedRead() {
    historyWith(events(30));
    // A page reads at most 2 queries of max(limit, 4) events.
    DynamoAnnouncementHistory bounded = new DynamoAnnouncementHistory(MotoServer.dynamo(), tables.announcements(),
        2, 4);
    Page first = bounded.page(null, null, BILLION.multiply(BigDecimal.valueOf(30)), 5, null);
    assertEquals(List.of("meta-29"), keysOf(first.items()));
    assertNotNull(first.nextCursor(), "the index goes on");
    List<Announcement> newestFirst = events(30).stream()
        .sorted(Comparator.comparing(Announcement::published).reversed()).toList();
    assertEquals(keysOf(newestFirst), keys(pages(bounded, null, null, BigDecimal.ONE, 30)));
    List<Page> empty = pages(bounded, null, null, BILLION.multiply(BigDecimal.valueOf(1000)), 2);
    assertEquals(List.of(), keys(empty));
    assertEquals(4, empty.size(), "30 events, 8 read per page: four pages, the last one ends the index");
  }

  @Test
  void anUnreadableStoredEventIsSkippedAndNamed() {
    AnnouncementHistory h = historyWith(List.of(event(1), event(3)));
    MotoServer.dynamo().putItem(r -> r.tableName(tables.announcements()).item(Map.of(
        AnnouncementItems.EVENT_KEY, AttributeValue.fromS("broken-2"),
        AnnouncementItems.GSI_PK, AttributeValue.fromS(AnnouncementItems.GSI_PK_VALUE),
        AnnouncementItems.COMPANY, AttributeValue.fromS("Meta"),
        AnnouncementItems.PUBLISHED_AT, AttributeValue.fromN(Long.toString(BASE.plusSeconds(7200).getEpochSecond())))));
    Page page = h.page(null, null, null, 10, null);
    assertEquals(List.of("alibaba-3", "microsoft-1"), keysOf(page.items()));
    assertEquals(1, page.skipped().size());
    assertTrue(page.skipped().getFirst().startsWith("broken-2: "), page.skipped().toString());
    assertNull(page.nextCursor());
  }
}
