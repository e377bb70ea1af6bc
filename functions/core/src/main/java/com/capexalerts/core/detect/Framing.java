package com.capexalerts.core.detect;

import com.capexalerts.core.money.MoneySpan;
import java.util.Set;

/**
 * <b>Kind</b> stage, per amount: whether something dates or frames the figure, making it a mention.
 *
 * <p>Dated: past reference ("last year", "said in January", "expanded in August", "weeks after raising",
 * "previously", "had pledged", "has said", "has invested" unless the amount is "another" or "an additional" one,
 * "in 2024" in an item of 2025; "initially" only outside a forward clause, since "will invest $100 billion
 * initially" is a tranche), reaffirmation ("reiterated", "remains on track", "defended"), a running total
 * ("bringing its total to"), a plan referred to ("the $30 billion it agreed to invest", "under its plan") or a
 * stock held ("has $1.4 trillion of commitments"). Framed: comparison ("rivals such as", "following", "joins",
 * "than") or a relative clause ("xAI, which plans to invest $20 billion, said ..."); the possessive and known-plan
 * framings are decided with the spender (see {@link Spender}).
 */
final class Framing {
  private Framing() {}

  static final Set<String> QUALIFIERS = Lexicon.words("framing/qualifiers");

  static final Set<String> SUPERLATIVES = Lexicon.words("framing/superlatives");

  static final Set<String> TOTALLING_VERBS = Lexicon.words("framing/totalling-verbs");

  static final Set<String> REFERENCED_VERBS = Lexicon.words("framing/referenced-verbs");

  static final Set<String> TENSE_ONLY = Lexicon.words("framing/tense-only");

  /**
   * Why the amount at m is an old figure (see the class comment), or null. {@code pastAt} is its {@link #pastCue},
   * {@code anchor} the token naming its spender, {@code next} the next amount (-1 when none). Constant reasons: no
   * allocation.
   */
  static String dated(ItemContext ctx, Sent s, int pastAt, int winStart, int base, int anchor, int m, int next,
      int rightEnd, MoneySpan span) {
    Token[] t = s.tokens();
    if (pastAt >= 0 || announcedBefore(ctx, t, m)) {
      return PAST;
    }
    if (Clauses.anyFlag(t, winStart, m, Cue.PERFECT) && !increment(span)) {
      return PERFECT;
    }
    if (runningTotal(t, Math.min(base, winStart), m)) {
      return "a running total";
    }
    if (referencedPlan(t, m)) {
      return "a plan referred to";
    }
    if (s.index >= 2 && namedProject(ctx, t, m)) {
      return "a named project the headline is not about";
    }
    if (underPlan(span, t, m)) {
      return "under a plan referred to";
    }
    if (heldStock(t, m)) {
      return "commitments held, not made";
    }
    if (pastWhen(ctx, t, anchor)) {
      return PAST; // "Wang, who joined in June when Meta invested $14.3 billion in Scale AI"
    }
    if (topUnchanged(s, m, next)) {
      return TOP_UNCHANGED; // "expects $70 billion to $72 billion, lifting the bottom of its previous $66-72 billion range"
    }
    return null;
  }

  /** The past cue at k only tells the news in the past tense ("has completed", "has set aside"). */
  static boolean tenseOnly(Token[] t, int k) {
    if (k < 0) {
      return false;
    }
    StringBuilder phrase = new StringBuilder(t[k].norm);
    for (int j = k + 1; j < Math.min(t[k].phraseEnd, t.length); j++) {
      phrase.append(' ').append(t[j].norm);
    }
    return TENSE_ONLY.contains(phrase.toString());
  }

  /**
   * "Meta's plan to build a $10 billion AI data centre in Richland Parish, announced last December, promises ...":
   * a participle set off by commas after the amount dates it.
   */
  static boolean announcedBefore(ItemContext ctx, Token[] t, int m) {
    for (int k = m + 1; k + 2 < t.length && k <= m + 10; k++) {
      if (t[k].kind == Token.Kind.MONEY || t[k].is(";") || t[k].is(".")) {
        return false;
      }
      if (t[k].is(",")) {
        if (!(t[k + 1].isWord() && REFERENCED_VERBS.contains(t[k + 1].norm) && t[k + 1].norm.endsWith("ed"))) {
          return false;
        }
        for (int j = k + 2; j < t.length && j <= k + 4 && !t[j].is(","); j++) {
          if (isPastToken(ctx, t, j, Cue.PAST | Cue.PAST_LEFT)) {
            return true;
          }
        }
        return false;
      }
    }
    return false;
  }

  /** The spender at a follows "when", right after a past time ("in June when Meta invested", "last year when"). */
  static boolean pastWhen(ItemContext ctx, Token[] t, int a) {
    if (a < 2 || a >= t.length || !t[a - 1].is("when")) {
      return false;
    }
    for (int k = a - 2; k >= 0 && k >= a - 4; k--) {
      if (isPastToken(ctx, t, k, PAST_OR_LEFT)) {
        return true;
      }
    }
    return false;
  }

  private static final int PAST_OR_LEFT = Cue.PAST | Cue.PAST_LEFT;

  /** {@link #dated} reason for a narrowed range whose top stays where it was. */
  static final String TOP_UNCHANGED = "the top of its previous range unchanged";

  /** The figure at m has the same top as the "previous … range" (or guidance) at next: a narrowed range. */
  static boolean topUnchanged(Sent s, int m, int next) {
    Token[] t = s.tokens();
    if (next < 0 || next >= t.length || t[next].kind != Token.Kind.MONEY || next < 1) {
      return false;
    }
    boolean previous = t[next - 1].is("previous") || t[next - 1].is("prior") || t[next - 1].is("earlier");
    boolean guidance = false;
    for (int k = next + 1; k < t.length && k <= next + 2; k++) {
      guidance |= t[k].isWord() && (t[k].is("range") || t[k].is("guidance") || t[k].is("forecast") || t[k].is("outlook"));
    }
    if (!previous || !guidance) {
      return false;
    }
    MoneySpan a = s.money.get(t[m].ref);
    MoneySpan b = s.money.get(t[next].ref);
    return a.amount().currency().equals(b.amount().currency()) && a.amount().value().compareTo(b.amount().value()) == 0;
  }

  /** {@link #dated} reason for a past reference or reaffirmation. */
  static final String PAST = "past reference or reaffirmation";
  /** {@link #dated} reason for "has invested" without "another" or "an additional". */
  static final String PERFECT = "a running total in the perfect tense";

  /** "bringing its total investment to $8 billion", "taking planned investment to $400 billion": a sum so far. */
  static boolean runningTotal(Token[] t, int from, int m) {
    if (m == 0 || !(t[m - 1].is("to") || t[m - 1].is("and") || t[m - 1].is("past"))) {
      return false;
    }
    // The verb may govern a list ("bringing planned capacity to 7GW and investment ... to $400 billion", "bringing
    // the project to nearly 7 gigawatts and over $400 billion in investment").
    boolean to = t[m - 1].is("to") || t[m - 1].is("past");
    for (int k = m - 2; k >= Math.max(from, m - 20); k--) {
      if (t[k].kind == Token.Kind.MONEY || t[k].is(";")) {
        return false;
      }
      to |= t[k].is("to") || t[k].is("past"); // "takes Stargate past 8 gigawatts and more than $450 billion"
      if (t[k].isWord() && TOTALLING_VERBS.contains(t[k].norm)) {
        return to;
      }
    }
    return false;
  }

  /**
   * "ties into the $500 billion Stargate venture", "leading Stargate, a project expected to channel $500 billion": a
   * project known by its name, after the lede of a story whose headline does not name it, is background.
   */
  static boolean namedProject(ItemContext ctx, Token[] t, int m) {
    String name = null;
    if (m >= 1 && t[m - 1].is("the") && m + 2 < t.length && t[m + 1].isWord() && t[m + 1].upper
        && t[m + 2].isWord() && Spender.PROJECT_NOUNS.contains(t[m + 2].norm)) {
      name = t[m + 1].norm; // "the $500 billion Stargate venture"
    }
    for (int k = m - 1; name == null && k >= 3 && k >= m - 8; k--) {
      if (t[k].kind == Token.Kind.MONEY || t[k].kind == Token.Kind.COMPANY) {
        break;
      }
      if (t[k].isWord() && Spender.PROJECT_NOUNS.contains(t[k].norm) && (t[k - 1].is("a") || t[k - 1].is("the"))
          && t[k - 2].is(",") && t[k - 3].isWord() && t[k - 3].upper) {
        name = t[k - 3].norm; // "Stargate, a project expected to channel $500 billion"
      }
    }
    if (name == null || ctx.sents.isEmpty() || !ctx.sents.get(0).isTitle) {
      return false;
    }
    return !ctx.sents.get(0).text.toLowerCase(java.util.Locale.ROOT).contains(name);
  }

  /** "the $30 billion it agreed to invest", "the $10 billion Meta pledged": a commitment already made. */
  static boolean referencedPlan(Token[] t, int m) {
    if (m == 0) {
      return false;
    }
    if (m >= 3 && (t[m - 1].is("a") || t[m - 1].is("an") || t[m - 1].is("the")) && t[m - 2].is("and")) {
      // "such as the $11 billion Rainier cluster and a $5 billion commitment in Korea": the list goes on
      for (int k = m - 3; k >= 2 && k >= m - 14; k--) {
        if (t[k].is(";") || t[k].is(".")) {
          break;
        }
        if (t[k].kind == Token.Kind.MONEY) {
          if (exampleOf(t, k)) {
            return true;
          }
          break;
        }
      }
    }
    if (exampleOf(t, m)) {
      return true;
    }
    if (m >= 2 && t[m - 1].is("remaining") && t[m - 2].is("the")) {
      return true; // "must pay the remaining $22.5 billion of its $30 billion commitment": the balance of a known one
    }
    if (m >= 2 && (t[m - 1].is("top") || t[m - 1].is("exceed") || t[m - 1].is("surpass")) && t[m - 2].is("to")) {
      for (int k = m + 1; k < t.length && k <= m + 4; k++) {
        if (t[k].isWord() && t[k].has(Cue.PLAN_NOUN)) {
          return true; // "vows to top its $53 billion AI spending plan": a raise without a figure, the old plan
        }
      }
    }
    if (m >= 4 && t[m - 1].is("the") && t[m - 2].is(",") && t[m - 3].isWord() && t[m - 3].upper) {
      for (int k = m + 1; k < t.length && k <= m + 5; k++) {
        if (t[k].isWord() && Spender.PROJECT_NOUNS.contains(t[k].norm)) {
          return true; // "financing Stargate, the $500 billion US data centre project": a named project, known
        }
      }
    }
    if (m >= 3 && t[m - 1].is("its") && t[m - 2].is("to")
        && (t[m - 3].is("add") || t[m - 3].is("adds") || t[m - 3].is("adding"))) {
      return true; // "says it will add to its 380 billion yuan AI budget": a raise without a figure, the old plan
    }
    if (m >= 2 && t[m - 1].is("the") && (t[m - 2].is("toward") || t[m - 2].is("towards"))) {
      return true; // "progress toward the $500 billion goal set in January": the target is a known commitment
    }
    if (m >= 2 && (t[m - 1].is("the") || t[m - 1].is("its")) && (t[m - 2].is("above") || t[m - 2].is("beyond")
        || t[m - 2].is("past"))) {
      return true; // "would lift spending above the 380 billion yuan already committed": the known level exceeded
    }
    if (m >= 2 && t[m - 2].is("the") && (t[m - 1].is("full") || t[m - 1].is("entire") || t[m - 1].is("whole"))) {
      return true; // "to secure the full $500 billion"
    }
    // A definite plan only: "as part of a $50 billion investment" introduces the figure.
    int d = t[m - 1].is("its") || t[m - 1].is("the") || t[m - 1].is("their") ? m - 2 : m - 1;
    if (t[m - 1].possessive && (t[m - 1].kind == Token.Kind.COMPANY || t[m - 1].isWord())) {
      d = m >= 3 && t[m - 2].is("the") ? m - 3 : m - 2; // "part of the company's $600 billion commitment"
    }
    if (d >= 0 && (t[d].is("under") || t[d].is("through") || (d >= 1 && t[d].is("of") && t[d - 1].is("part")))) {
      return true; // "starts a skilling drive under its €4.3bn plan", "as part of its $80 billion plan"
    }
    if (!t[m - 1].is("the")) {
      return false;
    }
    if (m >= 3 && (t[m - 2].is("on") || t[m - 2].is("toward") || t[m - 2].is("towards"))) {
      for (int k = m - 3; k >= 0 && k >= m - 6; k--) {
        if (t[k].is("schedule") || t[k].is("track") || t[k].is("progress")) {
          return true; // "ahead of schedule on the $500 billion commitment"
        }
      }
    }
    // "the $30 billion it agreed to invest", "the ($3.2 billion) expansion it announced in June"
    for (int w = m + 1; w < t.length && w <= m + 4; w++) {
      Token who = t[w];
      if (who.kind == Token.Kind.COMPANY || (who.isWord() && who.has(Cue.ANAPHOR | Cue.PLURAL_ANAPHOR))) {
        int v = who.isWord() ? Math.max(w + 1, who.phraseEnd) : w + 1; // past "the group"
        while (v < t.length && (t[v].is("has") || t[v].is("had") || t[v].is("have") || t[v].is("still")
            || t[v].is("already"))) {
          v++; // "the $22.5 billion the group still owes"
        }
        return v < t.length && t[v].isWord() && REFERENCED_VERBS.contains(t[v].norm);
      }
      if (!who.isWord() || Clauses.RIGHT_STOPS.contains(who.norm)) {
        return false;
      }
    }
    return false;
  }

  /** "data centres such as the $11 billion Project Rainier cluster": a known project given as an example. */
  private static boolean exampleOf(Token[] t, int m) {
    return m >= 3 && t[m - 1].is("the") && ((t[m - 2].is("as") && t[m - 3].is("such")) || t[m - 2].is("including"));
  }

  /** "starts a skilling drive under €4.3bn plan": the money reader took "under" for a qualifier. */
  static boolean underPlan(MoneySpan span, Token[] t, int m) {
    return span.amount().text().regionMatches(true, 0, "under ", 0, 6)
        && m + 1 < t.length
        && t[m + 1].isWord()
        && t[m + 1].has(Cue.PLAN_NOUN);
  }

  /** "the company has roughly $1.4 trillion of commitments": what it holds, not what it commits now. */
  static boolean heldStock(Token[] t, int m) {
    int k = m - 1;
    while (k >= 0 && t[k].isWord() && QUALIFIERS.contains(t[k].norm)) {
      k--;
    }
    return k >= 0 && (t[k].is("has") || t[k].is("have") || t[k].is("had"));
  }

  /** "an additional $2.75 billion", "a further $4 billion": new money on top of an earlier commitment. */
  static boolean increment(MoneySpan span) {
    String text = span.amount().text().toLowerCase(java.util.Locale.ROOT);
    return text.startsWith("an additional") || text.startsWith("a further") || text.startsWith("another");
  }

  /** Comparison framing within three words before the company ("rivals such as", "following", "than"). */
  static boolean isCompared(Sent s, Token[] t, int head) {
    if (head < 0 || head >= t.length || t[head].kind != Token.Kind.COMPANY) {
      return false;
    }
    int flags = s.isTitle ? Cue.COMPARE : Cue.COMPARE | Cue.COMPARE_BODY;
    int from = Math.max(0, head - 3);
    for (int k = head - 1; k >= from; k--) {
      if (t[k].kind == Token.Kind.MONEY || t[k].is(";")) {
        return false;
      }
      if (t[k].isWord() && t[k].has(flags)) {
        return !(t[k].is("after") && afterMarketMove(t, k)); // "shares fell 5% after the Google parent said"
      }
    }
    return false;
  }

  /** "Alphabet shares fell as much as 5% early Thursday after ...": the news that moved the stock, no comparison. */
  static boolean afterMarketMove(Token[] t, int after) {
    for (int j = after - 1; j >= 0 && j >= after - 10; j--) {
      if (t[j].kind == Token.Kind.MONEY || t[j].is(";")) {
        return false;
      }
      if (t[j].isWord() && (Subjects.STOCK_NOUNS.contains(t[j].norm) || Background.MARKET_MOVE_VERBS.contains(t[j].norm))) {
        return true;
      }
    }
    return false;
  }

  /** "OpenAI, into which Nvidia plans to invest $100 billion", "a start-up in which Amazon has put $8 billion". */
  static boolean relativeSpender(Token[] t, int head) {
    if (head < 2 || head >= t.length || t[head].kind != Token.Kind.COMPANY
        || !(t[head - 1].is("which") || t[head - 1].is("whom")) || !t[head - 2].isWord() || t[head - 2].is("of")) {
      return false;
    }
    // "a partnership announced on Tuesday in which Nvidia and Microsoft agreed to invest": the clause tells the
    // deal itself; only a clause hung on a company ("OpenAI, into which ...") restates background
    for (int k = head - 3; k >= 0 && k >= head - 7; k--) {
      if (t[k].kind == Token.Kind.COMPANY || t[k].kind == Token.Kind.MONEY) {
        return true;
      }
      if (t[k].isWord() && (Buyer.DEAL_NOUNS.contains(t[k].norm) || t[k].has(Cue.DEAL) || DEAL_CLAUSE_NOUNS.contains(t[k].norm))) {
        return false;
      }
    }
    return true;
  }

  /** The amount sits in ", which ..." or ", who ..." after its spender, not yet closed by a comma. */
  static boolean inRelativeClause(Token[] t, int anchor, int m) {
    boolean open = false;
    for (int k = Math.max(anchor, 0) + 1; k < m; k++) {
      if (t[k].is(",")) {
        open = k + 1 < m && (t[k + 1].is("which") || t[k + 1].is("who"));
      }
    }
    return open;
  }

  /**
   * Past reference or reaffirmation in the amount's window, leaving out relative clauses that close before it
   * ("Alibaba, which listed in 2014, will invest ..."). A year before the item's own counts as past. Returns the
   * index of the word that dates it, or -1.
   */
  static int pastCue(ItemContext ctx, Token[] t, int from, int m, int rightEnd) {
    // "will invest $100 billion initially and up to $500 billion": in a forward clause "initially" marks a
    // tranche of the commitment, not an earlier one ("initially pledged $10 billion in 2023").
    boolean forward = Clauses.anyFlag(t, Clauses.clauseStart(t, m), m, Cue.FORWARD);
    int opening = openingClauseEnd(t);
    if (opening >= 0 && opening < m) {
      // "A day after Microsoft revealed its plan, Amazon unveiled a $35 billion commitment": the opening clause's
      // date is its own news, not the main clause's.
      from = Math.max(from, opening + 1);
    } else if (from > 0 && t.length > 0 && isPastToken(ctx, t, 0, Cue.PAST | Cue.PAST_LEFT) && !isTranche(t[0])) {
      return 0; // "In January OpenAI, SoftBank, Oracle and MGX announced Stargate, a $500 billion ...": the opening dates it
    }
    int k = from;
    while (k < m) {
      Token x = t[k];
      if (x.is(",") && k + 1 < m && (t[k + 1].is("which") || t[k + 1].is("who") || t[k + 1].is("whose"))) {
        int close = k + 2;
        while (close < m && !t[close].is(",")) {
          close++;
        }
        if (close < m) {
          k = close + 1;
          continue;
        }
      }
      if (isPastToken(ctx, t, k, Cue.PAST | Cue.PAST_LEFT | Cue.REAFFIRM) && !(forward && isTranche(t[k]))
          && !marketClose(t, k)) {
        return k;
      }
      k++;
    }
    for (int j = Math.max(0, from - 8); j < from; j++) {
      // "The plan surfaced days after OpenAI, SoftBank and Oracle pledged up to $500 billion": an earlier pledge
      if (t[j].isWord() && t[j].has(Cue.PAST_LEFT) && t[j].phraseEnd > j + 1 && t[j].phraseEnd <= t.length
          && t[t[j].phraseEnd - 1].is("after") && !Clauses.clauseComma(t, j, m)) {
        return j;
      }
    }
    for (k = m + 1; k < rightEnd; k++) {
      if (t[k].is("from") && oldFigureAfter(t, k)) {
        break; // "raised ... to 200 billion yuan from a 160-billion-yuan plan set late last year": the old figure's date
      }
      if (isPastToken(ctx, t, k, Cue.PAST | Cue.REAFFIRM) && !(forward && isTranche(t[k]))) {
        return k;
      }
      if (!forward && isPastToken(ctx, t, k, Cue.PAST_LEFT) && pastCommitVerb(t, from, m)) {
        return k; // "The group pledged 380 billion yuan for AI infrastructure over three years in February"
      }
    }
    return -1;
  }

  /** "Alibaba's Hong Kong shares ended 2% lower": a trading session's close, not an earlier commitment. */
  static boolean marketClose(Token[] t, int k) {
    if (!(t[k].is("ended") || t[k].is("closed") || t[k].is("finished"))) {
      return false;
    }
    for (int j = k - 1; j >= 0 && j >= k - 3; j--) {
      if (t[j].isWord() && (Subjects.STOCK_NOUNS.contains(t[j].norm) || t[j].is("receipts") || t[j].is("index"))) {
        return true;
      }
    }
    return false;
  }

  /** A commitment verb in the past tense before the amount ("pledged", "committed", "announced"; not "said"). */
  static boolean pastCommitVerb(Token[] t, int from, int m) {
    for (int k = Math.max(0, from); k < m; k++) {
      if (t[k].isWord() && t[k].norm.endsWith("ed") && !t[k].is("said") && REFERENCED_VERBS.contains(t[k].norm)) {
        return true;
      }
    }
    return false;
  }

  static final Set<String> SUBORDINATORS = Lexicon.words("framing/subordinators");

  static final Set<String> DEAL_CLAUSE_NOUNS = Lexicon.words("framing/deal-clause-nouns");

  /**
   * The comma that closes an opening subordinate clause ("After warning in October that ..., Meta said",
   * "Weeks after Microsoft pledged ..., Amazon unveiled"), when a company or "the company" starts the main clause
   * after it; -1 when the sentence does not open so.
   */
  static int openingClauseEnd(Token[] t) {
    if (t.length < 4 || !t[0].isWord()) {
      return -1;
    }
    // "After ...", "Weeks after ...", "Two days after ...", "Just hours after ...": a few words may lead in
    boolean opens = false;
    for (int k = 0; k < 3 && !opens && t[k].isWord(); k++) {
      opens = SUBORDINATORS.contains(t[k].norm)
          || (t[k].has(Cue.PAST_LEFT) && t[k].phraseEnd > k + 1 && t[k].phraseEnd <= t.length
              && t[t[k].phraseEnd - 1].is("after"));
    }
    if (!opens) {
      return -1;
    }
    for (int k = 1; k + 1 < t.length; k++) {
      if (t[k].is(";")) {
        return -1;
      }
      if (t[k].is(",")) {
        Token next = t[k + 1];
        if (next.kind == Token.Kind.COMPANY || (next.isWord() && next.has(Cue.ANAPHOR))) {
          return k;
        }
      }
    }
    return -1;
  }

  /** "from $75 billion", "from a 160-billion-yuan plan": what follows "from" at k is the earlier figure. */
  static boolean oldFigureAfter(Token[] t, int k) {
    for (int j = k + 1; j < t.length && j <= k + 4; j++) {
      if (t[j].kind == Token.Kind.MONEY || (t[j].isWord() && t[j].has(Cue.PLAN_NOUN))) {
        return true;
      }
      if (t[j].kind == Token.Kind.PUNCT && !t[j].is("-")) {
        return false;
      }
    }
    return false;
  }

  static boolean isTranche(Token x) {
    return x.is("initially");
  }

  static boolean isPastToken(ItemContext ctx, Token[] t, int k, int flags) {
    Token x = t[k];
    if (!x.isWord()) {
      return false;
    }
    if (x.has(flags)) {
      return !superlativeToDate(t, k);
    }
    if (ctx.year <= 0 || k == 0 || !Cue.isYear(x.norm) || Integer.parseInt(x.norm) >= ctx.year) {
      return false;
    }
    Token p = t[k - 1];
    boolean rangeEnd =
        (p.is("and") || p.is("to") || p.is("through")) && k >= 3 && Cue.isYear(t[k - 2].norm == null ? "" : t[k - 2].norm);
    boolean rangeStart = (p.is("between") || p.is("from")) && k + 2 < t.length && t[k + 2].isWord() && Cue.isYear(t[k + 2].norm);
    return rangeEnd || (!rangeStart && (p.is("in") || p.is("during") || p.is("since")));
  }

  /** "its largest data center to date": "to date" ranks the project, it does not date the money. */
  static boolean superlativeToDate(Token[] t, int k) {
    if (!t[k].is("to") || k + 1 >= t.length || !t[k + 1].is("date")) {
      return false;
    }
    for (int j = k - 1; j >= Math.max(0, k - 5); j--) {
      if (t[j].isWord() && SUPERLATIVES.contains(t[j].norm)) {
        return true;
      }
    }
    return false;
  }
}
