package com.capexalerts.core.detect.zh;

import com.capexalerts.core.company.Company;
import com.capexalerts.core.money.MoneySpan;
import java.math.BigDecimal;

/**
 * A figure bound to a company, before merging.
 *
 * @param part marked as a part of a total (其中, 首期) or the difference to an earlier figure
 */
record ChineseCandidate(Company company, ChineseSentence sent, MoneySpan money, BigDecimal usd, boolean announced,
    boolean dated, boolean raise, boolean part, String period) {}
