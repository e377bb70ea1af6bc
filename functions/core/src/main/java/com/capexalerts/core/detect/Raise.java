package com.capexalerts.core.detect;

import java.util.Set;

/**
 * <b>Raise</b> stage: a raise verb with a plan noun ("raised its 2025 capex forecast to"), or a plan figure given
 * with an earlier one ("to $85 billion from $75 billion previously").
 */
final class Raise {
  private Raise() {}

  static final Set<String> PAST_MARKERS_AFTER_BASELINE = Lexicon.words("raise/past-markers-after-baseline");

  static boolean isRaise(Token[] t, int from, int m, int nextMoney) {
    for (int r = from; r < m; r++) {
      if (t[r].isWord() && t[r].has(Cue.RAISE_VERB) && Clauses.anyFlag(t, r + 1, m, Cue.PLAN_NOUN)) {
        return true;
      }
    }
    if (nextMoney > 0 && (t[nextMoney - 1].is("from") || (t[nextMoney - 1].is("the") && t[nextMoney - 2].is("from")))) {
      if (Clauses.anyFlag(t, from, m, Cue.PLAN_NOUN)) {
        for (int k = nextMoney - 1; k < t.length && k <= nextMoney + 3; k++) {
          if (t[k].isWord() && (PAST_MARKERS_AFTER_BASELINE.contains(t[k].norm) || t[k].has(Cue.PLAN_NOUN))) {
            return true;
          }
        }
        for (int r = from; r < m; r++) {
          if (t[r].isWord() && t[r].has(Cue.RAISE_VERB)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
