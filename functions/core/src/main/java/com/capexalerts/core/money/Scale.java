package com.capexalerts.core.money;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scale word or abbreviation after a number ("billion", "bn", "crore", "B"), with its factor; single letters count
 * only when glued to the number ("$80B", {@code attachedOnly}).
 */
record Scale(String text, BigDecimal factor, boolean attachedOnly) {
  static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000L);
  static final BigDecimal LAKH = BigDecimal.valueOf(100_000L);
  static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000L);
  static final BigDecimal CRORE = BigDecimal.valueOf(10_000_000L);
  static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
  static final BigDecimal TRILLION = BigDecimal.valueOf(1_000_000_000_000L);

  /** Scale words and abbreviations, longest first; single letters only when glued to the number ("$80B"). */
  static final List<Scale> ALL =
      List.of(
          new Scale("lakh crore", TRILLION, false),
          new Scale("lakh-crore", TRILLION, false),
          new Scale("trillion", TRILLION, false),
          new Scale("thousand", THOUSAND, false),
          new Scale("billion", BILLION, false),
          new Scale("million", MILLION, false),
          new Scale("crore", CRORE, false),
          new Scale("lakh", LAKH, false),
          new Scale("trn", TRILLION, false),
          new Scale("bln", BILLION, false),
          new Scale("bil", BILLION, false), // Malaysian press: "US$2bil", "RM10bil"
          new Scale("mln", MILLION, false),
          new Scale("tn", TRILLION, false),
          new Scale("bn", BILLION, false),
          new Scale("mn", MILLION, false),
          new Scale("cr", CRORE, false),
          new Scale("tr", TRILLION, true),
          new Scale("b", BILLION, true),
          new Scale("m", MILLION, true),
          new Scale("k", THOUSAND, true),
          new Scale("T", TRILLION, true));

  /** The scale written as {@code text}, one of {@link #ALL}. */
  static Scale of(String text) {
    for (Scale m : ALL) {
      if (m.text.equals(text)) {
        return m;
      }
    }
    throw new IllegalStateException(text);
  }
}
