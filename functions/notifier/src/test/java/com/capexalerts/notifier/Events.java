package com.capexalerts.notifier;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.money.MoneyAmount;
import com.capexalerts.testsupport.RepoRoot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Sample events (the ones in events/*.json among them). */
final class Events {
  static final EventKey ALIBABA = new EventKey("alibaba-2025-02-24-52b");
  static final EventKey MICROSOFT = new EventKey("microsoft-2025-02-24-80b");
  static final EventKey META = new EventKey("meta-2025-01-24-65b");

  private Events() {}

  static Announcement alibaba() {
    return event(ALIBABA, "Alibaba", "380000000000", "CNY", "over 380 billion yuan", "52400000000",
        "over the next three years", "Alibaba said it would invest over 380 billion yuan ($53 billion) in AI "
            + "infrastructure over the next three years.", "2025-02-24T08:15:00Z");
  }

  static Announcement microsoft() {
    return event(MICROSOFT, "Microsoft", "80000000000", "USD", "$80 billion", "80000000000", "in fiscal 2025",
        "Microsoft plans to spend $80 billion on AI-enabled data centres in fiscal 2025.", "2025-02-24T09:38:20Z");
  }

  static Announcement meta() {
    return event(META, "Meta", "65000000000", "USD", "$60 billion to $65 billion", "65000000000", "in 2025",
        "Meta will spend $60 billion to $65 billion on capital expenditures this year, largely for AI.",
        "2025-01-24T15:00:00Z");
  }

  static Announcement event(EventKey key, String company, String amount, String currency, String text, String usd,
      String period, String evidence, String published) {
    Instant at = Instant.parse(published);
    String link = "https://news.example.com/" + key.value().replace('#', '-');
    String title = company + " to invest " + text + " in AI";
    return new Announcement(key, company, AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal(amount), currency, text), new BigDecimal(usd), period, evidence, title, link,
        at, at.plusSeconds(60), List.of(new Source(link, "Example Wire", title, at)), null);
  }
}
