package com.capexalerts.core.detect;

import com.capexalerts.core.company.Company;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * <b>Spender</b> stage: who spends an amount.
 *
 * <p>A possessive right before the amount ("Meta's $65 billion budget"); the subject of a gapped clause ("... and
 * Microsoft up to $5 billion"); a company right after it that plans or spends it ("the $80 billion Microsoft plans
 * to spend"); the investor or agent named after it ("investments of $5 billion from Microsoft", "a project by
 * TikTok", "will be spent by Microsoft"); else the nearest company before it that is not an object ("invest in
 * Anthropic", "Microsoft-backed", "its Nvidia stake", "pay Oracle") nor qualifies another name ("Nvidia supplier
 * TSMC"), with the companies coordinated with it ("OpenAI, SoftBank and Oracle"); "it", "the company", "we", "the
 * tech giant" resolve to the nearest such company earlier in the sentence, else to the item's focus (the
 * headline's subject); "they", "the partners" to the nearest list of companies, else to nobody. No watched
 * spender: dropped. Several spenders share a stated joint figure, each getting all of it (the amount each puts in
 * is not stated), unless it is an aggregate ("a combined $300 billion") or a spender states its own amount
 * elsewhere in the item.
 *
 * <p>The spender also decides part of the kind: a possessive inside someone else's object ("the regulator cleared
 * Amazon's $4 billion investment") or a known plan referred to in the body ("its $22.5 billion investment", "the
 * company's pledge to spend $500 billion") is not the subject of its clause, so the figure is context (a mention),
 * unless the plan is fresh ("Microsoft's new commitment").
 */
final class Spender {
  private Spender() {}

  static final Set<String> OBJECT_PREPS = Lexicon.words("spender/object-preps");

  /** Verbs whose next company is their object, not the spender. */
  static final Set<String> OBJECT_VERBS = Lexicon.words("spender/object-verbs");

  /** A company before one of these qualifies the name after it ("Nvidia supplier TSMC"). */
  static final Set<String> RELATION_NOUNS = Lexicon.words("spender/relation-nouns");

  static final Set<String> NOT_NAMES = Lexicon.words("spender/not-names");

  /** Conjunctions that open a clause with a subject of its own. */
  static final Set<String> SUBORDINATORS = Lexicon.words("spender/subordinators");

  /** In a company's own newsroom these are the company. */
  static final Set<String> FIRST_PERSON = Lexicon.words("spender/first-person");

  static final Set<String> POSSESSIVE_DETERMINERS = Lexicon.words("spender/possessive-determiners");

  static final Set<String> CLAUSE_OPENERS = Lexicon.words("spender/clause-openers");

  static final Set<String> STAKE_NOUNS = Lexicon.words("spender/stake-nouns");

  static final Set<String> COORDINATORS = Lexicon.words("spender/coordinators");
  static final Set<String> VENTURE_PARTICIPLES = Lexicon.words("spender/venture-participles");
  static final Set<String> VENTURE_NOUNS = Lexicon.words("spender/venture-nouns");
  /** Words before a verb ("will spend", "to invest"): what follows them is no noun. */
  private static final Set<String> VERB_MARKERS =
      Set.of("will", "would", "shall", "to", "can", "could", "may", "might", "must", "plans", "plan", "intends");

  /** A venture noun within three words before the participle at p ("a new company formed by"). */
  static boolean ventureNounBefore(Token[] t, int p) {
    for (int k = p - 1; k >= 0 && k >= p - 3; k--) {
      if (t[k].isWord() && VENTURE_NOUNS.contains(t[k].norm)) {
        return true;
      }
    }
    return false;
  }

  static final Set<String> PASSIVE_OPENERS = Lexicon.words("spender/passive-openers");

  /**
   * Who spends an amount.
   *
   * @param companies   the spenders
   * @param head        the first token of their list (for comparison framing)
   * @param anchor      the token that names the spender in this sentence (company, or the anaphor)
   * @param subjectLike the spender is the subject of its clause, not part of someone else's object
   * @param relative    the amount sits in a relative clause about the spender (", which plans to ...")
   * @param rightClause the spender is named after the amount; the words dating it run to the clause end
   */
  record Owner(
      List<Company> companies, int head, int anchor, boolean subjectLike, boolean relative, boolean rightClause) {
    Owner with(boolean relative) {
      return new Owner(companies, head, anchor, subjectLike, relative, rightClause);
    }

    Owner weak() {
      return new Owner(companies, head, anchor, false, relative, rightClause);
    }
  }

  static Owner owner(ItemContext ctx, Sent s, int m, Trace trace) {
    Token[] t = s.tokens;
    // a. "Meta's $65 billion budget", "its $80 billion plan"
    for (int k = m - 1, skipped = 0; k >= 0 && skipped <= 2; k--) {
      Token x = t[k];
      // In the body such a figure is presupposed, not announced: the news is asserted elsewhere.
      if (x.kind == Token.Kind.COMPANY && x.possessive) {
        return by(trace, s, "the possessive %s", single(s, k, s.isTitle && !embedded(t, k)));
      }
      if (x.isWord() && (x.is("its") || x.is("their"))) {
        Owner o = resolve(ctx, s, k, x.is("their"));
        return by(trace, s, "the possessive pronoun, %s", o == null || s.isTitle ? o : o.weak());
      }
      if (x.isWord() && x.flags == 0 && !x.possessive) {
        skipped++;
        continue;
      }
      break;
    }
    // a0. "Five-year, $310 billion Samsung plan": the company right after the amount names whose plan it is
    if (m + 2 < t.length && t[m + 1].kind == Token.Kind.COMPANY && !t[m + 1].possessive && t[m + 2].isWord()
        && t[m + 2].has(Cue.PLAN_NOUN) && t[m + 2].has(Cue.INVEST) && !t[m + 2].norm.startsWith("investment")) {
      // not "a $40 billion OpenAI investment": the company there is the investee
      return by(trace, s, "%s, the company that qualifies the plan", single(s, m + 1, true));
    }
    // a'. ", contributing $30 billion": a participle clause belongs to the sentence's subject
    if (m >= 2 && t[m - 2].is(",") && t[m - 1].isWord() && t[m - 1].norm.endsWith("ing") && t[m - 1].has(Cue.INVEST)) {
      for (int k = 0; k < m - 2; k++) {
        if (t[k].kind == Token.Kind.COMPANY && !isObject(t, k) && !t[k].possessive) {
          return by(trace, s, "%s, the subject of a participle clause", list(s, k, true));
        }
      }
    }
    // b. gapping: "Nvidia will invest $10 billion in Anthropic and Microsoft up to $5 billion"
    if (Clauses.prevMoney(t, m) >= 0 && MoneyRole.gapped(t, m)) {
      return by(trace, s, "%s, the subject of a gapped clause", single(s, t[m - 1].kind == Token.Kind.COMPANY ? m - 1 : m - 2, true));
    }
    // c. "the $80 billion Microsoft plans to spend"
    int rel = MoneyRole.relativeSpender(t, m);
    if (rel >= 0) {
      Owner o = single(s, rel, true);
      return by(trace, s, "%s, the company after it that spends it", new Owner(o.companies, rel, rel, true, false, true));
    }
    // d. "investments of $5 billion from Microsoft", "a $3.8 billion project by TikTok", "the $500 billion
    //    venture of OpenAI, SoftBank and Oracle"
    boolean investBefore =
        Clauses.anyFlag(t, Math.max(0, m - 3), m, Cue.INVEST)
            || (m >= 2 && t[m - 1].is("and") && t[m - 2].kind == Token.Kind.COMPANY); // "... and $10bn from X"
    for (int k = m + 1; k + 1 < t.length && k <= m + 6; k++) {
      Token x = t[k];
      if (x.kind == Token.Kind.MONEY || x.kind == Token.Kind.COMPANY || x.is(";") || x.is(",")) {
        break;
      }
      if (!x.isWord() || t[k + 1].kind != Token.Kind.COMPANY || t[k + 1].possessive) {
        continue;
      }
      Token before = t[k - 1];
      boolean agent = x.is("by") && (isParticiple(before) || before.has(Cue.INVEST));
      boolean investor =
          (x.is("of") && before.has(Cue.INVEST)) // "the $500 billion venture of OpenAI, SoftBank and Oracle"
              // "Trump poised to unveil $500 billion 'Stargate' AI venture with OpenAI, Oracle and SoftBank"
              || (x.is("with") && before.isWord() && VENTURE_NOUNS.contains(before.norm) && noCompanyBefore(t, m))
              || (x.is("from") && (before.has(Cue.INVEST) || (investBefore && k == m + 1)));
      if (agent || investor) {
        Owner o = listForward(s, k + 1);
        return by(trace, s, "%s, the investor or agent named after it", new Owner(o.companies, k + 1, k + 1, true, false, true));
      }
    }
    // e. nearest company or anaphor before the amount
    for (int k = m - 1; k >= 0; k--) {
      Token x = t[k];
      if (x.is(";")) {
        break;
      }
      if (k + 2 < m && x.isWord() && SUBORDINATORS.contains(x.norm) && ownSubject(t, k + 1)) {
        return none(trace, s, "the amount is in a clause with a subject of its own", k, k + 2); // "Google commits $25 billion as Pennsylvania summit tallies $90bn": the summit's figure
      }
      if (x.isWord() && (x.is("which") || x.is("who")) && k >= 2 && t[k - 1].is(",") && t[k - 2].kind == Token.Kind.COMPANY) {
        return by(trace, s, "%s, with a relative clause about it", list(s, k - 2, true).with(true)); // "in Anthropic, which commits $30 billion to Azure"
      }
      if (x.kind == Token.Kind.COMPANY && ventureOf(t, k)) {
        // "the Stargate venture of OpenAI, SoftBank and Oracle is billed at $500 billion"
        return by(trace, s, "%s, the partners of the venture before it", list(s, listHead(t, k), true));
      }
      if (x.kind == Token.Kind.COMPANY && k >= 1 && k + 1 < m && t[k + 1].is("with") && t[k - 1].isWord()
          && FUNDING_VERBS.contains(t[k - 1].norm)) {
        continue; // "Google agrees to back Anthropic with as much as $2 billion": the backed company is the object
      }
      if (x.kind == Token.Kind.COMPANY && leadersOf(t, k)) {
        // "The heads of OpenAI, SoftBank and Oracle joined Trump to launch Stargate, a venture that will put ...":
        // the companies' leaders act for them
        return by(trace, s, "%s, whose leaders are the subject", list(s, k, true));
      }
      if (x.kind == Token.Kind.COMPANY && marketMover(t, k, m)) {
        return none(trace, s, "a market move; the figure is in the clause that explains it", k, k + 1);
      }
      if (x.kind == Token.Kind.COMPANY && !isObject(t, k)) {
        return x.possessive
            ? by(trace, s, "the possessive %s", single(s, k, freshPlan(t, k) || (!embedded(t, k) && !presupposed(s, t, k))))
            : by(trace, s, "%s, the nearest company before it that is not an object", list(s, k, true));
      }
      if (x.isWord() && x.has(Cue.ANAPHOR | Cue.PLURAL_ANAPHOR)) {
        if (k >= 2 && t[k - 1].is(",") && isName(t[k - 2])) {
          return none(trace, s, "an apposition names someone unwatched", k - 2, k - 1); // "HUMAIN, the artificial-intelligence company ...": an apposition names someone unwatched
        }
        Owner o = resolve(ctx, s, k, x.has(Cue.PLURAL_ANAPHOR));
        return by(trace, s, "resolving %a to %s", k, o != null && presupposed(s, t, x.phraseEnd - 1) ? o.weak() : o);
      }
    }
    // f. "With $80 billion earmarked for AI, Microsoft is ...": the subject after a fronted phrase
    int comma = -1;
    for (int k = m + 1; k < t.length; k++) {
      if (t[k].is(",")) {
        comma = k;
        break;
      }
    }
    if (comma > 0 && comma + 1 < t.length && t[comma + 1].kind == Token.Kind.COMPANY && isFronted(t, m, comma)) {
      return by(trace, s, "%s, the subject after a fronted phrase", t[comma + 1].possessive ? single(s, comma + 1, true) : listForward(s, comma + 1));
    }
    // g'. a list item or fragment that opens with the amount ("• $2.9 billion over two years for AI
    //     infrastructure") in an item about one company
    if (!s.isTitle && Clauses.firstWord(t) == m && s.mentions.isEmpty()) {
      Company f = focus(ctx, s.index);
      if (f != null) {
        return by(trace, s, "%s, for a list item that opens with the amount", new Owner(List.of(f), m, m, true, false, false));
      }
    }
    // g. "The investment of 380 billion yuan will ..." in an item about one company
    if (t.length > 0 && t[0].isWord() && PASSIVE_OPENERS.contains(t[0].norm)) {
      boolean investNoun = false;
      // The subject itself must be the investment ("The board approved $5 billion of projects" is the board's).
      for (int k = 0; k < m; k++) {
        if (t[k].kind == Token.Kind.COMPANY || (k > 0 && t[k].isWord() && t[k].upper)) {
          return none(trace, "the sentence's subject is someone else");
        }
        // an investment noun, not a verb whose subject is someone else ("The state will spend $2 billion")
        investNoun |= t[k].isWord() && t[k].has(Cue.INVEST) && !(k > 0 && t[k - 1].isWord() && VERB_MARKERS.contains(t[k - 1].norm));
      }
      Company f = focus(ctx, s.index);
      if (investNoun && f != null) {
        return by(trace, s, "%s, for a sentence whose subject is the investment", new Owner(List.of(f), m, m, true, false, false));
      }
    }
    // h. "Stargate, a new company formed by OpenAI, SoftBank and Oracle that plans to invest up to $500 billion":
    //    the partners who formed the venture spend its money
    for (int k = 1; k + 1 < m; k++) {
      if (t[k].is("by") && t[k - 1].isWord() && VENTURE_PARTICIPLES.contains(t[k - 1].norm)
          && t[k + 1].kind == Token.Kind.COMPANY && !t[k + 1].possessive && ventureNounBefore(t, k - 1)) {
        Owner o = listForward(s, k + 1);
        return by(trace, s, "%s, the partners who formed the venture", new Owner(o.companies, k + 1, k + 1, true, false, false));
      }
    }
    return none(trace, "no watched company spends it");
  }

  /** Records who was found to spend the amount, and how, when explaining. */
  private static Owner by(Trace trace, Sent s, String how, Owner o) {
    if (trace != null) {
      if (o == null) {
        trace.decide("spender", "none", how.replace("%s", "someone") + ", but nobody watched");
      } else {
        Token a = s.tokens[o.anchor];
        String word = a.kind == Token.Kind.COMPANY ? Trace.quote(s, o.anchor, o.anchor + 1) : "the item's focus";
        trace.decide("spender", Trace.names(o.companies), "by " + how.replace("%s", word));
      }
    }
    return o;
  }

  /** {@link #by(Trace, Sent, String, Owner)} with the phrase at cue for %a in how. */
  private static Owner by(Trace trace, Sent s, String how, int cue, Owner o) {
    return by(trace, s, trace == null ? how : how.replace("%a", Trace.phrase(s, cue)), o);
  }

  /** {@link #none(Trace, String)} quoting the words [from, to) that show it. */
  private static Owner none(Trace trace, Sent s, String why, int from, int to) {
    if (trace != null) {
      trace.decide("spender", "none", why + ", " + Trace.quote(s, from, to));
    }
    return null;
  }

  /** Records why nobody watched spends the amount, when explaining. */
  private static Owner none(Trace trace, String why) {
    if (trace != null) {
      trace.decide("spender", "none", why);
    }
    return null;
  }

  /** The amount sits in a phrase before the sentence's first comma, with no company before it. */
  static boolean isFronted(Token[] t, int m, int comma) {
    for (int k = 0; k < comma; k++) {
      if (k != m && (t[k].kind == Token.Kind.COMPANY || t[k].kind == Token.Kind.MONEY || t[k].is(";"))) {
        return false;
      }
      if (t[k].isWord() && (t[k].has(Cue.ANAPHOR | Cue.PLURAL_ANAPHOR) || (k > 0 && t[k].upper && t[k].flags == 0))) {
        return false; // someone else may be meant ("With Reliance's $30 billion, ...")
      }
    }
    return true;
  }

  /** A capitalised word that can name an organisation ("HUMAIN", "Entergy"), not a date or a sentence adverb. */
  static boolean isName(Token x) {
    return x.isWord()
        && x.upper
        && !CLAUSE_OPENERS.contains(x.norm)
        && !NOT_NAMES.contains(x.norm)
        && !Cue.isMonth(x.norm)
        && !x.has(Cue.ANAPHOR | Cue.PLURAL_ANAPHOR | Cue.PAST | Cue.FORWARD);
  }

  /** A clause subject at k that is no watched company ("Pennsylvania summit", "the state"). */
  static boolean ownSubject(Token[] t, int k) {
    Token x = t[k];
    if (!x.isWord() || x.has(Cue.ANAPHOR | Cue.PLURAL_ANAPHOR)) {
      return false;
    }
    if ((x.is("in") || x.is("across") || x.is("at")) && k + 2 < t.length) {
      // "while in the US the Stargate project envisages $500 billion": past a place, the clause's own subject
      for (int j = k + 2; j < t.length && j <= k + 4; j++) {
        if ((t[j].is("the") || t[j].is("a")) && ownSubject(t, j)) {
          return true;
        }
      }
      return false;
    }
    if ((x.is("the") || x.is("a")) && k + 1 < t.length) {
      Token n = t[k + 1];
      if (n.isWord() && n.upper && k + 2 < t.length && t[k + 2].isWord() && PROJECT_NOUNS.contains(t[k + 2].norm)) {
        return true; // "the Stargate project", "the Genesis programme": a named project, no watched company
      }
      return n.isWord() && n.flags == 0 && !n.upper && k + 2 < t.length && t[k + 2].isWord() && t[k + 2].flags == 0;
    }
    return x.upper && x.flags == 0;
  }

  /**
   * The company at k opens a market move ("Samsung Electronics jumps 7% after ...", "Amazon shares hit record
   * after ...") and a framing word ("after", "as", "on", "following") separates it from the amount at m: the figure
   * belongs to the clause that explains the move, whose own subject or deal names the spender.
   */
  static boolean marketMover(Token[] t, int k, int m) {
    if (k < 0 || t[k].kind != Token.Kind.COMPANY || t[k].possessive && !(k + 1 < t.length && t[k + 1].isWord()
        && Subjects.STOCK_NOUNS.contains(t[k + 1].norm))) {
      return false;
    }
    int v = k + 1;
    if (v < m && t[v].isWord() && Subjects.STOCK_NOUNS.contains(t[v].norm)) {
      v++;
    }
    if (v >= m || !t[v].isWord()) {
      return false;
    }
    if (!Background.marketMove(t, v, m)) {
      return false;
    }
    for (int j = v + 1; j < m; j++) {
      if (t[j].kind == Token.Kind.MONEY || t[j].is(";")) {
        return false;
      }
      if (t[j].is("after") || t[j].is("as") || t[j].is("on") || t[j].is("following")) {
        return j + 1 < m;
      }
    }
    return false;
  }

  /** No watched company before the amount: the sentence's subject is someone else ("Trump poised to unveil ..."). */
  private static boolean noCompanyBefore(Token[] t, int m) {
    for (int k = 0; k < m; k++) {
      if (t[k].kind == Token.Kind.COMPANY) {
        return false;
      }
    }
    return true;
  }

  /** The company list at k follows "the heads of", "the chief executives of": its leaders speak and act for it. */
  static boolean leadersOf(Token[] t, int k) {
    int head = listHead(t, k);
    return head >= 2 && t[head - 1].is("of") && t[head - 2].isWord() && LEADER_NOUNS.contains(t[head - 2].norm)
        && (head < 3 || !t[head - 3].isWord() || t[head - 3].is("the") || t[head - 3].upper);
  }

  private static final Set<String> LEADER_NOUNS = Set.of("heads", "chiefs", "leaders", "bosses", "executives",
      "ceos", "founders");

  /** "back Anthropic with $2 billion", "support OpenAI with": the company between is backed, not backing. */
  private static final Set<String> FUNDING_VERBS = Set.of("back", "backs", "backed", "backing", "support",
      "supports", "supported", "supporting", "fund", "funds", "funded", "funding", "arm", "arms");

  static final Set<String> PROJECT_NOUNS = Set.of("project", "venture", "initiative", "programme", "program",
      "consortium", "fund", "mission");

  /** "a new $4 billion investment from Amazon": the company after from/by is the investor. */
  static boolean isAgent(Token[] t, int k) {
    int p = listHead(t, k) - 1;
    return p >= 1 && (t[p].is("from") || t[p].is("by")) && Clauses.anyFlag(t, p - 3, p, Cue.INVEST);
  }

  static final Set<String> LAB_NOUNS = Lexicon.words("spender/lab-nouns");

  /** The company at k is listed after "venture of" ("the Stargate venture of OpenAI, SoftBank and Oracle"). */
  static boolean ventureOf(Token[] t, int k) {
    int head = listHead(t, k);
    return head >= 2 && t[head - 1].is("of") && t[head - 2].isWord() && VENTURE_NOUNS.contains(t[head - 2].norm);
  }

  /** "Executives said they expect", "management said they plan": the company's own people speak for it. */
  static boolean insiders(Token[] t, int a) {
    for (int k = a - 1; k >= 0 && k >= a - 8; k--) {
      if (t[k].kind == Token.Kind.COMPANY || t[k].kind == Token.Kind.MONEY) {
        return false;
      }
      if (t[k].isWord() && INSIDER_NOUNS.contains(t[k].norm)) {
        return true;
      }
    }
    return false;
  }

  static final Set<String> INSIDER_NOUNS = Set.of("executives", "management", "officials", "leaders", "bosses");

  /** "the start-up", "the AI lab", "the Claude developer": an anaphor only an AI lab can answer. */
  static boolean labAnaphor(Token[] t, int a) {
    if (!t[a].is("the")) {
      return false;
    }
    for (int k = a + 1; k < Math.min(t.length, Math.max(t[a].phraseEnd, a + 2)); k++) {
      if (t[k].isWord() && LAB_NOUNS.contains(t[k].norm)) {
        return true;
      }
    }
    return false;
  }

  /** The AI lab named last before the anaphor at a (this sentence, then earlier ones), or null. */
  static Company nearestLab(ItemContext ctx, Sent s, int a) {
    for (int i = s.index; i >= 0; i--) {
      Sent p = ctx.sents.get(i);
      Token[] t = p.tokens();
      for (int k = (i == s.index ? a : t.length) - 1; k >= 0; k--) {
        if (t[k].kind == Token.Kind.COMPANY) {
          com.capexalerts.core.company.CompanyMention c = p.mentions.get(t[k].ref);
          if (c.company().isAiScope(c.alias()) && !c.alias().equalsIgnoreCase("DeepMind")) {
            return c.company();
          }
        }
      }
    }
    return null;
  }

  /** An anaphor at a: the nearest spender before it in the sentence, else the item's focus. */
  static Owner resolve(ItemContext ctx, Sent s, int a, boolean plural) {
    Token[] t = s.tokens;
    if (ctx.publisher != null && FIRST_PERSON.contains(t[a].norm)) {
      return new Owner(List.of(ctx.publisher), a, a, true, false, false);
    }
    if (!plural && labAnaphor(t, a)) {
      Company lab = nearestLab(ctx, s, a);
      if (lab != null) {
        return new Owner(List.of(lab), a, a, true, false, false); // "while the start-up committed to buy ..."
      }
    }
    for (int k = a - 1; k >= 0; k--) {
      if (t[k].kind != Token.Kind.COMPANY) {
        continue;
      }
      if (plural) {
        Owner o = list(s, k, true);
        boolean coordinated = (k + 1 < t.length && (t[k + 1].is("and") || t[k + 1].is(",")))
            || (k > 0 && t[k - 1].is("and")); // "AWS and Humain ... they": the unwatched partner is not listed
        if (o.companies.size() > 1 || coordinated) {
          return o;
        }
        continue; // "SoftBank chief Masayoshi Son said the partners would deploy": one name is not "the partners"
      }
      if (!isObject(t, k) || isAgent(t, k)) {
        return t[k].possessive ? single(s, k, !embedded(t, k)) : list(s, k, true);
      }
      if (a >= 1 && (t[a - 1].is("as") || t[a - 1].is("while")) && k == a - 2) {
        return single(s, k, true); // "Nvidia and Microsoft fund Anthropic as it spends ...": the funded one spends
      }
    }
    if (plural) {
      for (int i = s.index - 1; i >= 0; i--) {
        Token[] p = ctx.sents.get(i).tokens();
        for (int k = 0; k < p.length; k++) {
          if (p[k].kind == Token.Kind.COMPANY) {
            Owner o = listForward(ctx.sents.get(i), k);
            if (o.companies.size() > 1) {
              return new Owner(o.companies, a, a, true, false, false);
            }
          }
        }
      }
    }
    if (plural && insiders(t, a)) {
      Company f = focus(ctx, s.index); // "Executives said late on Wednesday they expect capital expenditures ..."
      return f == null ? null : new Owner(List.of(f), a, a, true, false, false);
    }
    if (plural) {
      return null; // "they" with no companies named together: someone else ("the top four cloud providers")
    }
    Company f = focus(ctx, s.index);
    return f == null ? null : new Owner(List.of(f), a, a, true, false, false);
  }

  /**
   * The company an unresolved "it" or "the company" refers to: the headline's subject when it has one, else the
   * last company that was the subject of an earlier sentence.
   */
  static Company focus(ItemContext ctx, int sentIndex) {
    if (ctx.titleSubjects.size() == 1) {
      return ctx.titleSubjects.iterator().next();
    }
    for (int i = sentIndex - 1; i >= 0; i--) {
      Sent p = ctx.sents.get(i);
      if (p.mentions.isEmpty()) {
        continue;
      }
      Token[] t = p.tokens();
      for (int k = 0; k < t.length; k++) {
        if (t[k].kind != Token.Kind.COMPANY || isObject(t, k) || (t[k].possessive && embedded(t, k))) {
          continue;
        }
        Company c = p.mentions.get(t[k].ref).company();
        if (ctx.titleSubjects.isEmpty() || ctx.titleSubjects.contains(c)) {
          return c;
        }
      }
    }
    return ctx.titleSubjects.isEmpty() ? null : ctx.titleSubjects.iterator().next();
  }

  static Owner single(Sent s, int k, boolean subjectLike) {
    return new Owner(List.of(s.mentions.get(s.tokens[k].ref).company()), k, k, subjectLike, false, false);
  }

  /** The company at k with the companies coordinated before it ("OpenAI, SoftBank and Oracle"). */
  static Owner list(Sent s, int k, boolean subjectLike) {
    Token[] t = s.tokens;
    List<Company> companies = new ArrayList<>(2);
    companies.add(s.mentions.get(t[k].ref).company());
    int head = k;
    int j = k - 1;
    int separators = 0;
    while (j >= 0 && !t[k].possessive) {
      Token x = t[j];
      if ((x.kind == Token.Kind.PUNCT || x.isWord()) && COORDINATORS.contains(x.norm) && separators < 2) {
        separators++;
        j--;
        continue;
      }
      if (x.kind == Token.Kind.COMPANY && separators > 0 && !x.possessive) {
        Company c = s.mentions.get(x.ref).company();
        if (!companies.contains(c)) {
          companies.addFirst(c);
        }
        head = j;
        separators = 0;
        j--;
        continue;
      }
      break;
    }
    return new Owner(List.copyOf(companies), head, k, subjectLike, false, false);
  }

  /** The company at k with the companies coordinated after it ("venture of OpenAI, SoftBank and Oracle"). */
  static Owner listForward(Sent s, int k) {
    Token[] t = s.tokens;
    List<Company> companies = new ArrayList<>(2);
    companies.add(s.mentions.get(t[k].ref).company());
    int j = k + 1;
    int last = k;
    while (j < t.length) {
      int sep = j;
      while (sep < t.length && sep < j + 2 && (t[sep].kind == Token.Kind.PUNCT || t[sep].isWord()) && COORDINATORS.contains(t[sep].norm)) {
        sep++;
      }
      if (sep == j || sep >= t.length || t[sep].kind != Token.Kind.COMPANY || t[sep].possessive) {
        break; // ", and Meta's plan" starts a new phrase
      }
      Company c = s.mentions.get(t[sep].ref).company();
      if (!companies.contains(c)) {
        companies.add(c);
      }
      last = sep;
      j = sep + 1;
    }
    return new Owner(List.copyOf(companies), k, last, true, false, false);
  }

  static int listHead(Token[] t, int k) {
    if (t[k].possessive) {
      return k;
    }
    int head = k;
    int j = k - 1;
    int separators = 0;
    while (j >= 0) {
      Token x = t[j];
      if ((x.kind == Token.Kind.PUNCT || x.isWord()) && COORDINATORS.contains(x.norm) && separators < 2) {
        separators++;
        j--;
      } else if (x.kind == Token.Kind.COMPANY && separators > 0 && !x.possessive) {
        head = j;
        separators = 0;
        j--;
      } else {
        break;
      }
    }
    return head;
  }

  /**
   * Not the spender: the object of a preposition ("invest in Anthropic"), a modifier ("Microsoft-backed", "its
   * Nvidia stake", "$4 billion Anthropic investment", "Amazon's Anthropic stake").
   */
  static boolean isObject(Token[] t, int k) {
    if (qualifiesAnotherName(t, k)) {
      return true;
    }
    if (k + 1 < t.length
        && t[k + 1].isWord()
        && t[k + 1].norm.endsWith("ing")
        && t[k + 1].has(Cue.INVEST | Cue.ACQUIRE)) {
      return false; // "with Nvidia investing up to $2 billion": the subject of its own clause
    }
    int head = listHead(t, k);
    int p = head - 1;
    if (p >= 0) {
      Token before = t[p];
      if (before.isWord() && (OBJECT_PREPS.contains(before.norm) || POSSESSIVE_DETERMINERS.contains(before.norm))) {
        return true;
      }
      if (before.kind == Token.Kind.MONEY || (before.kind == Token.Kind.COMPANY && before.possessive)) {
        return true;
      }
      if (before.isWord() && OBJECT_VERBS.contains(before.norm)) {
        return true; // "pay Oracle $30 billion", "buy Nvidia chips", "fined Meta"
      }
      int q = p;
      while (q >= 0 && (t[q].is(",") || t[q].isWord() && Character.isDigit(t[q].norm.charAt(0)))) {
        q--; // "agreed to buy 18,000 Nvidia Blackwell chips": past the quantity to its verb
      }
      if (q >= 0 && q < p && t[q].isWord() && OBJECT_VERBS.contains(t[q].norm)) {
        return true;
      }
    }
    if (k + 2 < t.length && t[k + 1].is("-") && t[k + 1].start == t[k].end && t[k + 2].isWord() && t[k + 2].norm.endsWith("ed")) {
      return true;
    }
    return !t[k].possessive
        && k + 1 < t.length
        && t[k + 1].isWord()
        && STAKE_NOUNS.contains(t[k + 1].norm)
        && p >= 0
        && t[p].isWord()
        && !CLAUSE_OPENERS.contains(t[p].norm);
  }

  /**
   * "Nvidia supplier TSMC", "Apple's main supplier Foxconn", "OpenAI backer Microsoft": the company only qualifies
   * the name after the relation noun, and that one acts.
   */
  static boolean qualifiesAnotherName(Token[] t, int k) {
    for (int j = k + 1; j < t.length && j <= k + 3; j++) {
      Token x = t[j];
      if (!x.isWord()) {
        return false;
      }
      if (RELATION_NOUNS.contains(x.norm)) {
        if (j + 1 >= t.length) {
          return false;
        }
        Token name = t[j + 1];
        return name.kind == Token.Kind.COMPANY
            || (name.isWord() && name.upper && (name.flags & ~(Cue.SCOPE | Cue.SCOPE_WEAK)) == 0
                && !OBJECT_PREPS.contains(name.norm)
                && !CLAUSE_OPENERS.contains(name.norm) && !POSSESSIVE_DETERMINERS.contains(name.norm));
      }
      // only describing words in between ("main", "HBM", "chip"), never a verb or determiner ("said its partner")
      boolean describing = (x.flags & ~(Cue.SCOPE | Cue.SCOPE_WEAK)) == 0 && !OBJECT_PREPS.contains(x.norm)
          && !CLAUSE_OPENERS.contains(x.norm) && !POSSESSIVE_DETERMINERS.contains(x.norm)
          && !x.is("the") && !x.is("a") && !x.is("an") && !x.is("said") && !x.is("says");
      if (!describing) {
        return false;
      }
    }
    return false;
  }

  /** "announced", "spent", "built": a passive's verb before "by". */
  static boolean isParticiple(Token x) {
    return x.isWord() && (x.norm.endsWith("ed") || x.is("spent") || x.is("built") || x.is("put") || x.is("sunk"));
  }

  /** "Microsoft's new commitment", "its latest investment": news, not a plan referred to. */
  static boolean freshPlan(Token[] t, int k) {
    return k + 2 < t.length
        && (t[k + 1].is("new") || t[k + 1].is("latest") || t[k + 1].is("fresh"))
        && t[k + 2].isWord()
        && t[k + 2].has(Cue.INVEST | Cue.PLAN_NOUN);
  }

  /**
   * "the company's pledge to spend $500 billion", "Google's commitment of up to $2 billion": a body sentence that
   * refers to a known plan rather than announcing one.
   */
  static boolean presupposed(Sent s, Token[] t, int k) {
    if (freshPlan(t, k)) {
      return false;
    }
    return !s.isTitle
        && t[k].possessive
        && k + 2 < t.length
        && t[k + 1].isWord()
        && t[k + 1].has(Cue.PLAN_NOUN | Cue.INVEST)
        && (t[k + 2].is("to") || t[k + 2].is("of"));
  }

  /** A possessive company inside another phrase's object ("cleared Amazon's investment"), not a clause subject. */
  static boolean embedded(Token[] t, int k) {
    if (k == 0) {
      return false;
    }
    Token p = t[k - 1];
    if (p.kind == Token.Kind.COMPANY || p.kind == Token.Kind.MONEY) {
      return true;
    }
    return p.isWord() && !CLAUSE_OPENERS.contains(p.norm);
  }
}
