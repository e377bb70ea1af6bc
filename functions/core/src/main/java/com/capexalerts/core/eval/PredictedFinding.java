package com.capexalerts.core.eval;

import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.FindingKind;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A detector finding as the scorer sees it: either straight from {@link Finding} (in-process) or read back from the
 * CLI's JSON Lines, where only these fields survive.
 *
 * @param amount   the amount as written, in {@code currency} units; null when the JSON gave none
 * @param currency ISO code of {@code amount}; null when the JSON gave none
 * @param period   time span as written, or null
 * @param evidence the sentence the finding comes from ("" when the JSON gave none)
 */
public record PredictedFinding(
    String company,
    FindingKind kind,
    BigDecimal amount,
    String currency,
    BigDecimal amountUsd,
    String period,
    String evidence) {
  public PredictedFinding {
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(amountUsd, "amountUsd");
    evidence = evidence == null ? "" : evidence;
  }

  public static PredictedFinding of(Finding finding) {
    return new PredictedFinding(
        finding.company(),
        finding.kind(),
        finding.amount().value(),
        finding.amount().currency(),
        finding.amountUsd(),
        finding.period(),
        finding.evidence());
  }
}
