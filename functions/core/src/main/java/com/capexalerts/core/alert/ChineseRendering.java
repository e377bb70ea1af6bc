package com.capexalerts.core.alert;

import com.capexalerts.core.detect.zh.ChinesePeriod;
import com.capexalerts.core.detect.zh.ChineseText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * What an alert from a Chinese-language item says where Chinese cannot be written (SMS in GSM-7, ASCII subjects):
 * the amount with its currency code, the time span and the object in English, and the outlet.
 */
final class ChineseRendering {
  private ChineseRendering() {}

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000L);
  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
  private static final BigDecimal TRILLION = BigDecimal.valueOf(1_000_000_000_000L);

  /** Chinese words of the evidence and what the commitment is for, first match wins. */
  private static final List<String[]> SCOPES =
      List.of(
          new String[] {"云和AI|雲和AI|云与AI|雲與AI|云及AI|雲及AI|雲端及AI|云与人工智能|雲與人工智能", "cloud and AI infrastructure"},
          new String[] {"基础设施|基礎設施|基建", "AI infrastructure"},
          new String[] {"数据中心|數據中心|資料中心|数据中心", "data centres"},
          new String[] {"算力|運算能力|运算能力", "computing capacity"},
          new String[] {"芯片|晶片|GPU|半导体|半導體", "AI chips"},
          new String[] {"服务器|伺服器", "AI servers"},
          new String[] {"资本开支|資本開支|资本支出|資本支出", "capex"},
          new String[] {"入股|持股|股权|股權", "stake"});

  /** True when the alert's evidence is written in Chinese. */
  static boolean applies(Announcement a) {
    return ChineseText.isChinese(a.evidence(), "");
  }

  /** "380bn CNY", "1.2tn JPY", "500m USD". */
  static String amount(BigDecimal value, String currency) {
    BigDecimal abs = value.abs();
    String n;
    if (abs.compareTo(TRILLION) >= 0) {
      n = short1(abs, TRILLION) + "tn";
    } else if (abs.compareTo(BILLION) >= 0) {
      n = short1(abs, BILLION) + "bn";
    } else if (abs.compareTo(MILLION) >= 0) {
      n = short1(abs, MILLION) + "m";
    } else {
      n = abs.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }
    return (value.signum() < 0 ? "-" : "") + n + " " + currency;
  }

  /** "$53bn", "$1.2tn". */
  static String usd(BigDecimal usd) {
    String s = amount(usd, "USD");
    return "$" + s.substring(0, s.length() - 4);
  }

  private static String short1(BigDecimal v, BigDecimal unit) {
    return v.divide(unit, 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** What the money is for, in English, or null. */
  static String scope(String evidence) {
    for (String[] s : SCOPES) {
      for (String word : s[0].split("\\|")) {
        if (evidence.contains(word)) {
          return s[1];
        }
      }
    }
    return null;
  }

  /** The period in English, or null when it has no English reading. */
  static String period(String period) {
    return period == null || period.isBlank() ? null : ChinesePeriod.english(period);
  }

  /** The first source's outlet when it folds to ASCII, else its web host ("sina.com.cn"), else null. */
  static String outlet(Announcement a) {
    List<Source> sources = a.sources();
    Source first = sources.isEmpty() ? null : sources.get(0);
    String outlet = first == null ? null : first.outlet();
    if (outlet != null && !outlet.isBlank()) {
      TextFolding.Folded f = TextFolding.ascii(outlet.strip());
      if (f.lossless() && !f.text().isEmpty()) {
        return f.text();
      }
    }
    String link = first != null && first.link() != null ? first.link() : a.link();
    if (link == null) {
      return null;
    }
    try {
      String host = java.net.URI.create(link.strip()).getHost();
      if (host == null) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("www.") ? host.substring(4) : host;
    } catch (IllegalArgumentException e) {
      return null; // not a URL: no outlet to name
    }
  }

  /** "Alibaba: 380bn CNY (~$53bn) AI infrastructure, over the next three years - source: Example Wire". */
  static String sms(Announcement a, String prefix) {
    StringBuilder s = new StringBuilder(prefix);
    s.append(Gsm7.transliterate(a.company()).text()).append(": ");
    boolean usd = "USD".equalsIgnoreCase(a.amount().currency());
    if (usd) {
      s.append(usd(a.amountUsd()));
    } else {
      s.append(amount(a.amount().value(), a.amount().currency())).append(" (~").append(usd(a.amountUsd())).append(')');
    }
    String scope = scope(a.evidence());
    if (scope != null) {
      s.append(' ').append(scope);
    }
    String period = period(a.period());
    if (period != null) {
      s.append(", ").append(period);
    }
    String outlet = outlet(a);
    if (outlet != null) {
      s.append(" - source: ").append(outlet);
    }
    return s.toString();
  }
}
