package com.capexalerts.aws.dynamo;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.money.MoneyAmount;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The announcements table's item layout, both ways. The notifier reads stream images with {@link #fromItem}.
 *
 * <p>Besides the documented attributes the item holds {@code source_links}, a string set of each source's
 * {@link #sourceToken}, so that adding a source can be one conditional update ("not yet in the set").
 */
public final class AnnouncementItems {
  /**
   * The announcements table's indexes (created by {@link Tables} and the template): company, published_at; and
   * gsi_pk (always "EVENT"), published_at for the history API. Here rather than in Tables, which the functions'
   * jars leave out (they never create tables).
   */
  public static final String BY_COMPANY = "by_company";
  public static final String BY_PUBLISHED = "by_published";
  public static final String EVENT_KEY = "event_key";
  public static final String COMPANY = "company";
  public static final String KIND = "kind";
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  public static final String AMOUNT_TEXT = "amount_text";
  public static final String AMOUNT_USD = "amount_usd";
  public static final String PERIOD = "period";
  public static final String EVIDENCE = "evidence";
  public static final String TITLE = "title";
  public static final String LINK = "link";
  public static final String OUTLET = "outlet";
  public static final String PUBLISHED_AT = "published_at";
  public static final String PUBLISHED = "published";
  public static final String DETECTED_AT = "detected_at";
  public static final String SOURCES = "sources";
  public static final String SOURCE_LINKS = "source_links";
  public static final String UPDATES = "updates";
  public static final String GSI_PK = "gsi_pk";
  public static final String GSI_PK_VALUE = "EVENT";
  public static final String NOTIFY_CLAIMANT = "notify_claimant";
  public static final String NOTIFY_CLAIMED_AT = "notify_claimed_at";
  public static final String NOTIFIED_AT = "notified_at";
  public static final String MESSAGE_ID = "message_id";

  /** DynamoDB numbers hold at most 38 significant digits. */
  private static final MathContext DYNAMO_NUMBER = new MathContext(38);

  private AnnouncementItems() {}

  public static Map<String, AttributeValue> toItem(Announcement a) {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put(EVENT_KEY, s(a.key().value()));
    item.put(COMPANY, s(a.company()));
    item.put(KIND, s(a.kind().wireName()));
    item.put(AMOUNT, n(a.amount().value()));
    item.put(CURRENCY, s(a.amount().currency()));
    item.put(AMOUNT_TEXT, s(a.amount().text()));
    item.put(AMOUNT_USD, n(a.amountUsd()));
    putIfPresent(item, PERIOD, a.period());
    item.put(EVIDENCE, s(a.evidence()));
    item.put(TITLE, s(a.title()));
    putIfPresent(item, LINK, a.link());
    if (!a.sources().isEmpty()) {
      putIfPresent(item, OUTLET, a.sources().getFirst().outlet());
      item.put(SOURCE_LINKS, AttributeValue.fromSs(a.sources().stream().map(AnnouncementItems::sourceToken)
          .distinct().toList()));
    }
    item.put(PUBLISHED_AT, AttributeValue.fromN(Long.toString(a.published().getEpochSecond())));
    item.put(PUBLISHED, s(a.published().toString()));
    item.put(DETECTED_AT, s(a.detectedAt().toString()));
    item.put(SOURCES, AttributeValue.fromL(a.sources().stream().map(AnnouncementItems::sourceValue).toList()));
    if (a.updates() != null) {
      item.put(UPDATES, s(a.updates().value()));
    }
    item.put(GSI_PK, s(GSI_PK_VALUE));
    return item;
  }

  public static Announcement fromItem(Map<String, AttributeValue> item) {
    String key = string(item, EVENT_KEY);
    if (key == null) {
      throw new IllegalArgumentException("announcement item has no " + EVENT_KEY + ": " + item.keySet());
    }
    try {
      List<Source> sources = new ArrayList<>();
      AttributeValue list = item.get(SOURCES);
      if (list != null && list.hasL()) {
        for (AttributeValue v : list.l()) {
          sources.add(sourceFrom(v.m()));
        }
      }
      String updates = string(item, UPDATES);
      return new Announcement(
          new EventKey(key),
          string(item, COMPANY),
          AnnouncementKind.fromWire(string(item, KIND)),
          new MoneyAmount(number(item, AMOUNT), string(item, CURRENCY), string(item, AMOUNT_TEXT)),
          number(item, AMOUNT_USD),
          string(item, PERIOD),
          string(item, EVIDENCE),
          string(item, TITLE),
          string(item, LINK),
          Instant.parse(string(item, PUBLISHED)),
          Instant.parse(string(item, DETECTED_AT)),
          sources,
          updates == null ? null : new EventKey(updates));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("announcement item " + key + " is malformed: " + e.getMessage(), e);
    }
  }

  /** What identifies a source within an event: its canonical link, else its title. */
  public static String sourceToken(Source source) {
    return source.link() != null ? source.link() : "title:" + source.title();
  }

  static AttributeValue sourceValue(Source source) {
    Map<String, AttributeValue> m = new LinkedHashMap<>();
    putIfPresent(m, "link", source.link());
    putIfPresent(m, "outlet", source.outlet());
    putIfPresent(m, "title", source.title());
    if (source.published() != null) {
      m.put("published", s(source.published().toString()));
    }
    return AttributeValue.fromM(m);
  }

  private static Source sourceFrom(Map<String, AttributeValue> m) {
    String published = string(m, "published");
    return new Source(string(m, "link"), string(m, "outlet"), string(m, "title"),
        published == null ? null : Instant.parse(published));
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(BigDecimal value) {
    return AttributeValue.fromN(value.round(DYNAMO_NUMBER).toPlainString());
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null && !value.isEmpty()) {
      item.put(name, s(value));
    }
  }

  static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  private static BigDecimal number(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    if (v == null || v.n() == null) {
      throw new IllegalArgumentException("missing number " + name);
    }
    return new BigDecimal(v.n());
  }
}
