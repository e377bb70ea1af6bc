package com.capexalerts.core.detect;

import com.capexalerts.core.company.Company;
import com.capexalerts.core.money.MoneySpan;
import java.math.BigDecimal;

/**
 * One watched company's investment figure in one sentence, before merging into findings.
 *
 * @param old      dated: a past figure, reaffirmation, running total or plan referred to (a mention)
 * @param weak     framed: not the subject of its own clause, compared, or in a relative clause
 * @param shared   one of several spenders of a stated joint figure
 * @param position start offset of the amount in its sentence
 * @param raise    a raised plan
 * @param tenseOnly dated only by the past tense of the news itself ("has completed", "has invested"), which a
 *                 present-tense headline stating the same figure overrides
 */
record Candidate(
    Company company,
    boolean old,
    boolean weak,
    boolean shared,
    MoneySpan money,
    BigDecimal usd,
    String period,
    Sent sent,
    int position,
    boolean raise,
    boolean tenseOnly) {
  Candidate framed() {
    return new Candidate(company, old, true, shared, money, usd, period, sent, position, raise, tenseOnly);
  }
}
