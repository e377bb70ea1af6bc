package com.capexalerts.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.EventMatcher.Decision;
import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.FindingKind;
import com.capexalerts.core.money.MoneyAmount;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventMatcherTest {
  private static final Instant T0 = Instant.parse("2025-02-24T09:00:00Z");
  private final EventMatcher matcher = new EventMatcher(new BigDecimal("0.10"), Duration.ofDays(30));

  private static Finding finding(String company, String usd, boolean raise) {
    return new Finding(company, FindingKind.ANNOUNCEMENT, new MoneyAmount(new BigDecimal(usd), "USD", "$" + usd),
        new BigDecimal(usd), null, "evidence", raise);
  }

  private static Announcement stored(String key, String company, String usd, Instant published) {
    return new Announcement(new EventKey(key), company, AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal(usd), "USD", "$" + usd), new BigDecimal(usd), null, "e", "t", null, published,
        published, List.of(), null);
  }

  @Test
  void tenPercentOfTheSmallerAmountIsTheEdge() {
    assertTrue(matcher.sameAmount(new BigDecimal("100"), new BigDecimal("110")));
    assertTrue(matcher.sameAmount(new BigDecimal("110"), new BigDecimal("100")));
    assertFalse(matcher.sameAmount(new BigDecimal("100"), new BigDecimal("110.01")));
    assertTrue(matcher.sameAmount(new BigDecimal("53000000000"), new BigDecimal("52600000000")),
        "380 billion yuan converted vs $53 billion as reported");
  }

  @Test
  void thirtyDaysIsTheEdge() {
    assertTrue(matcher.withinWindow(T0, T0.plus(Duration.ofDays(30))));
    assertTrue(matcher.withinWindow(T0.plus(Duration.ofDays(30)), T0));
    assertFalse(matcher.withinWindow(T0, T0.plus(Duration.ofDays(30)).plusSeconds(1)));
  }

  @Test
  void aCloseAmountInTheWindowIsTheSameEvent() {
    Announcement alibaba = stored("alibaba-2025-02-24-53b", "Alibaba", "53000000000", T0);

    Decision d = matcher.decide(finding("Alibaba", "52600000000", false), T0.plus(Duration.ofDays(2)),
        List.of(alibaba));

    assertEquals(new Decision.SameEvent(alibaba), d);
  }

  @Test
  void theClosestAmountWinsAmongSeveralMatches() {
    Announcement a = stored("a", "Alibaba", "50000000000", T0);
    Announcement b = stored("b", "Alibaba", "53000000000", T0.plusSeconds(10));

    assertEquals(new Decision.SameEvent(b),
        matcher.decide(finding("Alibaba", "53500000000", false), T0, List.of(a, b)));
  }

  @Test
  void outsideTheWindowOrAmountOrCompanyItIsNew() {
    Announcement alibaba = stored("alibaba", "Alibaba", "53000000000", T0);
    Decision plain = new Decision.NewEvent(AnnouncementKind.ANNOUNCEMENT, null);

    assertEquals(plain, matcher.decide(finding("Alibaba", "53000000000", false),
        T0.plus(Duration.ofDays(31)), List.of(alibaba)));
    assertEquals(plain, matcher.decide(finding("Alibaba", "60000000000", false), T0, List.of(alibaba)));
    assertEquals(plain, matcher.decide(finding("Tencent", "53000000000", false), T0, List.of(alibaba)));
  }

  @Test
  void aRaiseOfAnEarlierEventBecomesAnUpdateOfTheLatestOne() {
    Announcement first = stored("meta-2025-01-03-60b", "Meta", "60000000000", T0.minus(Duration.ofDays(20)));
    Announcement second = stored("meta-2025-01-13-62b", "Meta", "62000000000", T0.minus(Duration.ofDays(10)));
    Announcement later = stored("meta-later", "Meta", "30000000000", T0.plus(Duration.ofDays(5)));

    Decision d = matcher.decide(finding("Meta", "72000000000", true), T0, List.of(first, second, later));

    assertEquals(new Decision.NewEvent(AnnouncementKind.UPDATE, second.key()), d);
  }

  @Test
  void aRaiseWithinTenPercentIsTheSameEventAndWithoutEarlierEventAPlainAnnouncement() {
    Announcement meta = stored("meta", "Meta", "65000000000", T0.minus(Duration.ofDays(2)));

    assertEquals(new Decision.SameEvent(meta), matcher.decide(finding("Meta", "66000000000", true), T0,
        List.of(meta)));
    assertEquals(new Decision.NewEvent(AnnouncementKind.ANNOUNCEMENT, null),
        matcher.decide(finding("Meta", "80000000000", true), T0, List.of()));
    assertEquals(new Decision.NewEvent(AnnouncementKind.ANNOUNCEMENT, null),
        matcher.decide(finding("Meta", "80000000000", true), T0.minus(Duration.ofDays(3)), List.of(meta)),
        "the only event is later than the raise");
  }
}
