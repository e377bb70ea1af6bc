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
    boolean raise) {}
