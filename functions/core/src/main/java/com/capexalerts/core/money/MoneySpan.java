package com.capexalerts.core.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A money amount found in a text, with where it is.
 *
 * @param amount    the amount as written (ranges: the upper bound; the text covers the whole range and any
 *                  qualifier such as "more than")
 * @param start     offset of the first character (the qualifier, if any)
 * @param end       offset after the last character (after a parenthetical conversion, if any)
 * @param statedUsd the US-dollar conversion stated next to a foreign amount ("380 billion yuan ($53 billion)"),
 *                  or null
 * @param range     true for "$60 billion to $65 billion" and the like
 * @param yenSign   true when the currency came from a bare ¥ sign, which is yen or yuan depending on context; the
 *                  caller may re-read it with {@link #withCurrency}
 */
public record MoneySpan(
    MoneyAmount amount, int start, int end, BigDecimal statedUsd, boolean range, boolean yenSign) {
  public MoneySpan {
    Objects.requireNonNull(amount, "amount");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }
  }

  /** The same span read in another currency (used to settle a bare ¥ sign). */
  public MoneySpan withCurrency(String currency) {
    if (currency.equals(amount.currency())) {
      return this;
    }
    return new MoneySpan(
        new MoneyAmount(amount.value(), currency, amount.text()), start, end, statedUsd, range, yenSign);
  }
}
