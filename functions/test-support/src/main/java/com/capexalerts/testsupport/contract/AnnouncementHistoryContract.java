package com.capexalerts.testsupport.contract;

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
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AnnouncementHistory} must do: newest first, cursors that continue where the last page ended, the
 * company, since and min_usd filters. The DynamoDB history (on moto) and the local file history run the same cases.
 */
public abstract class AnnouncementHistoryContract {
  public static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
  public static final List<String> COMPANIES = List.of("Alibaba", "Microsoft", "Meta");
  public static final BigDecimal BILLION = new BigDecimal("1000000000");

  /** A history over exactly these events, stored through the implementation's own store. */
  protected abstract AnnouncementHistory historyWith(List<Announcement> events) throws Exception;

  /** Event k: company k % 3 (alibaba-0, microsoft-1, meta-2, ...), published k hours after BASE, k + 1 billion USD. */
  public static Announcement event(int k) {
    String company = COMPANIES.get(k % 3);
    Instant at = BASE.plusSeconds(3600L * k);
    BigDecimal usd = BILLION.multiply(BigDecimal.valueOf(k + 1));
    String link = "https://news.example.com/" + k;
    return new Announcement(new EventKey(company.toLowerCase() + "-" + k), company, AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(usd, "USD", "$" + (k + 1) + " billion"), usd, null,
        company + " will invest $" + (k + 1) + " billion in AI.", company + " invests", link, at, at.plusSeconds(30),
        List.of(new Source(link, "Wire", company + " invests", at)), null);
  }

  /** Events 0..n-1. */
  public static List<Announcement> events(int n) {
    List<Announcement> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(event(k));
    }
    return out;
  }

  /** Follows the cursors to the end; fails on a repeated cursor, an oversized page or more than 100 pages. */
  public static List<Page> pages(AnnouncementHistory h, String company, Instant since, BigDecimal minUsd,
      int limit) {
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

  public static List<String> keys(List<Page> pages) {
    return pages.stream().flatMap(p -> p.items().stream()).map(a -> a.key().value()).toList();
  }

  public static List<String> keysOf(List<Announcement> events) {
    return events.stream().map(a -> a.key().value()).toList();
  }

  private static List<Announcement> newestFirst(List<Announcement> events) {
    return events.stream().sorted(Comparator.comparing(Announcement::published).reversed()).toList();
  }

  private static List<Integer> sizes(List<Page> pages) {
    return pages.stream().map(p -> p.items().size()).toList();
  }

  @Test
  void pagesThroughEveryEventNewestFirst() throws Exception {
    List<Page> pages = pages(historyWith(events(30)), null, null, null, 7);
    assertEquals(keysOf(newestFirst(events(30))), keys(pages));
    assertEquals(List.of(7, 7, 7, 7, 2), sizes(pages));
    assertNull(pages.getLast().nextCursor());
  }

  @Test
  void theDefaultFirstPageIsTheNewestTwenty() throws Exception {
    Page first = historyWith(events(30)).page(null, null, null, AnnouncementHistory.DEFAULT_LIMIT, null);
    assertEquals(keysOf(newestFirst(events(30))).subList(0, 20), keysOf(first.items()));
    assertNotNull(first.nextCursor());
  }

  @Test
  void anEmptyHistoryHasOneEmptyPage() throws Exception {
    Page page = historyWith(List.of()).page(null, null, null, 10, null);
    assertEquals(List.of(), page.items());
    assertNull(page.nextCursor());
  }

  @Test
  void aCompanyListsOnlyItsEvents() throws Exception {
    List<Page> pages = pages(historyWith(events(30)), "Alibaba", null, null, 4);
    List<String> expected = keysOf(newestFirst(events(30)).stream().filter(a -> a.company().equals("Alibaba"))
        .toList());
    assertEquals(10, expected.size());
    assertEquals(expected, keys(pages));
    assertEquals(List.of(4, 4, 2), sizes(pages));
  }

  @Test
  void minUsdFiltersAndPagesStillFillUp() throws Exception {
    BigDecimal min = BILLION.multiply(BigDecimal.valueOf(20)); // events 19..29
    List<Page> pages = pages(historyWith(events(30)), null, null, min, 5);
    assertEquals(keysOf(newestFirst(events(30)).subList(0, 11)), keys(pages));
    assertEquals(List.of(5, 5, 1), sizes(pages));
  }

  @Test
  void sinceStopsAtThatSecond() throws Exception {
    Instant since = BASE.plusSeconds(3600L * 20); // events 20..29
    assertEquals(keysOf(newestFirst(events(30)).subList(0, 10)),
        keys(pages(historyWith(events(30)), null, since, null, 6)));
  }

  @Test
  void companyMinUsdAndSinceTogether() throws Exception {
    Instant since = BASE.plusSeconds(3600L * 10);
    BigDecimal min = BILLION.multiply(BigDecimal.valueOf(15));
    assertEquals(List.of("meta-29", "meta-26", "meta-23", "meta-20", "meta-17", "meta-14"),
        keys(pages(historyWith(events(30)), "Meta", since, min, 2)));
  }

  @Test
  void cursorsOfAnotherQueryOrGarbageAreRefused() throws Exception {
    AnnouncementHistory h = historyWith(events(30));
    String cursor = h.page("Alibaba", null, null, 2, null).nextCursor();
    assertThrows(InvalidCursorException.class, () -> h.page("Meta", null, null, 2, cursor));
    assertThrows(InvalidCursorException.class, () -> h.page(null, null, null, 2, cursor));
    assertThrows(InvalidCursorException.class, () -> h.page(null, null, null, 2, "bm9wZQ"));
  }

  @Test
  void limitsOutsideOneToHundredAreRefused() throws Exception {
    AnnouncementHistory h = historyWith(events(3));
    assertThrows(IllegalArgumentException.class, () -> h.page(null, null, null, 0, null));
    assertThrows(IllegalArgumentException.class, () -> h.page(null, null, null, 101, null));
    assertThrows(IllegalArgumentException.class, () -> h.page(null, null, BigDecimal.ONE.negate(), 5, null));
  }

  @Test
  void getReadsOneEventWithItsSources() throws Exception {
    AnnouncementHistory h = historyWith(events(3));
    assertEquals(event(1), h.get(new EventKey("microsoft-1")).orElseThrow());
    assertTrue(h.get(new EventKey("nobody-1")).isEmpty());
  }

  @Test
  void eventsPublishedInTheSameSecondAreAllListedOnce() throws Exception {
    List<Announcement> same = new ArrayList<>();
    for (int k = 0; k < 7; k++) {
      Announcement a = event(3 * k); // all Alibaba
      same.add(new Announcement(a.key(), a.company(), a.kind(), a.amount(), a.amountUsd(), null, a.evidence(),
          a.title(), a.link(), BASE, BASE, a.sources(), null));
    }
    AnnouncementHistory h = historyWith(same);
    for (String company : new String[] {null, "Alibaba"}) {
      List<String> listed = keys(pages(h, company, null, null, 2));
      assertEquals(7, listed.size(), listed.toString());
      assertEquals(Set.copyOf(keysOf(same)), Set.copyOf(listed));
    }
  }
}
