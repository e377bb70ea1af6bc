package com.capexalerts.core.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One known commitment of a company: the unit an alert is about. Whatever its age, a later finding of the same
 * company, amount, period and place is this commitment restated.
 *
 * @param key       ledger key; for {@link CommitmentOrigin#ALERT} the event key, else derived the same way
 * @param company   canonical watchlist name
 * @param amount    amount as stated, in {@code currency}
 * @param currency  ISO code of {@code amount}
 * @param amountUsd amount in USD: what matching compares
 * @param period    stated time span as written ("fiscal 2026", "over three years") or null
 * @param what      one line: what the money is for (seed: our own words; otherwise the evidence sentence)
 * @param announced the day it was announced (seed) or first published (otherwise)
 * @param firstSeen when this ledger first recorded it
 * @param link      a public link to the announcement or the first item, or null
 * @param origin    seed, alert or mention
 * @param sources   how many items carried it (distinct links)
 */
public record Commitment(
    String key,
    String company,
    BigDecimal amount,
    String currency,
    BigDecimal amountUsd,
    String period,
    String what,
    LocalDate announced,
    Instant firstSeen,
    String link,
    CommitmentOrigin origin,
    int sources) {
  public Commitment {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(amountUsd, "amountUsd");
    Objects.requireNonNull(announced, "announced");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(origin, "origin");
    if (key.isBlank()) {
      throw new IllegalArgumentException("blank key");
    }
    if (amountUsd.signum() <= 0) {
      throw new IllegalArgumentException("amount_usd must be positive, was " + amountUsd.toPlainString());
    }
    what = what == null ? "" : what;
    period = period == null || period.isBlank() ? null : period.strip();
  }

  public Commitment withSources(int n) {
    return new Commitment(key, company, amount, currency, amountUsd, period, what, announced, firstSeen, link, origin,
        n);
  }
}
