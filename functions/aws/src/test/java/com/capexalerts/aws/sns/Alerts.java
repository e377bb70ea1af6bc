package com.capexalerts.aws.sns;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.money.MoneyAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Sample events for the publisher tests. */
final class Alerts {
  static final Instant PUBLISHED = Instant.parse("2025-02-24T08:15:00Z");

  private Alerts() {}

  static Announcement alibaba() {
    return event("Alibaba", "380000000000", "CNY", "over 380 billion yuan", "52400000000",
        "Alibaba said it would invest over 380 billion yuan in AI infrastructure over the next three years.");
  }

  static Announcement event(String company, String amount, String currency, String text, String usd,
      String evidence) {
    String link = "https://news.example.com/" + company.toLowerCase() + "-ai";
    return new Announcement(new EventKey(company.toLowerCase() + "#2025-02-24"), company,
        AnnouncementKind.ANNOUNCEMENT, new MoneyAmount(new BigDecimal(amount), currency, text), new BigDecimal(usd),
        "over the next three years", evidence, company + " to invest in AI", link, PUBLISHED,
        PUBLISHED.plusSeconds(60), List.of(new Source(link, "Example Wire", company + " to invest in AI", PUBLISHED)),
        null);
  }
}
