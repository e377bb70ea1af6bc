package com.capexalerts.core.detect;

import com.capexalerts.core.money.MoneyAmount;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One company's money figure found in an item, with the sentence that proves it.
 *
 * @param company   canonical watchlist name (e.g. "Alibaba")
 * @param kind      announcement or mention
 * @param amount    amount and currency as written (for ranges: the upper bound)
 * @param amountUsd the amount in US dollars, from the rate table
 * @param period    time span as written ("over the next three years", "in fiscal 2025") or null
 * @param evidence  the sentence the finding comes from
 * @param raise     true when the figure raises an earlier plan of the same company
 * @param increment true when the figure is new money on top of an earlier commitment ("another $4 billion")
 */
public record Finding(
    String company,
    FindingKind kind,
    MoneyAmount amount,
    BigDecimal amountUsd,
    String period,
    String evidence,
    boolean raise,
    boolean increment) {
  /** A finding that is not an increment. */
  public Finding(String company, FindingKind kind, MoneyAmount amount, BigDecimal amountUsd, String period,
      String evidence, boolean raise) {
    this(company, kind, amount, amountUsd, period, evidence, raise, false);
  }

  public Finding {
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(amountUsd, "amountUsd");
    Objects.requireNonNull(evidence, "evidence");
  }
}
