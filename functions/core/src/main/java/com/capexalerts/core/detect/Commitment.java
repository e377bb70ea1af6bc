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
    if (tentativeCue(t, clauseFrom, m) >= 0 && guidanceSpeaker(t, base, m) < 0) {
      return TENTATIVE;
    }
    if (Clauses.anyFlag(t, base, m, Cue.STALLED) || stalledAfter(t, m)) {
      return STALLED;
    }
    if (partOfRejected(ctx, t, prevMoney, m)) {
      return "part of a total found to be no commitment";
    }
    if (listedWithRejected(ctx, t, prevMoney, m)) {
      return "listed with a figure found to be no commitment";
    }
    if (changedFromRejected(ctx, t, prevMoney, m)) {
      return "the earlier value of a figure found to be no commitment";
    }
    if (isEstimate(t, base, m) || forecasterSentence(t) >= 0) {
      return ESTIMATE;
    }
    if (pooled(t, m) >= 0) {
      return POOLED;
    }
    if (isReportedResult(t, clauseFrom, m, rightEnd)) {
      return "a reported period result";
    }
    if (reportedChange(t, base, m)) {
      return "a reported change";
    }
    return null;
  }

  /**
   * "putting $100 billion behind it initially and could invest up to $500 billion": the money at m is the ceiling
   * of a commitment whose first tranche (at first, with "initially") the same sentence states; "could" there
   * describes the ceiling, not talk.
   */
  static boolean trancheCeiling(Sent s, int first, int m) {
    Token[] t = s.tokens();
    if (first < 0 || m < 0 || first >= m || t[m].kind != Token.Kind.MONEY || t[first].kind != Token.Kind.MONEY) {
      return false;
    }
    String ceiling = s.money.get(t[m].ref).amount().text();
    boolean growing = m >= 2 && t[m - 1].is("to") && t[m - 2].isWord() && GROWING.contains(t[m - 2].norm)
        || t[m - 1].is("reach"); // "starts at $1.25 billion and could reach $4 billion"
    if (!growing && !ceiling.regionMatches(true, 0, "up to ", 0, 6) && !ceiling.regionMatches(true, 0, "as much as ", 0, 11)) {
      return false; // the ceiling: "up to $500 billion", "the total potentially growing to $500 billion"
    }
    boolean initially = first > 0 && (t[first - 1].is("initial") // "commit an initial $100 billion"
        || (first > 1 && (t[first - 1].is("at") || t[first - 1].is("with")) && (t[first - 2].is("starts")
            || t[first - 2].is("begins") || t[first - 2].is("start") || t[first - 2].is("begin"))));
    boolean could = false;
    for (int k = first + 1; k < m; k++) {
      if (t[k].is(";") || t[k].is(".")) {
        return false;
      }
      initially |= Framing.isTranche(t[k]) || t[k].is("initial") || (k == first + 1 && FIRST_TRANCHE.contains(t[k].norm));
      could |= initially && (t[k].is("could") || t[k].is("may") || t[k].is("might") || t[k].is("potentially"));
    }
    return initially && could;
  }

  /**
   * "Alphabet said it could spend as much as $185 billion": the company itself gives the ceiling of its own spending
   * with "could" or "may". Guidance, not talk; a brokerage's "ByteDance could invest as much as ..." stays talk, and
   * so does a bare "could invest $10 billion" (no ceiling: a conditional offer).
   */
  static boolean ownCeiling(Sent s, int m) {
    Token[] t = s.tokens();
    if (m < 5 || t[m].kind != Token.Kind.MONEY) {
      return false;
    }
    String figure = s.money.get(t[m].ref).amount().text();
    if (!figure.regionMatches(true, 0, "up to ", 0, 6) && !figure.regionMatches(true, 0, "as much as ", 0, 11)) {
      return false;
    }
    int could = m - 2;
    if (!(t[m - 1].isWord() && t[m - 1].has(Cue.INVEST)) || !(t[could].is("could") || t[could].is("may"))) {
      return false;
    }
    return (t[could - 1].is("it") || t[could - 1].is("they")) && t[could - 2].isWord()
        && REPORTING_VERBS.contains(t[could - 2].norm) && t[could - 3].kind == Token.Kind.COMPANY;
  }

  private static final Set<String> GROWING = Set.of("growing", "rising", "grow", "rise", "expanding", "expand");
  /** Said right after a first figure: the tranche its ceiling builds on. */
  private static final Set<String> FIRST_TRANCHE = Set.of("initially", "first", "upfront", "up-front");

  /** The first tentative cue in [from, m), or -1; "familiar with the discussions" names a source, not talks. */
  static int tentativeCue(Token[] t, int from, int m) {
    for (int k = Math.max(0, from); k < m && k < t.length; k++) {
      if (!t[k].isWord() || !t[k].has(Cue.TENTATIVE)) {
        continue;
      }
      if (k >= 2 && (t[k - 1].is("the") && (t[k - 2].is("with") || t[k - 2].is("on")))) {
        continue; // "a person familiar with the discussions said": the source, not talks
      }
      if (t[k].is("preliminary") && planNounAfter(t, k, m)) {
        continue; // "has drawn up a preliminary 2026 capital expenditure plan of": a plan, reported (rule 9)
      }

      return k;
    }
    return -1;
  }

  /** A plan or budget noun within four words after k, before the amount at m. */
  private static boolean planNounAfter(Token[] t, int k, int m) {
    for (int j = k + 1; j < m && j <= k + 5; j++) {
      if (t[j].isWord() && t[j].has(Cue.PLAN_NOUN)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #notCommitted} reasons whose cue word an explanation quotes. */
  static final String TENTATIVE = "tentative talk or denial";
  static final String STALLED = "stalled or not going ahead";
  static final String ESTIMATE = "someone else's estimate";
  static final String POOLED = "several companies' money pooled";

  /**
   * "£31 billion of US tech pledges", "several US tech pledges worth $42 billion": the amount totals several
   * companies' money, so it is no one company's commitment. Index of the word that pools it, or -1.
   */
  static int pooled(Token[] t, int m) {
    int words = 0;
    for (int k = m + 1; k < t.length && words < 5; k++) {
      Token x = t[k];
      if (!x.isWord() || Clauses.RIGHT_STOPS.contains(x.norm)) {
        break; // "$80 billion, more than other hyperscalers": another clause
      }
      if (x.has(Cue.POOLED)) {
        return k;
      }
      words++;
    }
    int lead = m - 1; // "worth a combined $42 billion", "totalling some $30 billion"
    while (lead > 0 && (t[lead].is("a") || t[lead].is("combined") || t[lead].is("total") || t[lead].is("of")
        || t[lead].is("some") || t[lead].is("about") || t[lead].is("roughly") || t[lead].is("nearly"))) {
      lead--;
    }
    if (m == 0 || !(t[lead].is("worth") || t[lead].is("totalling") || t[lead].is("totaling")
        || t[m - 1].is("combined"))) {
      return -1;
    }
    words = 0;
    for (int k = lead - 1; k >= 0 && words < 6; k--) {
      Token x = t[k];
      if (x.kind == Token.Kind.MONEY || x.kind == Token.Kind.COMPANY || x.is(";")) {
        break;
      }
      if (x.isWord()) {
        if (x.has(Cue.POOLED)) {
          return k;
        }
        words++;
      }
    }
    return -1;
  }

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

  /**
   * "Meta said its capital expenditures could nearly double this year to as much as $135 billion": a company giving
   * its own capex range with "could" or "may" gives guidance, not talk. Index of the reporting verb, or -1.
   */
  static int guidanceSpeaker(Token[] t, int base, int m) {
    int could = -1;
    for (int k = base; k < m; k++) {
      if (t[k].isWord() && t[k].has(Cue.TENTATIVE)) {
        if (could >= 0 || !(t[k].is("could") || t[k].is("may"))) {
          return -1; // more than a modal: real talk ("in talks", "considering")
        }
        could = k;
      }
    }
    if (could < 0) {
      return -1;
    }
    for (int k = could + 1; k < m; k++) {
      // "may roughly double in 2026, targeting $175 billion to $185 billion"
      boolean ok = t[k].isWord() ? GUIDANCE_WORDS.contains(t[k].norm) || Cue.isYear(t[k].norm) : t[k].is(",");
      if (!ok) {
        return -1;
      }
    }
    int noun = -1;
    for (int k = could - 1, words = 0; k >= base && words < 4; k--) {
      if (t[k].is("capex") || t[k].is("capital") && t[k].has(Cue.INVEST)) {
        noun = k; // "capex", "capital expenditures", "capital spending": the company's own budget
        break;
      }
      words++;
    }
    // "said its 2026 capital expenditures", "says capex": the speaker's own capex, not "AI spending could reach"
    for (int k = noun - 1; noun > 0 && k >= base; k--) {
      if (t[k].isWord() && REPORTING_VERBS.contains(t[k].norm)) {
        return k;
      }
      if (!t[k].isWord() || !(t[k].is("its") || t[k].is("their") || t[k].is("our") || t[k].is("that") || Cue.isYear(t[k].norm))) {
        return -1;
      }
    }
    return -1;
  }

  /** Between "could" and a guided figure: "reach", "nearly double this year to", "rise to". */
  static final Set<String> GUIDANCE_WORDS = Lexicon.words("commitment/guidance-words");

  /** The company speaking: "said", "says", "told". */
  static final Set<String> REPORTING_VERBS = Set.of("said", "says", "told", "tells", "forecast", "forecasts",
      "signalled", "signaled", "signals", "indicated", "indicates", "guided");

  /** "cut quarterly capex to 19.1 billion yuan and 13 billion yuan in the ... quarters": a list shares its fate. */
  static boolean listedWithRejected(ItemContext ctx, Token[] t, int prevMoney, int m) {
    if (prevMoney < 0 || !ctx.rejectedTokens.contains(t[prevMoney].start)) {
      return false;
    }
    if (m - prevMoney == 2 && (t[m - 1].is("and") || t[m - 1].is("or"))) {
      return true;
    }
    // "reported revenue of 192.9 billion yuan and capital expenditure of 13 billion yuan": the list of results
    // "sold its Nvidia shares for $5.83 billion and part of its T-Mobile stake for $9.17 billion": the sale's list
    if (m - prevMoney > 9 || !t[prevMoney + 1].is("and") || !(t[m - 1].is("of") || t[m - 1].is("for"))) {
      return false;
    }
    for (int k = prevMoney + 2; k < m - 1; k++) {
      if (!t[k].isWord() || t[k].has(Cue.FORWARD) || t[k].is("will") || t[k].is("plans") || t[k].is("expects")) {
        return false;
      }
    }
    return true;
  }

  /** "values it at $183 billion after the investment, up from about $61.5 billion in March": the same measure. */
  static boolean changedFromRejected(ItemContext ctx, Token[] t, int prevMoney, int m) {
    if (prevMoney < 0 || m - prevMoney > 10 || !ctx.rejectedTokens.contains(t[prevMoney].start) || !t[m - 1].is("from")) {
      return false;
    }
    Token before = t[m - 2];
    return before.is("up") || before.is("down") || before.is("rising") || before.is("falling") || before.is("jump")
        || before.is("rise") || before.is("climb");
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
   * "Morgan Stanley expects Meta to guide capex to about $120 billion, with Microsoft, Alphabet and Amazon at around
   * $140 billion, $150 billion and $175 billion": a sentence that opens with a forecaster and its expectation is
   * the forecaster's, every figure of it. Index of the forecaster cue, or -1.
   */
  static int forecasterSentence(Token[] t) {
    for (int k = 0; k < t.length && k <= 2; k++) {
      if (t[k].isWord() && t[k].has(Cue.ANALYST) && !reportedPlan(t, k)) {
        for (int j = Math.max(k + 1, t[k].phraseEnd); j < t.length && j <= t[k].phraseEnd + 2; j++) {
          if (t[j].isWord() && EXPECT_VERBS.contains(t[j].norm)) {
            return k;
          }
        }
      }
    }
    return -1;
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
      if (t[k].has(Cue.ANALYST) && !reportedPlan(t, k) && (words <= 5 || (!negated(t, k) && expects(t, k)))) {
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
      if (x.has(Cue.ANALYST) && !negated(t, k) && !reportedPlan(t, k)) {
        return true;
      }
      if (Clauses.RIGHT_STOPS.contains(x.norm) && !x.is("according")) {
        break;
      }
    }
    return false;
  }

  /**
   * "Meta is expected to spend $10 billion on the chips, people familiar with the plan said": an expectation that
   * insiders report is the company's plan (a reported plan), not someone else's estimate.
   */
  static boolean reportedPlan(Token[] t, int k) {
    return insiderSource(t, k) >= 0;
  }

  /** The insider word that makes the "is expected to" phrase at k a reported plan, or -1. */
  static int insiderSource(Token[] t, int k) {
    if (!t[k].has(Cue.ANALYST) || !(t[k].is("is") || t[k].is("are") || t[k].is("was") || t[k].is("were"))) {
      return -1; // only the "is expected to ..." phrases; analysts and banks stay estimates
    }
    for (int j = 0; j < t.length; j++) {
      if (t[j].isWord() && INSIDER_SOURCES.contains(t[j].norm)) {
        return j;
      }
    }
    return -1;
  }

  /** Who reports a company's own plans: "people familiar", "briefed on", "insiders", "sources". */
  static final Set<String> INSIDER_SOURCES = Lexicon.words("commitment/insider-sources");

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
      if (t[k].is("that") || (t[k].is("as") && k > 0 && t[k - 1].is("even")) || t[k].is("while")) {
        from = k + 1; // "... would invest at the right pace, even as quarterly capital spending climbed to $2.6 billion"
        break;
      }
    }
    return (Clauses.anyFlag(t, from, rightEnd, Cue.RESULTS) || growthAfter(t, m))
        && !Clauses.anyFlag(t, from, m, Cue.FORWARD)
        && !Clauses.anyFlag(t, m + 1, rightEnd, Cue.FORWARD);
  }

  /** "$26.3 billion, up 154% from a year earlier": a figure compared with the same period before is a result. */
  static boolean growthAfter(Token[] t, int m) {
    int k = m + 1;
    if (k < t.length && t[k].is(",")) {
      k++;
    }
    if (k >= t.length || !t[k].isWord() || !GROWTH_WORDS.contains(t[k].norm)) {
      return false;
    }
    for (int j = k + 1; j < t.length && j <= k + 7 && t[j].kind != Token.Kind.MONEY; j++) {
      if (t[j].isWord() && t[j].has(Cue.RESULTS)) {
        return true;
      }
    }
    return false;
  }

  /** "up", "down", "rising": a change of a reported figure. */
  static final Set<String> GROWTH_WORDS = Set.of("up", "down", "rising", "falling", "growing");
}
