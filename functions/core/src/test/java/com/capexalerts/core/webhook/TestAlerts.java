package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.money.MoneyAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Alerts for the webhook tests: the Alibaba pledge, and the same with hostile or huge texts. */
final class TestAlerts {
  static final Instant PUBLISHED = Instant.parse("2025-02-24T08:30:00Z");
  static final String EVIDENCE = "Alibaba said it would invest over 380 billion yuan (about $53 billion) in AI "
      + "infrastructure over the next three years.";

  private TestAlerts() {}

  static Announcement alibaba() {
    return alibaba("Alibaba to invest $53 billion in AI infrastructure", EVIDENCE);
  }

  static Announcement alibaba(String title, String evidence) {
    return new Announcement(
        new EventKey("alibaba-2025-02-24-cny-380000000000"),
        "Alibaba",
        AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal("380000000000"), "CNY", "over 380 billion yuan"),
        new BigDecimal("53000000000"),
        "over the next three years",
        evidence,
        title,
        "https://news.example.com/alibaba-ai?id=1",
        PUBLISHED,
        PUBLISHED.plusSeconds(60),
        List.of(
            new Source("https://news.example.com/alibaba-ai?id=1", "Example News", title, PUBLISHED),
            new Source("https://other.example.org/a/b", "Other Outlet", "Alibaba bets big on AI",
                PUBLISHED.plusSeconds(600))),
        null);
  }

  /** The alert with every text field (company and sources included) replaced by {@code text}. */
  static Announcement everywhere(String text, int sourceCount) {
    List<Source> sources = new java.util.ArrayList<>();
    for (int k = 0; k < sourceCount; k++) {
      sources.add(new Source("https://outlet" + k + ".example.com/" + "p".repeat(40), text, text, PUBLISHED));
    }
    return new Announcement(
        new EventKey("hostile-1"),
        text,
        AnnouncementKind.UPDATE,
        new MoneyAmount(new BigDecimal("1250000000000"), "CNY", text),
        new BigDecimal("172000000000"),
        text,
        text,
        text,
        "https://news.example.com/x",
        PUBLISHED,
        PUBLISHED,
        sources,
        new EventKey(text.isBlank() ? "earlier" : text));
  }
}
