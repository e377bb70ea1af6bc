package com.capexalerts.core.detect.zh;

import com.capexalerts.core.company.Company;
import com.capexalerts.core.money.MoneySpan;
import java.math.BigDecimal;

/**
 * A figure bound to a company, before merging.
 *
 * @param part       marked as a part of a total (其中, 首期) or the difference to an earlier figure
 * @param additional an additional amount (再, 追加): news of its own, not a part of the total it leads to
 */
record ChineseCandidate(Company company, ChineseSentence sent, MoneySpan money, BigDecimal usd, boolean announced,
    boolean dated, boolean raise, boolean part, boolean additional, String period) {}
