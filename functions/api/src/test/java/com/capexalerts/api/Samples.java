package com.capexalerts.api;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.money.MoneyAmount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events for the API tests. */
final class Samples {
  static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
  static final List<String> COMPANIES = List.of("Alibaba", "Microsoft", "Meta");
  static final BigDecimal BILLION = new BigDecimal("1000000000");

  private Samples() {}

  /** Event k: company k % 3, published k hours after BASE, (k + 1) billion USD, {@code sources} outlets. */
  static Announcement event(int k, int sources) {
    String company = COMPANIES.get(k % 3);
    Instant at = BASE.plusSeconds(3600L * k);
    BigDecimal usd = BILLION.multiply(BigDecimal.valueOf(k + 1));
    String link = "https://news.example.com/" + k;
    List<Source> list = new ArrayList<>();
    list.add(new Source(link, "Wire", company + " invests", at));
    for (int s = 1; s < sources; s++) {
      list.add(new Source("https://outlet" + s + ".example.org/" + k, "Outlet " + s, "Retold " + s,
          at.plusSeconds(60L * s)));
    }
    return new Announcement(new EventKey(company.toLowerCase() + "-" + k), company, AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(usd, "USD", "$" + (k + 1) + " billion"), usd, null,
        company + " will invest $" + (k + 1) + " billion in AI.", company + " invests", link, at, at.plusSeconds(30),
        list, null);
  }

  static List<Announcement> events(int n) {
    List<Announcement> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      out.add(event(k, 1));
    }
    return out;
  }
}
