package com.capexalerts.core.detect.zh;

import com.capexalerts.core.company.Company;
import com.capexalerts.core.money.MoneySpan;
import java.math.BigDecimal;

/** A figure bound to a company, before merging. */
record ChineseCandidate(Company company, ChineseSentence sent, MoneySpan money, BigDecimal usd, boolean announced,
    boolean dated, boolean raise, boolean part, String period) {}
