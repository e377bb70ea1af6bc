package com.capexalerts.core.alert;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Derives the deterministic key of a new event from its first finding: company slug, UTC publication date and USD
 * amount rounded to two significant digits, e.g. {@code alibaba-2025-02-24-53b}. Re-processing the same item gives
 * the same key, so the conditional create makes retries idempotent.
 */
public final class EventKeys {
  private static final BigDecimal BILLION = new BigDecimal("1e9");
  private static final BigDecimal MILLION = new BigDecimal("1e6");

  private EventKeys() {}

  public static EventKey derive(String company, Instant published, BigDecimal amountUsd) {
    String date = published.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    return new EventKey(slug(company) + "-" + date + "-" + amountLabel(amountUsd));
  }

  /** "Alibaba Group" becomes "alibaba-group"; accents are folded, anything else becomes one dash. */
  static String slug(String company) {
    String folded = Normalizer.normalize(company, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "company" : slug;
  }

  /** 53_400_000_000 becomes "53b", 1_450_000_000 "1.5b", 750_000_000 "750m". */
  static String amountLabel(BigDecimal usd) {
    BigDecimal abs = usd.abs();
    String unit;
    BigDecimal scaled;
    if (abs.compareTo(BILLION) >= 0) {
      unit = "b";
      scaled = abs.divide(BILLION, MathContext.DECIMAL64);
    } else if (abs.compareTo(MILLION) >= 0) {
      unit = "m";
      scaled = abs.divide(MILLION, MathContext.DECIMAL64);
    } else {
      unit = "usd";
      scaled = abs;
    }
    // Two significant digits below 10 units, whole units above: "1.5b", "53b", "380b".
    BigDecimal rounded = scaled.compareTo(BigDecimal.TEN) < 0
        ? scaled.round(new MathContext(2, RoundingMode.HALF_UP))
        : scaled.setScale(0, RoundingMode.HALF_UP);
    return rounded.stripTrailingZeros().toPlainString() + unit;
  }
}
