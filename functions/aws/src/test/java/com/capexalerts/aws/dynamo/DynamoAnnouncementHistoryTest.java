package com.capexalerts.aws.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementHistory;
import com.capexalerts.core.alert.AnnouncementHistory.Page;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.InvalidCursorException;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.money.MoneyAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The history through the by_published and by_company indexes of a real (moto) table. */
class DynamoAnnouncementHistoryTest {
  static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
  static final List<String> COMPANIES = List.of("Alibaba", "Microsoft", "Meta");
  static final BigDecimal BILLION = new BigDecimal("1000000000");
  static TableNames tables;
  static List<Announcement> all;

  /** Event k: company k % 3, published k hours after BASE, (k + 1) billion USD. */
  static Announcement event(int k) {
    String company = COMPANIES.get(k % 3);
    Instant at = BASE.plusSeconds(3600L * k);
    BigDecimal usd = BILLION.multiply(BigDecimal.valueOf(k + 1));
    String link = "https://news.example.com/" + k;
    return new Announcement(new EventKey(company.toLowerCase() + "-" + k), company, AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(usd, "USD", "$" + (k + 1) + " billion"), usd, null,
        company + " will invest $" + (k + 1) + " billion in AI.", company + " invests", link, at, at.plusSeconds(30),
        List.of(new Source(link, "Wire", company + " invests", at)), null);
  }

  @BeforeAll
  static void thirtyEvents() {
    tables = MotoTables.fresh();
    DynamoAnnouncementStore store = new DynamoAnnouncementStore(MotoTables.dynamo(), tables.announcements());
    all = new ArrayList<>();
    for (int k = 0; k < 30; k++) {
      Announcement a = event(k);
      assertTrue(store.create(a));
      all.add(a);
    }
    all.sort(Comparator.comparing(Announcement::published).reversed());
  }

  private static DynamoAnnouncementHistory history() {
    return new DynamoAnnouncementHistory(MotoTables.dynamo(), tables.announcements());
  }

  /** Follows the cursors to the end; fails on a repeated cursor or more than 100 pages. */
  static List<Page> pages(AnnouncementHistory h, String company, Instant since, BigDecimal minUsd, int limit) {
    List<Page> pages = new ArrayList<>();
    String cursor = null;
    Set<String> cursors = new HashSet<>();
    do {
      Page p = h.page(company, since, minUsd, limit, cursor);
      assertTrue(p.items().size() <= limit, "page larger than its limit");
      pages.add(p);
      cursor = p.nextCursor();
      assertTrue(cursor == null || cursors.add(cursor), "cursor repeated: " + cursor);
      assertTrue(pages.size() < 100, "too many pages");
    } while (cursor != null);
    return pages;
  }

  static List<String> keys(List<Page> pages) {
    return pages.stream().flatMap(p -> p.items().stream()).map(a -> a.key().value()).toList();
  }

  static List<String> keysOf(List<Announcement> events) {
    return events.stream().map(a -> a.key().value()).toList();
  }

  @Test
  void pagesThroughEveryEventNewestFirst() {
    List<Page> pages = pages(history(), null, null, null, 7);
    assertEquals(keysOf(all), keys(pages));
    assertEquals(List.of(7, 7, 7, 7, 2), pages.stream().map(p -> p.items().size()).toList());
    assertNull(pages.getLast().nextCursor());
  }

  @Test
  void theDefaultFirstPageIsTheNewestTwenty() {
    Page first = history().page(null, null, null, AnnouncementHistory.DEFAULT_LIMIT, null);
    assertEquals(keysOf(all).subList(0, 20), keysOf(first.items()));
    assertNotNull(first.nextCursor());
  }

  @Test
  void aCompanyIsReadFromItsOwnIndexPartition() {
    List<Page> pages = pages(history(), "Alibaba", null, null, 4);
    List<String> expected = keysOf(all.stream().filter(a -> a.company().equals("Alibaba")).toList());
    assertEquals(10, expected.size());
    assertEquals(expected, keys(pages));
    assertEquals(List.of(4, 4, 2), pages.stream().map(p -> p.items().size()).toList());
  }

  @Test
  void minUsdFiltersAndPagesStillFillUp() {
    BigDecimal min = BILLION.multiply(BigDecimal.valueOf(20)); // events 19..29
    List<Page> pages = pages(history(), null, null, min, 5);
    List<String> expected = keysOf(all.stream().filter(a -> a.amountUsd().compareTo(min) >= 0).toList());
    assertEquals(11, expected.size());
    assertEquals(expected, keys(pages));
    assertEquals(List.of(5, 5, 1), pages.stream().map(p -> p.items().size()).toList());
  }

  @Test
  void sinceStopsAtThatSecond() {
    Instant since = BASE.plusSeconds(3600L * 20); // events 20..29
    List<Page> pages = pages(history(), null, since, null, 6);
    assertEquals(keysOf(all.subList(0, 10)), keys(pages));
  }

  @Test
  void companyMinUsdAndSinceTogether() {
    Instant since = BASE.plusSeconds(3600L * 10);
    BigDecimal min = BILLION.multiply(BigDecimal.valueOf(15));
    List<String> expected = keysOf(all.stream()
        .filter(a -> a.company().equals("Meta") && !a.published().isBefore(since) && a.amountUsd().compareTo(min) >= 0)
        .toList());
    assertEquals(List.of("meta-29", "meta-26", "meta-23", "meta-20", "meta-17", "meta-14"), expected);
    assertEquals(expected, keys(pages(history(), "Meta", since, min, 2)));
  }

  @Test
  void aRareFilterGivesShortPagesWithCursorsInsteadOfAnUnboundedRead() {
    // A page reads at most 2 queries of max(limit, 4) events.
    DynamoAnnouncementHistory bounded = new DynamoAnnouncementHistory(MotoTables.dynamo(), tables.announcements(),
        2, 4);
    BigDecimal min = BILLION.multiply(BigDecimal.valueOf(30));
    Page first = bounded.page(null, null, min, 5, null);
    assertEquals(List.of("meta-29"), keysOf(first.items()));
    assertNotNull(first.nextCursor(), "the index goes on");
    BigDecimal onlyTheOldest = BigDecimal.ONE;
    List<Page> pages = pages(bounded, null, null, onlyTheOldest, 30);
    assertEquals(keysOf(all), keys(pages));
    BigDecimal none = BILLION.multiply(BigDecimal.valueOf(1000));
    List<Page> empty = pages(bounded, null, null, none, 2);
    assertEquals(List.of(), keys(empty));
    assertEquals(4, empty.size(), "30 events, 8 read per page: four pages, the last one ends the index");
  }

  @Test
  void aCursorOfAnotherCompanyIsRefused() {
    String cursor = history().page("Alibaba", null, null, 2, null).nextCursor();
    assertThrows(InvalidCursorException.class, () -> history().page("Meta", null, null, 2, cursor));
    assertThrows(InvalidCursorException.class, () -> history().page(null, null, null, 2, cursor));
    assertThrows(InvalidCursorException.class, () -> history().page(null, null, null, 2, "bm9wZQ"));
  }

  @Test
  void limitsOutsideOneToHundredAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> history().page(null, null, null, 0, null));
    assertThrows(IllegalArgumentException.class, () -> history().page(null, null, null, 101, null));
  }

  @Test
  void getReadsOneEventWithItsSources() {
    Announcement a = history().get(new EventKey("alibaba-0")).orElseThrow();
    assertEquals(event(0), a);
    assertTrue(history().get(new EventKey("nobody-1")).isEmpty());
  }

  @Test
  void eventsPublishedInTheSameSecondAreAllListedOnce() {
    TableNames fresh = MotoTables.fresh();
    DynamoAnnouncementStore store = new DynamoAnnouncementStore(MotoTables.dynamo(), fresh.announcements());
    List<String> expected = new ArrayList<>();
    for (int k = 0; k < 7; k++) {
      Announcement a = event(3 * k); // all Alibaba
      Announcement sameSecond = new Announcement(a.key(), a.company(), a.kind(), a.amount(), a.amountUsd(), null,
          a.evidence(), a.title(), a.link(), BASE, BASE, a.sources(), null);
      store.create(sameSecond);
      expected.add(a.key().value());
    }
    for (String company : new String[] {null, "Alibaba"}) {
      List<String> listed = keys(pages(new DynamoAnnouncementHistory(MotoTables.dynamo(), fresh.announcements()),
          company, null, null, 2));
      assertEquals(7, listed.size(), listed.toString());
      assertEquals(Set.copyOf(expected), Set.copyOf(listed));
    }
  }

  @Test
  void anUnreadableStoredEventIsSkippedAndNamed() {
    TableNames fresh = MotoTables.fresh();
    DynamoAnnouncementStore store = new DynamoAnnouncementStore(MotoTables.dynamo(), fresh.announcements());
    store.create(event(1));
    store.create(event(3));
    MotoTables.dynamo().putItem(r -> r.tableName(fresh.announcements()).item(Map.of(
        AnnouncementItems.EVENT_KEY, AttributeValue.fromS("broken-2"),
        AnnouncementItems.GSI_PK, AttributeValue.fromS(AnnouncementItems.GSI_PK_VALUE),
        AnnouncementItems.COMPANY, AttributeValue.fromS("Meta"),
        AnnouncementItems.PUBLISHED_AT, AttributeValue.fromN(Long.toString(BASE.plusSeconds(7200).getEpochSecond())))));
    Page page = new DynamoAnnouncementHistory(MotoTables.dynamo(), fresh.announcements())
        .page(null, null, null, 10, null);
    assertEquals(List.of("alibaba-3", "microsoft-1"), keysOf(page.items()));
    assertEquals(1, page.skipped().size());
    assertTrue(page.skipped().getFirst().startsWith("broken-2: "), page.skipped().toString());
    assertNull(page.nextCursor());
  }
}
