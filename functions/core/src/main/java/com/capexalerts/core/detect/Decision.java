package com.capexalerts.core.detect;

import java.util.Objects;

/**
 * One decision taken about a money amount (or an item, or a finding) on its way to an alert, with the reason: the
 * detector's stages record theirs ("role", "spender", "scope", "commitment", "kind", "raise", "merge"), and later
 * steps may append their own (a ledger's "known commitment", a threshold).
 *
 * @param stage   the step that decided ("role", "spender", "ledger" ...)
 * @param outcome what it decided ("invest", "Meta", "dropped", "mention" ...)
 * @param reason  why, in words from the item where possible ("by 'will invest'"); may be empty
 */
public record Decision(String stage, String outcome, String reason) {
  public Decision {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(outcome, "outcome");
    reason = reason == null ? "" : reason;
  }

  /** "stage: outcome, reason". */
  @Override
  public String toString() {
    return stage + ": " + outcome + (reason.isEmpty() ? "" : ", " + reason);
  }
}
