package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import java.time.Instant;
import java.util.List;

/**
 * What the chat formats show of an alert, with every feed-supplied text cleaned to one line (not yet escaped: each
 * renderer escapes for its own markup).
 *
 * @param label      "New AI investment" or "Raised AI investment"
 * @param company    company name
 * @param amountText the amount as written ("over 380 billion yuan")
 * @param usdText    the USD amount ("$53 billion")
 * @param foreign    true when the amount was written in another currency than USD (then both are shown)
 * @param period     time span as written, "" when none
 * @param evidence   the sentence that proves the alert
 * @param title      title of the first item
 * @param link       http(s) link of the first item, or null when it has none we can safely link
 * @param published  publication time
 * @param sources    outlets that carry it
 * @param updates    key of the earlier event this one raises, "" when none
 */
record AlertView(
    String label,
    String company,
    String amountText,
    String usdText,
    boolean foreign,
    String period,
    String evidence,
    String title,
    String link,
    Instant published,
    List<SourceView> sources,
    String updates) {

  /** One outlet's item, cleaned. */
  record SourceView(String outlet, String title, String link) {}

  static AlertView of(Announcement a) {
    List<SourceView> sources = a.sources().stream()
        .map(s -> new SourceView(
            ChatText.clean(s.outlet()), ChatText.clean(s.title()), ChatText.httpLink(s.link()).orElse(null)))
        .toList();
    String amountText = ChatText.clean(a.amount().text());
    return new AlertView(
        a.kind() == AnnouncementKind.UPDATE ? "Raised AI investment" : "New AI investment",
        ChatText.clean(a.company()),
        amountText.isEmpty() ? ChatText.clean(a.amount().value().toPlainString() + " " + a.amount().currency())
            : amountText,
        ChatText.usd(a.amountUsd()),
        !"USD".equalsIgnoreCase(a.amount().currency()),
        ChatText.clean(a.period()),
        ChatText.clean(a.evidence()),
        ChatText.clean(a.title()),
        ChatText.httpLink(a.link()).orElse(null),
        a.published(),
        sources,
        a.updates() == null ? "" : ChatText.clean(a.updates().value()));
  }

  /** "over 380 billion yuan (≈ $53 billion)", or just the amount when it was written in dollars. */
  String amountLine() {
    return foreign ? amountText + " (≈ " + usdText + ")" : amountText;
  }

  /** "Alibaba: over 380 billion yuan (≈ $53 billion)". */
  String headline() {
    return company + ": " + amountLine();
  }
}
