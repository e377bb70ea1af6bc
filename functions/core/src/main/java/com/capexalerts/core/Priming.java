package com.capexalerts.core;

import com.capexalerts.core.alert.AlertMessages;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.feed.FeedException;
import com.capexalerts.core.feed.FeedItem;
import com.capexalerts.core.feed.FeedReader;
import com.capexalerts.core.money.MoneyAmount;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Cold-start priming for SnapStart. Lambda runs a function's init phase (static initialisers and the handler's
 * constructor) before it takes the snapshot of a published version, so work done here is restored from the snapshot
 * instead of being paid by the first real invocation: Rome's and the XML parser's classes, the detector's lexicons and
 * regular expressions, Jackson's serializers for the alert renderings. Local and offline only: no network, no AWS.
 * Without SnapStart it costs the same few hundred milliseconds the first poll would have paid anyway.
 */
public final class Priming {
  private static final String SAMPLE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>priming</title><link>https://priming.invalid/</link>
      <description>priming</description>
      <item><guid>priming-1</guid><title>Example Corp to invest $10 billion in AI data centres</title>
      <description><![CDATA[<p>Microsoft will invest $80 billion in AI data centres this fiscal year, the company said.
      Its shares rose 1%.</p>]]></description>
      <pubDate>Mon, 24 Feb 2025 03:10:00 +0000</pubDate></item>
      </channel></rss>
      """;

  private Priming() {}

  /** Parses and detects a built-in sample item; returns the findings so the work cannot be optimised away. */
  public static List<Finding> feedAndDetection() {
    try {
      List<FeedItem> items = new FeedReader().read(SAMPLE.getBytes(StandardCharsets.UTF_8), "priming").items();
      return Detector.withDefaults().detect(items.getFirst());
    } catch (FeedException e) {
      throw new IllegalStateException("priming sample feed did not parse", e);
    }
  }

  /**
   * Renders every form of a sample alert (SNS message, e-mail, SMS, JSON). Returns the structured message. No feed
   * parsing and no detection: the notifier, the only caller, does neither, and its jar carries no feed parser.
   */
  public static String alertRenderings() {
    Instant at = Instant.parse("2025-02-24T03:10:00Z");
    Announcement a = new Announcement(new EventKey("priming"), "Microsoft", AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal("80000000000"), "USD", "$80 billion"), new BigDecimal("80000000000"),
        "this fiscal year", "Microsoft will invest $80 billion in AI data centres this fiscal year, the company said.",
        "priming", "https://priming.invalid/1", at, at,
        List.of(new Source("https://priming.invalid/1", "priming", "priming", at)), null);
    return AlertMessages.structured(a);
  }
}
