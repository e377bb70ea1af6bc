package com.capexalerts.core.detect;

import java.util.List;
import java.util.Set;

/**
 * <b>Role</b> and <b>old figure</b> stages: what an amount is.
 *
 * <p>Role: the nearest governing cue decides. Non-investment nouns right after the amount win ("$6 billion funding
 * round", "$35 billion in revenue", "$10 billion to Mexico's GDP", "$500 billion of bookings"); otherwise the nearest
 * cue before it ("will invest", "revenue of", "valued at", "shares fell ... to") or an investment noun right after
 * it ("a $10 billion data center", "$80 billion will be spent"), whichever is closer. "raised $6 billion" is a
 * fund-raise; "raised its capex forecast to $85 billion" is not. An investment noun governed by a sale or financing
 * verb ("sells its Nvidia stake for") is not an investment. A deal, contract or order is the buyer's commitment
 * when the sentence is about compute or chips and does not speak of supplying. Figures listed after a detected one
 * share its verb ("Alphabet at $75 billion and Meta at $65 billion"). No investment cue: dropped.
 *
 * <p>Old figure: an amount after "from", "up from", "compared with" that follows a detected amount of the sentence
 * ("to $85 billion from $75 billion") is that company's earlier figure: a mention. A change ("by $10 billion") is
 * dropped.
 */
final class MoneyRole {
  private static final Set<String> QUOTES = Set.of("'", "\"", "\u2018", "\u2019", "\u201c", "\u201d");

  /** Receipt verbs of the DROP cues: after the amount they are its verb ("the $53 billion budget lands"). */
  static final Set<String> RECEIPT_VERBS = Set.of("lands", "landed", "wins", "won", "gets", "got", "receives",
      "received", "secures", "secured");

  private MoneyRole() {}

  static final Set<String> GOVERNING_VERBS = Lexicon.words("money-role/governing-verbs");

  /** Words after an amount through which the words describing it still run ("$10 billion to Mexico's GDP"). */
  static final Set<String> RIGHT_LINKS = Lexicon.words("money-role/right-links");

  static final Set<String> NOUN_MODIFIERS = Lexicon.words("money-role/noun-modifiers");

  /** Words after an amount before an investment noun that still describes it ("$65 billion in capex"). */
  static final Set<String> NOUN_LINKS = Lexicon.words("money-role/noun-links");

  static final Set<String> DELTA_VERBS = Lexicon.words("money-role/delta-verbs");

  static final Set<String> RELATIVE_SPENDER_VERBS = Lexicon.words("money-role/relative-spender-verbs");

  /** Before "worth": what shows the worth is a value of something held ("now", "holds", "stake", a share in %). */
  static final Set<String> HOLDING_WORDS = Lexicon.words("money-role/holding-words");

  /** Right before an amount: holding it, not paying it ("to hold a $135 billion stake"). */
  static final Set<String> HOLDING_VERBS = Lexicon.words("money-role/holding-verbs");

  /** No investment cue governs the amount. */
  static final int ROLE_NONE = -1;

  /** A non-investment cue governs it: revenue, valuation, fund-raise, buyback ... */
  static final int ROLE_DROP = 0;

  /** Money invested: spending, capex, a pledge, a data centre ... */
  static final int ROLE_INVEST = 1;

  /** An investment only when the sentence itself is about AI (acquisitions, purchases, deals). */
  static final int ROLE_ACQUIRE = 2;

  /** "to $85 billion from $75 billion", "up from the $35 billion it projected": the older figure. */
  static boolean isBaseline(Token[] t, int m, int prevMoney, Set<Integer> detected) {
    int k = m - 1;
    if (k >= 0 && t[k].isWord() && (t[k].is("the") || t[k].is("its") || t[k].is("a"))) {
      k--;
    }
    if (k < 0 || !t[k].isWord()) {
      return false;
    }
    boolean marker =
        t[k].is("from") || t[k].is("versus") || t[k].is("vs") || t[k].is("against")
            || (t[k].is("with") || t[k].is("to")) && k > 0 && t[k - 1].is("compared");
    if (!marker) {
      return false;
    }
    boolean followedByNew = m + 2 < t.length && t[m + 1].is("to") && t[m + 2].kind == Token.Kind.MONEY;
    return (prevMoney >= 0 && detected.contains(prevMoney)) || followedByNew;
  }

  /** "raised its forecast by $10 billion": a change, not the plan. */
  static boolean isDelta(Token[] t, int m) {
    if (m == 0 || !t[m - 1].is("by")) {
      return false;
    }
    for (int k = m - 2; k >= 0 && k >= m - 7; k--) {
      if (t[k].isWord() && (t[k].has(Cue.RAISE_VERB) || DELTA_VERBS.contains(t[k].norm))) {
        return true;
      }
    }
    return false;
  }

  /** The amount's nearest governing cue (see the class comment). */
  static int role(Sent s, int m, Trace trace) {
    Token[] t = s.tokens;
    int held = heldValue(t, m);
    if (held >= 0) {
      return decided(trace, s, ROLE_DROP, held, "the value of a holding");
    }
    int rightInvest = -1;
    int rightDeal = -1;
    int rightInvestAt = -1;
    int rightDealAt = -1;
    int leftAt = -1;
    boolean nounAllowed = true;
    int words = 0;
    for (int k = m + 1; k < t.length && words < 5; k++) {
      Token x = t[k];
      if (x.kind == Token.Kind.MONEY) {
        break;
      }
      if (x.kind == Token.Kind.COMPANY) {
        boolean target = t[k - 1].is("in") || t[k - 1].is("into");
        if (target) {
          break; // "$2 billion in xAI's funding round": what follows describes xAI's round, not this money
        }
        boolean linked = k == m + 1 || x.possessive || (t[k - 1].isWord() && RIGHT_LINKS.contains(t[k - 1].norm));
        if (linked) {
          continue; // "$40 billion OpenAI funding round", "$10 billion to Mexico's GDP"
        }
        break;
      }
      if (x.kind == Token.Kind.PUNCT) {
        if (x.is("-") || QUOTES.contains(x.norm)) {
          continue; // "$500bn 'Stargate' push": a quoted name inside the noun phrase
        }
        break;
      }
      words++;
      if ((x.is("round") || x.is("rounds")) && k >= m + 3 && (t[k - 1].is("the") || t[k - 1].is("its"))
          && (t[k - 2].is("in") || t[k - 2].is("to") || t[k - 2].is("into"))) {
        continue; // "Nvidia $30 billion in the round": where a backer's money goes; the raiser's "raised" drops it
      }
      if (x.has(Cue.DROP) && !RECEIPT_VERBS.contains(x.norm)) {
        // "lands", "wins" drop a figure they govern ("lands a $16.5 billion order"), not the subject they follow
        return decided(trace, s, ROLE_DROP, k, "right after it");
      }
      boolean passive = x.has(Cue.INVEST) && (x.is("be") || x.is("been") || x.is("being"));
      // "a $10 billion data center"; a longer noun phrase of modifiers still ends in its noun ("$25 billion Australian
      // AI and cloud investment")
      if ((nounAllowed || passive) && (words <= 3 || nounAllowed && words <= 5) && rightInvest < 0 && x.has(Cue.INVEST)) {
        rightInvest = words; // "a $10 billion data center", "$80 billion will be spent"
        rightInvestAt = k;
      }
      if (nounAllowed && words <= 3 && rightDeal < 0 && x.has(Cue.DEAL | Cue.ACQUIRE)) {
        rightDeal = words;
        rightDealAt = k;
      }
      boolean scopePair = nounAllowed && x.is("and") && k + 1 < t.length && t[k + 1].isWord()
          && t[k + 1].has(Cue.SCOPE | Cue.SCOPE_WEAK); // "AI and cloud investment": one noun phrase
      boolean modifier = x.upper || x.norm.indexOf('-') > 0 || NOUN_MODIFIERS.contains(x.norm) || scopePair
          || Cue.isYear(x.norm); // "$200 billion 2026 spending target"
      if (!NOUN_LINKS.contains(x.norm) && !modifier && !x.has(Cue.INVEST | Cue.SCOPE | Cue.SCOPE_WEAK | Cue.DEAL)) {
        nounAllowed = false;
      }
      if (Clauses.RIGHT_STOPS.contains(x.norm) && !RIGHT_LINKS.contains(x.norm) && !scopePair || x.is("at")) {
        break; // "bought $250 million of shares at the IPO price": the price is the shares', not the amount's
      }
      // A phrase's later words carry no flags of their own: "$38 billion cloud computing deal" is one noun phrase.
      k = Math.max(k, x.phraseEnd - 1);
    }
    int leftDistance = -1;
    int leftRole = ROLE_DROP;
    words = 0;
    int wordsSinceMoney = 0;
    for (int k = m - 1; k >= 0 && words < 15; k--) {
      Token x = t[k];
      if (x.kind == Token.Kind.PUNCT && x.is(";")) {
        break;
      }
      if (x.kind == Token.Kind.MONEY) {
        if (wordsSinceMoney > 3) {
          break; // another amount with its own words in between governs what is before it
        }
        wordsSinceMoney = 0;
        continue;
      }
      if (!x.isWord()) {
        continue;
      }
      words++;
      wordsSinceMoney++;
      if (x.has(Cue.FUNDRAISE) && words <= 2) {
        return decided(trace, s, ROLE_DROP, k, "a fund-raise"); // "raised $6 billion", "raising another $2 billion"
      }
      if (x.has(Cue.DROP | Cue.DROP_LEFT)) {
        leftDistance = words;
        leftAt = k;
        leftRole = ROLE_DROP;
        if (isDealPrice(t, k)) {
          Token noun = t[dealNounBefore(t, k)];
          leftRole = noun.has(Cue.ACQUIRE) ? ROLE_ACQUIRE : noun.has(Cue.DEAL) ? dealRole(s) : ROLE_INVEST;
        }
        break;
      }
      if (x.has(Cue.INVEST)) {
        leftDistance = words;
        leftAt = k;
        if (shareOfResult(t, k)) {
          return decided(trace, s, ROLE_DROP, k, "a share of the result before it");
        }
        leftRole = governedBySale(t, k) || gainOnInvestment(t, k) ? ROLE_DROP : ROLE_INVEST;
        break;
      }
      if (x.has(Cue.ACQUIRE)) {
        leftDistance = words;
        leftAt = k;
        leftRole = ROLE_ACQUIRE;
        break;
      }
      if (x.has(Cue.DEAL)) {
        leftDistance = words;
        leftAt = k;
        boolean financing = k > 0 && t[k - 1].isWord() && t[k - 1].has(Cue.DROP); // "bond deal", "debt deal"
        leftRole = financing ? ROLE_DROP : dealRole(s);
        break;
      }
    }
    if (rightInvest > 0 && (leftDistance < 0 || rightInvest < leftDistance)) {
      return decided(trace, s, ROLE_INVEST, rightInvestAt, "after it");
    }
    if (leftDistance > 0) {
      return decided(trace, s, leftRole, leftAt, "");
    }
    if (rightDeal > 0) {
      return decided(trace, s, dealRole(s), rightDealAt, "after it");
    }
    if (m >= 4 && t[m - 1].is("to") && t[m - 2].isWord() && RAISED_NOUNS.contains(t[m - 2].norm)
        && (t[m - 3].is("its") || t[m - 3].is("their")) && t[m - 4].isWord() && t[m - 4].has(Cue.RAISE_VERB)) {
      // "Meta lifted its range to $125 billion to $145 billion": a raise of the guidance the item is about
      return decided(trace, s, ROLE_INVEST, m - 2, "");
    }
    int spender = relativeSpender(t, m);
    return decided(trace, s, spender >= 0 ? ROLE_INVEST : ROLE_NONE, spender, spender >= 0 ? "the company that spends it" : "");
  }

  /** Records the role decided by the cue at k (or by none, k &lt; 0) when explaining; returns the role. */
  private static int decided(Trace trace, Sent s, int role, int k, String how) {
    if (trace != null) {
      String reason;
      if (k < 0) {
        reason = "no investment, deal or other money cue governs it";
      } else if (role == ROLE_NONE) {
        reason = "by " + Trace.phrase(s, k) + ", but the sentence speaks of supplying: the seller's deal";
      } else {
        reason = "by " + Trace.phrase(s, k) + (how.isEmpty() ? "" : " (" + how + ")");
      }
      trace.decide("role", name(role), reason);
    }
    return role;
  }

  /** The role's name in explanations. */
  static String name(int role) {
    return switch (role) {
      case ROLE_INVEST -> "invest";
      case ROLE_ACQUIRE -> "acquisition or deal";
      case ROLE_DROP -> "not an investment";
      default -> "no investment cue";
    };
  }

  /**
   * "an all-cash transaction valued at $6.5 billion": the price of the deal or acquisition right before, not a
   * valuation of a company ("the deal valued Scale AI at ..." is one).
   */
  static boolean isDealPrice(Token[] t, int k) {
    boolean priced = t[k].is("valued") && k + 1 < t.length && t[k + 1].is("at");
    int n = dealNounBefore(t, k);
    if (!priced || n < 0 || t[n].has(Cue.DROP) || (n >= 1 && t[n - 1].isWord() && t[n - 1].has(Cue.DROP))) {
      return false; // "a financing agreement valued at $27 billion" is no purchase
    }
    // "the investment is valued at $2 billion" is its price; "a stake valued at $135 billion" may be a holding's value
    return t[n].has(Cue.DEAL | Cue.ACQUIRE) || n < k - 1 && (t[n].is("investment") || t[n].is("commitment"));
  }

  /** The noun before "valued", skipping a copula ("the investment is valued at"), or -1. */
  static int dealNounBefore(Token[] t, int k) {
    int n = k - 1;
    if (n > 0 && (t[n].is("is") || t[n].is("was") || t[n].is("were") || t[n].is("are"))) {
      n--;
    }
    return n >= 0 && t[n].isWord() ? n : -1;
  }

  static final Set<String> SHARE_VERBS = Lexicon.words("money-role/share-verbs");
  static final Set<String> RESULT_NOUNS = Lexicon.words("money-role/result-nouns");

  /**
   * "operating profit rose to 12.17 trillion won, with the chip division contributing 7 trillion won": a share verb
   * after a result and its figure in the same clause splits that result. Not after a round ("raised $40 billion, with
   * SoftBank contributing $30 billion" is SoftBank's money).
   */
  static boolean shareOfResult(Token[] t, int k) {
    if (!SHARE_VERBS.contains(t[k].norm)) {
      return false;
    }
    boolean money = false;
    for (int j = k - 1; j >= 0; j--) {
      if (t[j].is(";")) {
        return false;
      }
      if (t[j].kind == Token.Kind.MONEY) {
        money = true;
      } else if (money && t[j].isWord() && RESULT_NOUNS.contains(t[j].norm)) {
        return true;
      } else if (t[j].isWord() && t[j].has(Cue.INVEST | Cue.FUNDRAISE)) {
        return false;
      }
    }
    return false;
  }

  /** "sells its Nvidia stake for", "to finance its data-centre campus": the verb before the noun decides. */
  /** "gains on its OpenAI investment reached 2.2 trillion yen": the money measures the gain, not the investment. */
  static boolean gainOnInvestment(Token[] t, int k) {
    for (int j = k - 1; j >= 1 && j >= k - 4; j--) {
      if ((t[j].is("on") || t[j].is("from")) && t[j - 1].isWord() && t[j - 1].has(Cue.DROP)) {
        return true;
      }
    }
    return false;
  }

  static boolean governedBySale(Token[] t, int k) {
    for (int j = k - 1, w = 0; j >= 0 && w < 4; j--) {
      if (!t[j].isWord()) {
        if (t[j].kind == Token.Kind.COMPANY) {
          continue;
        }
        return false;
      }
      w++;
      if (GOVERNING_VERBS.contains(t[j].norm)) {
        return true;
      }
      // "sold its whole stake": a determiner ("its", "their") does not end the phrase
      if (t[j].flags != 0 && !t[j].has(Cue.SCOPE | Cue.SCOPE_WEAK | Cue.INVEST | Cue.ANAPHOR | Cue.PLURAL_ANAPHOR)) {
        return false;
      }
    }
    return false;
  }

  /**
   * "a bet that is now worth about $61 billion", "leaves Microsoft with 27% of the company, worth around $135
   * billion", "to hold a $135 billion stake": the value of something held, not money put in. Index of the word
   * that shows it, or -1. "a deal worth $10 billion" and "takes a stake worth $2 billion" are prices, not values.
   */
  static int heldValue(Token[] t, int m) {
    if (m > 0 && t[m - 1].is("worth")) {
      int words = 0;
      for (int k = m - 2; k >= 0 && words < 10; k--) {
        Token x = t[k];
        if (x.kind == Token.Kind.MONEY || x.is(";")) {
          break;
        }
        if (x.is("%") || (x.isWord() && (HOLDING_WORDS.contains(x.norm) || x.is("percent")))) {
          return k;
        }
        if (x.isWord()) {
          words++;
        }
      }
      return -1;
    }
    // "putting its stake at $60.6 billion", "valuing its holding at": a stake's value, not the money put in
    if (m >= 3 && t[m - 1].is("at") && (t[m - 2].is("stake") || t[m - 2].is("holding") || t[m - 2].is("stakes"))
        && (t[m - 3].is("its") || t[m - 3].is("their") || t[m - 3].possessive)) {
      return m - 2;
    }
    // "to hold a $135 billion stake", "holds $60 billion of Anthropic shares"
    for (int k = m - 1, words = 0; k >= 0 && words < 3; k--) {
      if (!t[k].isWord()) {
        return -1;
      }
      words++;
      if (HOLDING_VERBS.contains(t[k].norm)) {
        return k;
      }
    }
    return -1;
  }

  /** A deal or contract commits the buyer when it is about compute or chips and nobody is said to supply. */
  static int dealRole(Sent s) {
    AiScope.scope(s);
    return s.supply ? ROLE_NONE : ROLE_ACQUIRE;
  }

  /**
   * "to borrow $16 billion for AI investments, with a further $8 billion possibly sought": the amount adds to the
   * sentence's previous one ("with a further", "and another", "plus"), so it is what that one is.
   */
  static boolean continuesPrevious(Sent s, int prevMoney, int m) {
    Token[] t = s.tokens;
    if (prevMoney < 0 || m - prevMoney < 2) {
      return false;
    }
    // the qualifier is part of the amount: "a further $8 billion"
    String written = s.money.get(t[m].ref).amount().text().toLowerCase(java.util.Locale.ROOT);
    boolean more = false;
    for (String w : LIST_MORE) {
      more |= written.startsWith(w);
    }
    Token before = t[m - 1];
    return before.is("plus") || more && (before.is("with") || before.is("and") || before.is(","));
  }

  /** Qualifiers of more of the same. */
  private static final List<String> LIST_MORE =
      List.of("a further ", "further ", "another ", "an additional ", "additional ", "an extra ");

  /** "... and Microsoft up to $5 billion", "Alphabet at $75 billion": a company naming a listed figure. */
  static boolean gapped(Token[] t, int m) {
    int k = m - 1;
    if (k >= 0 && (t[k].is("at") || t[k].is("with"))) {
      k--;
    }
    return k >= 0 && t[k].kind == Token.Kind.COMPANY && !t[k].possessive;
  }

  /** "the $80 billion (that) Microsoft plans to spend": index of the company, or -1. */
  static int relativeSpender(Token[] t, int m) {
    int k = m + 1;
    if (k < t.length && (t[k].is("that") || t[k].is("which"))) {
      k++;
    }
    if (k + 1 >= t.length || t[k].kind != Token.Kind.COMPANY || t[k].possessive) {
      return -1;
    }
    Token verb = t[k + 1];
    if (!verb.isWord() || !(RELATIVE_SPENDER_VERBS.contains(verb.norm) || verb.has(Cue.FORWARD))) {
      return -1;
    }
    for (int j = k + 1; j < t.length && j <= k + 5; j++) {
      if (t[j].kind != Token.Kind.WORD) {
        return -1;
      }
      if (t[j].has(Cue.INVEST | Cue.ACQUIRE | Cue.PAST)) {
        return k;
      }
    }
    return -1;
  }

  /** "for ... AI infrastructure", "on data centres": what a bare amount is for. */
  static boolean purposeAfter(Token[] t, int m) {
    boolean purpose = false;
    for (int k = m + 1; k < t.length && k <= m + 12; k++) {
      if (t[k].kind == Token.Kind.MONEY || t[k].is(";") || (t[k].isWord() && t[k].has(Cue.DROP))) {
        return false;
      }
      purpose |= t[k].is("for") || t[k].is("on") || t[k].is("into") || t[k].is("in");
      if (purpose && t[k].isWord() && t[k].has(Cue.INVEST)) {
        return true;
      }
    }
    return false;
  }

  /** Guidance named only by its shape ("lifted its range to"): the figure is the guided spending. */
  private static final Set<String> RAISED_NOUNS = Set.of("range", "guidance", "outlook");

  /**
   * "OpenAI said it raised $110 billion, with $50 billion from Amazon, $30 billion from Nvidia ...": an amount right
   * before "from" and a watched company, in a sentence whose earlier figure was dropped as a fund-raise, is that
   * backer's own share of the round (labelling rule 6).
   */
  static boolean backerShare(Token[] t, int m, Set<Integer> dropped) {
    if (m + 2 >= t.length || !t[m + 1].is("from") || t[m + 2].kind != Token.Kind.COMPANY || t[m + 2].possessive) {
      return false;
    }
    boolean raise = false;
    for (int k = 0; k < m; k++) {
      raise |= t[k].kind == Token.Kind.MONEY && dropped.contains(k) && k > 0 && roundBefore(t, k);
    }
    return raise;
  }

  /** "raised $110 billion", "a $40 billion funding round": a fund-raise at k. */
  private static boolean roundBefore(Token[] t, int k) {
    for (int j = Math.max(0, k - 3); j < Math.min(t.length, k + 4); j++) {
      if (t[j].isWord() && (t[j].is("raised") || t[j].is("raises") || t[j].is("raise") || t[j].is("raising")
          || t[j].is("round") || t[j].is("rounds"))) {
        return true;
      }
    }
    return false;
  }
}
