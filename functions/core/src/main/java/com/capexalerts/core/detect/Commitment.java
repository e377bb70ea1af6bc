package com.capexalerts.core.detect;

import java.util.Set;

/**
 * <b>Not a commitment</b> stage: analysts' estimates, tentative talk ("in talks", "in early discussions",
 * "considering", "could", "eyes"), denials, stalled plans and reported period results ("capex rose to $22.6 billion
 * in the quarter") in the spender's clause are dropped.
 */
final class Commitment {
  private Commitment() {}

  static final Set<String> CHANGED_VERBS = Lexicon.words("commitment/changed-verbs");

  /** "told analysts", "on a call with analysts": analysts as listeners, not as the source of a figure. */
  static final Set<String> AUDIENCE = Lexicon.words("commitment/audience");

  static final Set<String> EXPECT_VERBS = Lexicon.words("commitment/expect-verbs");

  /**
   * Why the amount is no commitment of its spender, or null. The clause runs from clauseFrom (the spender) or base
   * (the previous amount or the clause start) to the amount. Constant reasons: no allocation.
   */
  static String notCommitted(ItemContext ctx, Token[] t, int base, int clauseFrom, int prevMoney, int m, int rightEnd) {
    if (tentativeCue(t, clauseFrom, m) >= 0) {
      return TENTATIVE;
    }
    if (Clauses.anyFlag(t, base, m, Cue.STALLED) || stalledAfter(t, m)) {
      return STALLED;
    }
    if (partOfRejected(ctx, t, prevMoney, m)) {
      return "part of a total found to be no commitment";
    }
    if (isEstimate(t, base, m)) {
      return ESTIMATE;
    }
    if (isReportedResult(t, clauseFrom, m, rightEnd)) {
      return "a reported period result";
    }
    if (reportedChange(t, base, m)) {
      return "a reported change";
    }
    return null;
  }

  static final Set<String> POOL_NOUNS = Lexicon.words("commitment/pool-nouns");
  static final Set<String> POOL_WORDS = Lexicon.words("commitment/pool-words");

  /**
   * The amount is a pool of several companies' pledges: a plural pledge noun within four words of it, with a pool
   * word near ("the centrepiece of £31 billion of US tech pledges", "several US tech pledges worth $42 billion").
   */
  static boolean pooled(Token[] t, int m) {
    int noun = -1;
    for (int k = Math.max(0, m - 4); k < Math.min(t.length, m + 5); k++) {
      if (k != m && t[k].isWord() && POOL_NOUNS.contains(t[k].norm)) {
        noun = k;
        break;
      }
    }
    if (noun < 0) {
      return false;
    }
    for (int k = Math.max(0, noun - 4); k < noun; k++) {
      if (t[k].isWord() && POOL_WORDS.contains(t[k].norm)) {
        return true;
      }
    }
    return false;
  }

  static final Set<String> GUIDANCE_LEVELS = Lexicon.words("commitment/guidance-levels");
  private static final Set<String> MODALS = Set.of("could", "may", "might");

  /**
   * The first tentative cue in [from, m), or -1. "could" before a level in a sentence about capital spending ("its
   * capital spending this year could reach $175 billion to $185 billion") is how guidance ranges are told: not
   * tentative.
   */
  static int tentativeCue(Token[] t, int from, int m) {
    for (int k = Math.max(0, from); k < m && k < t.length; k++) {
      if (!t[k].isWord() || !t[k].has(Cue.TENTATIVE)) {
        continue;
      }
      if (k >= 2 && (t[k - 1].is("the") && (t[k - 2].is("with") || t[k - 2].is("on")))) {
        continue; // "a person familiar with the discussions said": the source, not talks
      }
      if (MODALS.contains(t[k].norm) && k + 1 < m && t[k + 1].isWord() && GUIDANCE_LEVELS.contains(t[k + 1].norm)
          && capex(t, m)) {
        continue;
      }
      return k;
    }
    return -1;
  }

  /**
   * The sentence speaks of a company's own capital spending: a capex word after a possessive ("its capital
   * spending", "Meta's capex") or after "says" ("Meta says capex could ..."), not of a sector's ("spending on AI
   * infrastructure could reach $3 trillion").
   */
  private static boolean capex(Token[] t, int m) {
    for (int k = 0; k < m; k++) {
      if (!t[k].isWord() || !Background.CAPEX_WORDS.contains(t[k].norm)) {
        continue;
      }
      for (int j = k - 1; j >= Math.max(0, k - 3); j--) {
        if (t[j].possessive || t[j].is("its") || t[j].is("their") || t[j].is("our")) {
          return true;
        }
        if (j == k - 1 && j >= 1 && (t[j].is("says") || t[j].is("said")) && t[j - 1].kind == Token.Kind.COMPANY) {
          return true; // "Meta says capex could nearly double"
        }
      }
    }
    return false;
  }

  /** {@link #notCommitted} reasons whose cue word an explanation quotes. */
  static final String TENTATIVE = "tentative talk or denial";
  static final String STALLED = "stalled or not going ahead";
  static final String ESTIMATE = "someone else's estimate";

  /** "Nvidia's $100 billion OpenAI investment plan stalls": the rest of the clause says it is not going ahead. */
  static boolean stalledAfter(Token[] t, int m) {
    int words = 0;
    for (int k = m + 1; k < t.length && words < 8; k++) {
      if (t[k].kind == Token.Kind.MONEY || t[k].is(",") || t[k].is(";")) {
        return false;
      }
      if (t[k].isWord()) {
        if (t[k].has(Cue.STALLED)) {
          return true;
        }
        words++;
      }
    }
    return false;
  }

  /** "capital expenditure more than doubled to 19.1 billion yuan": a reported change, not a plan. */
  static boolean reportedChange(Token[] t, int from, int m) {
    if (m == 0 || !t[m - 1].is("to") || Clauses.anyFlag(t, from, m, Cue.FORWARD | Cue.PLAN_NOUN)) {
      return false;
    }
    for (int k = m - 2; k >= Math.max(from, m - 4); k--) {
      if (t[k].isWord() && CHANGED_VERBS.contains(t[k].norm)) {
        return true;
      }
    }
    return false;
  }

  /** "denied ... $12 billion ..., including 40 billion yuan for chips": a part shares its total's fate. */
  static boolean partOfRejected(ItemContext ctx, Token[] t, int prevMoney, int m) {
    if (prevMoney < 0 || !ctx.rejectedTokens.contains(t[prevMoney].start)) {
      return false;
    }
    for (int k = prevMoney + 1; k < m; k++) {
      if (t[k].is("including") || t[k].is("which")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Someone else's estimate: an analyst cue close before the amount ("analysts' estimates of $75 billion"), or
   * further before or after it unless it only compares with estimates ("above analysts' expectations").
   */
  static boolean isEstimate(Token[] t, int base, int m) {
    int words = 0;
    for (int k = m - 1; k >= base; k--) {
      if (!t[k].isWord()) {
        continue;
      }
      words++;
      if (t[k].has(Cue.ANALYST) && (words <= 5 || (!negated(t, k) && expects(t, k)))) {
        return true;
      }
    }
    words = 0;
    for (int k = m + 1; k < t.length && words < 10; k++) {
      Token x = t[k];
      if (x.kind == Token.Kind.MONEY || x.is(";")) {
        break;
      }
      if (!x.isWord()) {
        continue;
      }
      words++;
      if (x.has(Cue.ANALYST) && !negated(t, k)) {
        return true;
      }
      if (Clauses.RIGHT_STOPS.contains(x.norm) && !x.is("according")) {
        break;
      }
    }
    return false;
  }

  /** "analysts expect Microsoft to spend ...": the estimate verb after the analyst cue. */
  static boolean expects(Token[] t, int k) {
    // "analysts expect", "analysts polled by a data provider expect"
    for (int j = k + 1; j < t.length && j <= k + 6 && t[j].kind != Token.Kind.MONEY && !t[j].is(","); j++) {
      if (t[j].isWord() && EXPECT_VERBS.contains(t[j].norm)) {
        return true;
      }
    }
    return !t[k].is("analyst") && !t[k].is("analysts"); // the phrases ("according to estimates") are estimates
  }

  static boolean negated(Token[] t, int k) {
    for (int j = k - 1; j >= 0 && j >= k - 3; j--) {
      if (t[j].isWord() && (t[j].has(Cue.NEGATES_ESTIMATE) || AUDIENCE.contains(t[j].norm))) {
        return true; // "above analysts' estimates", "told analysts": not their estimate
      }
    }
    return false;
  }

  /** "capital expenditures rose to $22.6 billion in the quarter": a reported period, nothing forward-looking. */
  static boolean isReportedResult(Token[] t, int from, int m, int rightEnd) {
    // "said in its fourth-quarter letter that it will invest": the period belongs to the report, not the amount
    for (int k = m - 1; k > from; k--) {
      if (t[k].is("that")) {
        from = k + 1;
        break;
      }
    }
    return Clauses.anyFlag(t, from, rightEnd, Cue.RESULTS)
        && !Clauses.anyFlag(t, from, m, Cue.FORWARD)
        && !Clauses.anyFlag(t, m + 1, rightEnd, Cue.FORWARD);
  }
}
