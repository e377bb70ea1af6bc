package com.capexalerts.core.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders one event's alert for every subscriber channel of the topic: a short e-mail subject, a readable e-mail
 * body, a single-segment SMS, and a versioned JSON document for machines (webhooks, queues, functions).
 */
public final class AlertMessages {
  /** Schema id of the machine-readable rendering; bump it when a field changes meaning or goes away. */
  public static final String SCHEMA = "capex-alert/1";
  /** SNS wants subjects "less than 100 characters". */
  public static final int MAX_SUBJECT_CHARS = 99;
  /** SNS accepts at most 256 KiB per message including attributes; this leaves room for the attributes. */
  public static final int MAX_MESSAGE_BYTES = 256 * 1024 - 4 * 1024;
  /** Sources listed in the e-mail body; the rest are counted. */
  static final int MAX_EMAIL_SOURCES = 10;
  /** Sources listed in the JSON document; {@code sources_total} gives the full count. */
  static final int MAX_JSON_SOURCES = 25;

  /** Keys of a {@code MessageStructure=json} message that carry the machine-readable document. */
  public static final List<String> JSON_PROTOCOLS = List.of("http", "https", "sqs", "lambda", "email-json", "firehose");

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();
  private static final DateTimeFormatter READABLE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000);
  private static final BigDecimal TRILLION = BigDecimal.valueOf(1_000_000_000_000L);

  private AlertMessages() {}

  /** The whole {@code MessageStructure=json} message: one rendering per protocol plus {@code default}. */
  public static String structured(Announcement a) {
    ObjectNode message = JSON.createObjectNode();
    message.put("default", defaultText(a));
    message.put("email", email(a));
    message.put("sms", sms(a));
    String document = json(a);
    for (String protocol : JSON_PROTOCOLS) {
      message.put(protocol, document);
    }
    String text = write(message);
    int bytes = text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException("alert for event %s is %d bytes, over the %d bytes an SNS message may carry"
          .formatted(a.key(), bytes, MAX_MESSAGE_BYTES));
    }
    return text;
  }

  /** E-mail subject: ASCII only, one line, at most {@link #MAX_SUBJECT_CHARS}. */
  public static String subject(Announcement a) {
    String company = asciiOr(a.company(), "Company");
    StringBuilder s = new StringBuilder(prefix(a)).append(company).append(": ").append(asciiAmount(a));
    if (!isUsd(a)) {
      s.append(" (~").append(usd(a.amountUsd(), false)).append(')');
    }
    if (a.period() != null) {
      TextFolding.Folded period = TextFolding.ascii(a.period());
      String english = period.lossless() ? period.text() : ChineseRendering.period(a.period());
      if (english != null && !english.isEmpty() && s.length() + 2 + english.length() <= MAX_SUBJECT_CHARS) {
        s.append(", ").append(english);
      }
    }
    return TextFolding.truncate(s.toString(), MAX_SUBJECT_CHARS);
  }

  /** E-mail body: plain text with the facts, the evidence sentence and every source. */
  public static String email(Announcement a) {
    StringBuilder b = new StringBuilder();
    b.append(a.kind() == AnnouncementKind.UPDATE ? "Raised AI investment commitment: " : "New AI investment commitment: ")
        .append(a.company()).append("\n\n");
    line(b, "Company", a.company());
    line(b, "Amount", a.amount().text() + " (as written)");
    line(b, "In USD", isUsd(a) ? usd(a.amountUsd(), false) : "about " + usd(a.amountUsd(), false));
    if (ChineseRendering.applies(a)) {
      String scope = ChineseRendering.scope(a.evidence());
      line(b, "For", scope == null ? "AI investment" : scope);
    }
    if (a.period() != null && !a.period().isBlank()) {
      String english = ChineseRendering.period(a.period());
      line(b, "Time span", english == null || english.equals(a.period()) ? a.period()
          : a.period() + " (" + english + ")");
    }
    line(b, "Published", READABLE_TIME.format(a.published()));
    if (a.updates() != null) {
      line(b, "Raises", "earlier event " + a.updates());
    }
    b.append("\nEvidence:\n  ").append(a.evidence().strip()).append("\n\n");
    List<Source> sources = sourcesOf(a);
    b.append(sources.size() == 1 ? "Source:\n" : "Sources (" + sources.size() + "):\n");
    for (Source s : sources.subList(0, Math.min(sources.size(), MAX_EMAIL_SOURCES))) {
      b.append("  - ");
      if (s.outlet() != null && !s.outlet().isBlank()) {
        b.append(s.outlet()).append(": ");
      }
      b.append(s.title() == null ? "(untitled)" : s.title().strip()).append('\n');
      if (s.link() != null) {
        b.append("    ").append(s.link()).append('\n');
      }
      if (s.published() != null) {
        b.append("    published ").append(READABLE_TIME.format(s.published())).append('\n');
      }
    }
    if (sources.size() > MAX_EMAIL_SOURCES) {
      b.append("  ... and ").append(sources.size() - MAX_EMAIL_SOURCES).append(" more\n");
    }
    b.append("\nEvent ").append(a.key()).append(", detected ").append(READABLE_TIME.format(a.detectedAt()))
        .append(".\n");
    return b.toString();
  }

  /**
   * SMS: one segment, i.e. at most 160 characters of the GSM 03.38 alphabet (two-septet characters counted twice),
   * so it is never split or sent as UCS-2. Headline first, then as much of the evidence as fits. Evidence in Chinese
   * cannot be written in GSM-7: the message then says it in English and names the outlet instead.
   */
  public static String sms(Announcement a) {
    if (ChineseRendering.applies(a)) {
      // GSM-7 has no Chinese: the facts in English, and where to read the story.
      return Gsm7.truncate(Gsm7.transliterate(ChineseRendering.sms(a, prefix(a))).text(), Gsm7.SINGLE_SEGMENT_SEPTETS);
    }
    StringBuilder s = new StringBuilder(prefix(a));
    s.append(Gsm7.transliterate(a.company()).text()).append(": ").append(gsmAmount(a));
    if (!isUsd(a)) {
      s.append(" (~").append(usd(a.amountUsd(), true)).append(')');
    }
    if (a.period() != null) {
      TextFolding.Folded period = Gsm7.transliterate(a.period());
      if (period.lossless() && !period.text().isEmpty()) {
        s.append(", ").append(period.text());
      }
    }
    s.append(". ").append(Gsm7.transliterate(a.evidence()).text());
    String text = Gsm7.transliterate(s.toString()).text();
    return Gsm7.truncate(text, Gsm7.SINGLE_SEGMENT_SEPTETS);
  }

  /** The machine-readable document, schema {@value #SCHEMA}; {@link AlertJson#parse} reads it back. */
  public static String json(Announcement a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("schema", SCHEMA);
    o.put("event_key", a.key().value());
    o.put("company", a.company());
    o.put("kind", a.kind().wireName());
    o.put("amount", a.amount().value());
    o.put("currency", a.amount().currency());
    o.put("amount_text", a.amount().text());
    o.put("amount_usd", a.amountUsd());
    o.put("period", a.period());
    o.put("evidence", a.evidence());
    o.put("title", a.title());
    o.put("link", a.link());
    o.put("published", a.published().toString());
    o.put("detected_at", a.detectedAt().toString());
    List<Source> sources = sourcesOf(a);
    ArrayNode list = o.putArray("sources");
    for (Source s : sources.subList(0, Math.min(sources.size(), MAX_JSON_SOURCES))) {
      ObjectNode n = list.addObject();
      n.put("link", s.link());
      n.put("outlet", s.outlet());
      n.put("title", s.title());
      n.put("published", s.published() == null ? null : s.published().toString());
    }
    o.put("sources_total", sources.size());
    o.put("updates", a.updates() == null ? null : a.updates().value());
    return write(o);
  }

  /** For protocols without a rendering of their own (mobile push): headline, evidence, link. */
  public static String defaultText(Announcement a) {
    StringBuilder s = new StringBuilder(prefix(a)).append(a.company()).append(": ").append(a.amount().text());
    if (!isUsd(a)) {
      s.append(" (about ").append(usd(a.amountUsd(), false)).append(')');
    }
    if (a.period() != null && !a.period().isBlank()) {
      s.append(", ").append(a.period());
    }
    s.append('\n').append(a.evidence().strip());
    if (a.link() != null) {
      s.append('\n').append(a.link());
    }
    return s.toString();
  }

  /**
   * A USD amount for people: "$53.1 billion" (or "$53.1B" when {@code compact}); below a million the exact figure.
   */
  public static String usd(BigDecimal amount, boolean compact) {
    BigDecimal abs = amount.abs();
    String sign = amount.signum() < 0 ? "-" : "";
    if (abs.compareTo(MILLION) < 0) {
      NumberFormat f = NumberFormat.getIntegerInstance(Locale.US);
      return sign + "$" + f.format(abs.setScale(0, RoundingMode.HALF_UP));
    }
    return sign + "$" + scaled(abs, compact);
  }

  /** "380 billion" ("380B" compact): one decimal at most, for amounts of a million and more. */
  static String scaled(BigDecimal abs, boolean compact) {
    BigDecimal unit;
    String word;
    String letter;
    if (abs.compareTo(TRILLION) >= 0) {
      unit = TRILLION;
      word = " trillion";
      letter = "T";
    } else if (abs.compareTo(BILLION) >= 0) {
      unit = BILLION;
      word = " billion";
      letter = "B";
    } else if (abs.compareTo(MILLION) >= 0) {
      unit = MILLION;
      word = " million";
      letter = "M";
    } else {
      return NumberFormat.getIntegerInstance(Locale.US).format(abs.setScale(0, RoundingMode.HALF_UP));
    }
    BigDecimal n = abs.divide(unit, 1, RoundingMode.HALF_UP).stripTrailingZeros();
    if (n.compareTo(THOUSAND) >= 0 && unit != TRILLION) {
      return scaled(abs.max(unit.multiply(THOUSAND)), compact); // 999.96 million rounds up to 1 billion
    }
    return n.toPlainString() + (compact ? letter : word);
  }

  private static String prefix(Announcement a) {
    return a.kind() == AnnouncementKind.UPDATE ? "AI investment update - " : "AI investment - ";
  }

  private static boolean isUsd(Announcement a) {
    return "USD".equalsIgnoreCase(a.amount().currency());
  }

  /** The amount as written when it folds to ASCII losslessly, else the figure with its currency code. */
  private static String asciiAmount(Announcement a) {
    TextFolding.Folded t = TextFolding.ascii(a.amount().text());
    return t.lossless() && !t.text().isEmpty() ? t.text() : figure(a);
  }

  private static String gsmAmount(Announcement a) {
    TextFolding.Folded t = Gsm7.transliterate(a.amount().text());
    return t.lossless() && !t.text().isEmpty() ? t.text() : figure(a);
  }

  /** "CNY 380 billion": safe in every character set. */
  private static String figure(Announcement a) {
    BigDecimal v = a.amount().value();
    String n = v.abs().compareTo(MILLION) >= 0 ? scaled(v.abs(), false)
        : NumberFormat.getIntegerInstance(Locale.US).format(v.abs().setScale(0, RoundingMode.HALF_UP));
    String currency = TextFolding.ascii(a.amount().currency()).text();
    return (v.signum() < 0 ? "-" : "") + currency + " " + n;
  }

  private static String asciiOr(String text, String fallback) {
    String folded = TextFolding.ascii(text).text();
    return folded.isEmpty() ? fallback : folded;
  }

  /** The event's sources; an event stored without any lists its own first item. */
  private static List<Source> sourcesOf(Announcement a) {
    return a.sources().isEmpty() ? List.of(new Source(a.link(), null, a.title(), a.published())) : a.sources();
  }

  private static void line(StringBuilder b, String label, String value) {
    b.append(String.format(Locale.ROOT, "%-10s %s", label + ":", value)).append('\n');
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write alert JSON", e);
    }
  }
}
