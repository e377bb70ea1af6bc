package com.capexalerts.core.detect;

import com.capexalerts.core.company.Company;
import com.capexalerts.core.company.CompanyMention;
import com.capexalerts.core.money.MoneyAmount;
import com.capexalerts.core.money.MoneySpan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The detection rules, applied to one item. Not thread-safe; one instance per item.
 *
 * <p>For each money amount in a sentence:
 *
 * <ol>
 *   <li><b>Old figure</b>: an amount introduced by "from", "up from", "compared with" after another amount of the
 *       sentence ("to $85 billion from $75 billion"), or a "by $10 billion" change, is the baseline: dropped.
 *   <li><b>Role</b>: the nearest governing cue decides. Words right after the amount that describe it win when
 *       they are non-investment nouns ("$6 billion funding round", "$35 billion in revenue"); otherwise the
 *       nearest cue before it ("will invest", "revenue of", "valued at", "shares fell ... to") or an investment
 *       noun after it ("a $10 billion data center"), whichever is closer. "raised $6 billion" is a fund-raise;
 *       "raised its capex forecast to $85 billion" is not. No investment cue: dropped.
 *   <li><b>Spender</b>: a possessive right before the amount ("Meta's $65 billion budget"); else a company right
 *       after it that plans or spends it ("the $80 billion Microsoft plans to spend"); else the nearest company
 *       before it that is not the object of a preposition ("invest in Anthropic", "Microsoft-backed"), with the
 *       companies coordinated with it ("OpenAI, SoftBank and Oracle"); "it", "the company", "the tech giant"
 *       resolve to the nearest such company earlier in the sentence, else to the item's subject. No watched
 *       spender: dropped. Several spenders share the stated joint figure, each getting the whole of it (the
 *       amount each one commits is not stated), unless the figure is an aggregate ("a combined $300 billion").
 *   <li><b>AI scope</b>: the sentence, the headline or a neighbouring sentence must be about AI (AI, data
 *       centres, chips, GPUs, compute, cloud, servers, AI labs ...); an acquisition or a sentence naming a
 *       non-AI object (video games, real estate, warehouses, sports rights ...) must be about AI itself.
 *   <li><b>Not a commitment</b>: analysts' estimates, tentative talk ("in talks", "considering", "could") and
 *       reported period results ("capex rose to $22.6 billion in the quarter") are dropped.
 *   <li><b>Kind</b>: an announcement when the spender is the item's subject and no past reference ("last year",
 *       "in January", "previously", "had pledged"), reaffirmation ("reiterated", "remains on track") or
 *       comparison framing ("rivals such as", "following", "joins", "than") attaches to it; else a mention.
 *       The subject is every watched company in the headline not framed as a comparison; when the headline
 *       names none, the companies committing money in the lead sentence.
 *   <li><b>Raise</b>: a raise verb with a plan noun ("raised its 2025 capex forecast to"), or a baseline figure
 *       marked as an earlier plan.
 * </ol>
 *
 * <p>Figures of one company that agree (same amount, or within 2% in dollars; 15% against the headline, which
 * rounds) are one finding: it is a mention if any of its sentences dates it as old, and its evidence is the most
 * informative sentence (a body sentence over the headline, then one stating a period, then one giving the
 * original currency).
 */
final class ItemAnalysis {
  private static final Set<String> OBJECT_PREPS =
      Set.of(
          "in", "into", "from", "with", "by", "to", "for", "of", "at", "on", "than", "against", "versus", "vs",
          "about", "toward", "towards", "onto", "via", "through", "alongside", "including");
  private static final Set<String> RIGHT_STOPS =
      Set.of(
          "with", "to", "for", "by", "as", "after", "before", "which", "that", "while", "but", "and", "or",
          "through", "until", "since", "because", "amid", "including", "according", "led", "from", "compared");
  private static final Set<String> COORDINATORS = Set.of(",", "and", "&", "or");
  private static final Set<String> PASSIVE_OPENERS =
      Set.of("the", "this", "that", "its", "their", "such", "total", "overall", "of", "under", "that's");
  private static final Set<String> PAST_MARKERS_AFTER_BASELINE =
      Set.of("previously", "earlier", "prior", "previous", "initially", "originally");
  private static final Set<String> DELTA_VERBS =
      Set.of("cut", "cuts", "trimmed", "reduced", "lowered", "increased", "raised", "lifted", "boosted");

  private static final int ROLE_DROP = 0;
  private static final int ROLE_INVEST = 1;
  private static final int ROLE_ACQUIRE = 2;

  private final Detector detector;
  private final String title;
  private final String text;
  private final int year;
  private final List<Sent> sents = new ArrayList<>();
  private Set<Company> titleSubjects = Set.of();

  ItemAnalysis(Detector detector, String title, String text, int year) {
    this.detector = detector;
    this.title = title;
    this.text = text;
    this.year = year;
  }

  /** A sentence with its amounts and companies (offsets relative to the sentence). */
  private static final class Sent {
    final int index;
    final boolean isTitle;
    final String text;
    final List<MoneySpan> money;
    final List<CompanyMention> mentions;
    Token[] tokens;
    int scope = -1; // 0 none, 1 weak, 2 strong
    boolean nonAi;

    Sent(int index, boolean isTitle, String text, List<MoneySpan> money, List<CompanyMention> mentions) {
      this.index = index;
      this.isTitle = isTitle;
      this.text = text;
      this.money = money;
      this.mentions = mentions;
    }
  }

  /** Who spends an amount: the companies, the first of their list, and the token that names them. */
  private record Owner(List<Company> companies, int head, int anchor) {}

  private record Candidate(
      Company company,
      boolean explicitPast,
      boolean compared,
      MoneySpan money,
      BigDecimal usd,
      String period,
      Sent sent,
      boolean raise) {}

  List<Finding> run() {
    String yen = "JPY";
    List<MoneySpan> titleMoney = detector.moneyParser().find(title, yen);
    List<MoneySpan> textMoney = detector.moneyParser().find(text, yen);
    if (titleMoney.isEmpty() && textMoney.isEmpty()) {
      return List.of();
    }
    List<CompanyMention> titleCos = detector.watchlist().find(title);
    List<CompanyMention> textCos = detector.watchlist().find(text);
    if (titleCos.isEmpty() && textCos.isEmpty()) {
      return List.of();
    }
    String yenDefault = yen;
    if (titleMoney.stream().anyMatch(MoneySpan::yenSign) || textMoney.stream().anyMatch(MoneySpan::yenSign)) {
      yenDefault = yenDefault(titleCos, textCos);
    }
    if (!title.isBlank()) {
      sents.add(new Sent(0, true, title, withCurrency(titleMoney, yenDefault), titleCos));
    }
    for (SentenceSplitter.Sentence s : detector.splitter().split(text)) {
      sents.add(
          new Sent(
              sents.size(),
              false,
              s.text(),
              shiftMoney(textMoney, s.start(), s.end(), yenDefault),
              shiftMentions(textCos, s.start(), s.end())));
    }
    if (!sents.isEmpty() && sents.get(0).isTitle) {
      titleSubjects = titleSubjects(sents.get(0));
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Sent s : sents) {
      if (s.money.isEmpty()) {
        continue;
      }
      Token[] t = tokens(s);
      for (int m = 0; m < t.length; m++) {
        if (t[m].kind == Token.Kind.MONEY) {
          analyze(s, m, candidates);
        }
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    Set<Company> subjects = titleSubjects;
    if (subjects.isEmpty()) {
      Set<Company> lede = new LinkedHashSet<>();
      int ledeIndex = sents.get(0).isTitle ? 1 : 0;
      for (Candidate c : candidates) {
        if (c.sent.index == ledeIndex && !c.explicitPast && !c.compared) {
          lede.add(c.company);
        }
      }
      subjects = lede;
    }
    return merge(candidates, subjects);
  }

  // ---------------------------------------------------------------- per amount

  private void analyze(Sent s, int m, List<Candidate> out) {
    Token[] t = s.tokens;
    MoneySpan span = s.money.get(t[m].ref);
    int prevMoney = prevMoney(t, m);
    int nextMoney = nextMoney(t, m);
    if (isBaseline(t, m, prevMoney) || isDelta(t, m)) {
      return;
    }
    int role = role(t, m);
    if (role == ROLE_DROP) {
      return;
    }
    Owner owner = owner(s, m);
    if (owner == null) {
      return;
    }
    int clauseStart = clauseStart(t, m);
    int base = Math.max(prevMoney + 1, clauseStart);
    if (owner.companies.size() > 1 && anyFlag(t, base, rightEnd(t, m, 12), Cue.AGGREGATE)) {
      return;
    }
    if (!inScope(s, role)) {
      return;
    }
    int winStart = windowStart(t, base, owner.anchor, m);
    int rightEnd = rightEnd(t, m, 8);
    if (anyFlag(t, winStart, m, Cue.TENTATIVE) || isEstimate(t, base, m) || isReportedResult(t, winStart, m, rightEnd)) {
      return;
    }
    boolean past = isPast(t, winStart, m, rightEnd);
    boolean compared = isCompared(s, t, owner.head) || isCompared(s, t, owner.anchor);
    boolean raise = isRaise(t, winStart, m, nextMoney);

    int charFrom = prevMoney >= 0 ? t[prevMoney].end : (clauseStart > 0 ? t[clauseStart - 1].end : 0);
    int clauseEnd = clauseEnd(t, m);
    int charTo = nextMoney >= 0 ? t[nextMoney].start : (clauseEnd < t.length ? t[clauseEnd].start : s.text.length());
    String period = PeriodFinder.find(s.text, charFrom, charTo, span.start(), span.end());

    for (Company c : owner.companies) {
      MoneySpan money = span;
      if (span.yenSign()) {
        if (c.country().equals("JP")) {
          money = span.withCurrency("JPY");
        } else if (c.country().equals("CN")) {
          money = span.withCurrency("CNY");
        }
      }
      BigDecimal usd = usd(money);
      if (usd == null || usd.compareTo(detector.minimumUsd()) < 0) {
        continue;
      }
      out.add(new Candidate(c, past, compared, money, usd, period, s, raise));
    }
  }

  private BigDecimal usd(MoneySpan money) {
    if (money.statedUsd() != null) {
      return money.statedUsd();
    }
    MoneyAmount a = money.amount();
    if (!detector.rates().supports(a.currency())) {
      return null; // a rate table without this currency: the figure cannot be weighed
    }
    return detector.rates().toUsd(a.value(), a.currency());
  }

  /** "to $85 billion from $75 billion": the $75 billion is the old figure. */
  private static boolean isBaseline(Token[] t, int m, int prevMoney) {
    int k = m - 1;
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
    return prevMoney >= 0 || followedByNew;
  }

  /** "raised its forecast by $10 billion": a change, not the plan. */
  private static boolean isDelta(Token[] t, int m) {
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
  private static int role(Token[] t, int m) {
    int rightInvest = -1;
    int words = 0;
    for (int k = m + 1; k < t.length && words < 5; k++) {
      Token x = t[k];
      if (x.kind == Token.Kind.MONEY) {
        break;
      }
      if (x.kind == Token.Kind.COMPANY) {
        if (k == m + 1) {
          continue; // "$40 billion OpenAI funding round"
        }
        break;
      }
      if (x.kind == Token.Kind.PUNCT) {
        if (x.is("-")) {
          continue;
        }
        break;
      }
      words++;
      if (x.has(Cue.DROP)) {
        return ROLE_DROP;
      }
      if (x.has(Cue.INVEST) && rightInvest < 0) {
        rightInvest = words;
      }
      if (RIGHT_STOPS.contains(x.norm)) {
        break;
      }
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
        return ROLE_DROP; // "raised $6 billion", "raising another $2 billion"
      }
      if (x.has(Cue.DROP | Cue.DROP_LEFT)) {
        leftDistance = words;
        leftRole = ROLE_DROP;
        break;
      }
      if (x.has(Cue.INVEST)) {
        leftDistance = words;
        leftRole = ROLE_INVEST;
        break;
      }
      if (x.has(Cue.ACQUIRE)) {
        leftDistance = words;
        leftRole = ROLE_ACQUIRE;
        break;
      }
    }
    if (leftDistance > 0) {
      if (leftRole == ROLE_DROP) {
        return rightInvest > 0 && rightInvest < leftDistance ? ROLE_INVEST : ROLE_DROP;
      }
      return leftRole;
    }
    if (rightInvest > 0) {
      return ROLE_INVEST;
    }
    return relativeSpender(t, m) >= 0 ? ROLE_INVEST : ROLE_DROP;
  }

  /** "the $80 billion (that) Microsoft plans to spend": index of the company, or -1. */
  private static int relativeSpender(Token[] t, int m) {
    int k = m + 1;
    if (k < t.length && (t[k].is("that") || t[k].is("which"))) {
      k++;
    }
    if (k >= t.length || t[k].kind != Token.Kind.COMPANY || t[k].possessive) {
      return -1;
    }
    for (int j = k + 1; j < t.length && j <= k + 4; j++) {
      if (t[j].kind != Token.Kind.WORD) {
        return -1;
      }
      if (t[j].has(Cue.INVEST | Cue.FORWARD)) {
        return k;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- who spends

  private Owner owner(Sent s, int m) {
    Token[] t = s.tokens;
    // a. "Meta's $65 billion budget", "its $80 billion plan"
    for (int k = m - 1, skipped = 0; k >= 0 && skipped <= 2; k--) {
      Token x = t[k];
      if (x.kind == Token.Kind.COMPANY && x.possessive) {
        return list(s, k);
      }
      if (x.isWord() && x.has(Cue.ANAPHOR) && x.is("its")) {
        return resolve(s, k);
      }
      if (x.isWord() && x.flags == 0 && !x.possessive) {
        skipped++;
        continue;
      }
      break;
    }
    // b. "the $80 billion Microsoft plans to spend"
    int rel = relativeSpender(t, m);
    if (rel >= 0) {
      return list(s, rel);
    }
    // c. "the $80 billion plan announced by Microsoft"
    for (int k = m + 1; k + 1 < t.length && k <= m + 5; k++) {
      if (t[k].kind == Token.Kind.MONEY || t[k].is(";")) {
        break;
      }
      if (t[k].is("by") && t[k + 1].kind == Token.Kind.COMPANY && t[k - 1].isWord() && t[k - 1].norm.endsWith("ed")) {
        return list(s, k + 1);
      }
    }
    // d. nearest company or anaphor before the amount
    for (int k = m - 1; k >= 0; k--) {
      Token x = t[k];
      if (x.is(";")) {
        break;
      }
      if (x.kind == Token.Kind.COMPANY && !isObject(t, k)) {
        return list(s, k);
      }
      if (x.isWord() && x.has(Cue.ANAPHOR)) {
        return resolve(s, k);
      }
    }
    // e. "The investment of 380 billion yuan will ..." in an item about one company
    if (t.length > 0 && t[0].isWord() && PASSIVE_OPENERS.contains(t[0].norm)) {
      boolean investNoun = false;
      for (int k = 0; k < m; k++) {
        if (t[k].kind == Token.Kind.COMPANY || (k > 0 && t[k].isWord() && t[k].upper)) {
          return null;
        }
        investNoun |= t[k].isWord() && t[k].has(Cue.INVEST);
      }
      Company f = focus(s.index);
      if (investNoun && f != null) {
        return new Owner(List.of(f), m, m);
      }
    }
    return null;
  }

  /** An anaphor at index a: the nearest spender before it in the sentence, else the item's focus. */
  private Owner resolve(Sent s, int a) {
    Token[] t = s.tokens;
    for (int k = a - 1; k >= 0; k--) {
      if (t[k].kind == Token.Kind.COMPANY && !isObject(t, k)) {
        Owner o = list(s, k);
        return new Owner(o.companies, o.head, a);
      }
    }
    Company f = focus(s.index);
    return f == null ? null : new Owner(List.of(f), a, a);
  }

  /**
   * The company an unresolved "it" or "the company" refers to: a headline subject (the one named last before
   * this sentence when there are several), else the first company of the nearest earlier sentence naming one.
   */
  private Company focus(int sentIndex) {
    if (titleSubjects.size() == 1) {
      return titleSubjects.iterator().next();
    }
    for (int i = sentIndex - 1; i >= 0; i--) {
      Sent p = sents.get(i);
      if (titleSubjects.isEmpty()) {
        if (!p.mentions.isEmpty()) {
          return p.mentions.get(0).company();
        }
        continue;
      }
      for (int k = p.mentions.size() - 1; k >= 0; k--) {
        if (titleSubjects.contains(p.mentions.get(k).company())) {
          return p.mentions.get(k).company();
        }
      }
    }
    return titleSubjects.isEmpty() ? null : titleSubjects.iterator().next();
  }

  /** The company at k with the companies coordinated before it ("OpenAI, SoftBank and Oracle"). */
  private static Owner list(Sent s, int k) {
    Token[] t = s.tokens;
    List<Company> companies = new ArrayList<>(2);
    companies.add(s.mentions.get(t[k].ref).company());
    int head = k;
    int j = k - 1;
    int separators = 0;
    while (j >= 0) {
      Token x = t[j];
      if ((x.kind == Token.Kind.PUNCT || x.isWord()) && COORDINATORS.contains(x.norm) && separators < 2) {
        separators++;
        j--;
        continue;
      }
      if (x.kind == Token.Kind.COMPANY && separators > 0) {
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
    return new Owner(List.copyOf(companies), head, k);
  }

  private static int listHead(Token[] t, int k) {
    int head = k;
    int j = k - 1;
    int separators = 0;
    while (j >= 0) {
      Token x = t[j];
      if ((x.kind == Token.Kind.PUNCT || x.isWord()) && COORDINATORS.contains(x.norm) && separators < 2) {
        separators++;
        j--;
      } else if (x.kind == Token.Kind.COMPANY && separators > 0) {
        head = j;
        separators = 0;
        j--;
      } else {
        break;
      }
    }
    return head;
  }

  /** "invest in Anthropic", "chips from Nvidia", "Microsoft-backed": not the spender. */
  private static boolean isObject(Token[] t, int k) {
    int head = listHead(t, k);
    if (head > 0 && t[head - 1].isWord() && OBJECT_PREPS.contains(t[head - 1].norm)) {
      return true;
    }
    return k + 2 < t.length
        && t[k + 1].is("-")
        && t[k + 1].start == t[k].end
        && t[k + 2].isWord()
        && t[k + 2].norm.endsWith("ed");
  }

  // ---------------------------------------------------------------- subject, scope, windows

  private Set<Company> titleSubjects(Sent title) {
    if (title.mentions.isEmpty()) {
      return Set.of();
    }
    Token[] t = tokens(title);
    Set<Company> out = new LinkedHashSet<>();
    for (int k = 0; k < t.length; k++) {
      if (t[k].kind != Token.Kind.COMPANY) {
        continue;
      }
      int head = listHead(t, k);
      if (!anyFlag(t, Math.max(0, head - 3), head, Cue.COMPARE)) {
        out.add(title.mentions.get(t[k].ref).company());
      }
    }
    return out;
  }

  /** Comparison framing within three words before the company ("rivals such as", "following", "than"). */
  private static boolean isCompared(Sent s, Token[] t, int head) {
    int flags = s.isTitle ? Cue.COMPARE : Cue.COMPARE | Cue.COMPARE_BODY;
    int from = Math.max(0, head - 3);
    for (int k = head - 1; k >= from; k--) {
      if (t[k].kind == Token.Kind.MONEY || t[k].is(";")) {
        return false;
      }
      if (t[k].isWord() && t[k].has(flags)) {
        return true;
      }
    }
    return false;
  }

  private boolean inScope(Sent s, int role) {
    int own = scope(s);
    if (role == ROLE_ACQUIRE) {
      return own == 2;
    }
    if (s.nonAi) {
      return own >= 1;
    }
    if (own >= 1) {
      return true;
    }
    if (!sents.isEmpty() && sents.get(0).isTitle && scope(sents.get(0)) >= 1) {
      return true;
    }
    int i = s.index;
    return (i > 0 && scope(sents.get(i - 1)) == 2) || (i + 1 < sents.size() && scope(sents.get(i + 1)) == 2);
  }

  private int scope(Sent s) {
    if (s.scope < 0) {
      Token[] t = tokens(s);
      int scope = 0;
      for (Token x : t) {
        if (x.kind == Token.Kind.WORD) {
          if (x.has(Cue.SCOPE)) {
            scope = 2;
          } else if (x.has(Cue.SCOPE_WEAK) && scope == 0) {
            scope = 1;
          }
          s.nonAi |= x.has(Cue.NON_AI);
        } else if (x.kind == Token.Kind.COMPANY) {
          CompanyMention c = s.mentions.get(x.ref);
          if (c.company().isAiScope(c.alias())) {
            scope = 2;
          }
        }
      }
      s.scope = scope;
    }
    return s.scope;
  }

  /**
   * Where the words that date or frame the amount start: at the spender (or the previous amount), or at the
   * clause start when the spender is the clause's first company ("Earlier this year, Microsoft said ...").
   */
  private static int windowStart(Token[] t, int base, int anchor, int m) {
    if (anchor < base || anchor >= m) {
      return base;
    }
    for (int k = base; k < anchor; k++) {
      if (t[k].kind == Token.Kind.COMPANY || t[k].kind == Token.Kind.MONEY) {
        return anchor;
      }
    }
    return base;
  }

  /** The words right after the amount that still describe it: up to a comma, another amount or company. */
  private static int rightEnd(Token[] t, int m, int maxWords) {
    int words = 0;
    int k = m + 1;
    for (; k < t.length && words < maxWords; k++) {
      Token x = t[k];
      if (x.kind == Token.Kind.MONEY || x.kind == Token.Kind.COMPANY) {
        break;
      }
      if (x.kind == Token.Kind.PUNCT && !x.is("-")) {
        break;
      }
      if (x.isWord()) {
        words++;
      }
    }
    return k;
  }

  private static int clauseStart(Token[] t, int m) {
    for (int k = m - 1; k >= 0; k--) {
      if (t[k].is(";")) {
        return k + 1;
      }
    }
    return 0;
  }

  private static int clauseEnd(Token[] t, int m) {
    for (int k = m + 1; k < t.length; k++) {
      if (t[k].is(";")) {
        return k;
      }
    }
    return t.length;
  }

  private static int prevMoney(Token[] t, int m) {
    for (int k = m - 1; k >= 0; k--) {
      if (t[k].kind == Token.Kind.MONEY) {
        return k;
      }
    }
    return -1;
  }

  private static int nextMoney(Token[] t, int m) {
    for (int k = m + 1; k < t.length; k++) {
      if (t[k].kind == Token.Kind.MONEY) {
        return k;
      }
    }
    return -1;
  }

  private static boolean anyFlag(Token[] t, int from, int to, int flags) {
    for (int k = Math.max(0, from); k < to && k < t.length; k++) {
      if (t[k].isWord() && t[k].has(flags)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Past reference or reaffirmation in the amount's window, leaving out relative clauses that close before it
   * ("Alibaba, which listed in 2014, will invest ..."). "in 2024" counts when the item is from a later year.
   */
  private boolean isPast(Token[] t, int from, int m, int rightEnd) {
    int k = from;
    while (k < m) {
      Token x = t[k];
      if (x.is(",") && k + 1 < m && t[k + 1].isWord() && (t[k + 1].is("which") || t[k + 1].is("who") || t[k + 1].is("whose"))) {
        int close = k + 2;
        while (close < m && !t[close].is(",")) {
          close++;
        }
        if (close < m) {
          k = close + 1;
          continue;
        }
      }
      if (isPastToken(t, k)) {
        return true;
      }
      k++;
    }
    for (k = m + 1; k < rightEnd; k++) {
      if (isPastToken(t, k)) {
        return true;
      }
    }
    return false;
  }

  private boolean isPastToken(Token[] t, int k) {
    Token x = t[k];
    if (!x.isWord()) {
      return false;
    }
    if (x.has(Cue.PAST | Cue.REAFFIRM)) {
      return true;
    }
    return year > 0
        && k > 0
        && (t[k - 1].is("in") || t[k - 1].is("during"))
        && Cue.isYear(x.norm)
        && Integer.parseInt(x.norm) < year;
  }

  /**
   * Someone else's estimate: an analyst cue close before the amount ("analysts' estimates of $75 billion"), or
   * further before or after it unless it only compares with estimates ("above analysts' expectations").
   */
  private static boolean isEstimate(Token[] t, int base, int m) {
    int words = 0;
    for (int k = m - 1; k >= base; k--) {
      if (!t[k].isWord()) {
        continue;
      }
      words++;
      if (t[k].has(Cue.ANALYST) && (words <= 5 || !negated(t, k))) {
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
      if (RIGHT_STOPS.contains(x.norm) && !x.is("according")) {
        break;
      }
    }
    return false;
  }

  private static boolean negated(Token[] t, int k) {
    for (int j = k - 1; j >= 0 && j >= k - 3; j--) {
      if (t[j].isWord() && t[j].has(Cue.NEGATES_ESTIMATE)) {
        return true;
      }
    }
    return false;
  }

  /** "capital expenditures rose to $22.6 billion in the quarter": a reported result, not a commitment. */
  private static boolean isReportedResult(Token[] t, int from, int m, int rightEnd) {
    return anyFlag(t, from, rightEnd, Cue.RESULTS)
        && anyFlag(t, from, m, Cue.PAST_MOVE)
        && !anyFlag(t, from, m, Cue.FORWARD);
  }

  private static boolean isRaise(Token[] t, int from, int m, int nextMoney) {
    for (int r = from; r < m; r++) {
      if (t[r].isWord() && t[r].has(Cue.RAISE_VERB) && anyFlag(t, r + 1, m, Cue.PLAN_NOUN)) {
        return true;
      }
    }
    if (nextMoney > 0 && t[nextMoney - 1].is("from")) {
      if (anyFlag(t, from, m, Cue.PLAN_NOUN)) {
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

  // ---------------------------------------------------------------- merging

  private List<Finding> merge(List<Candidate> candidates, Set<Company> subjects) {
    List<List<Candidate>> clusters = new ArrayList<>();
    for (Candidate c : candidates) {
      List<Candidate> home = null;
      for (List<Candidate> cl : clusters) {
        if (cl.get(0).company.equals(c.company) && cl.stream().anyMatch(o -> sameFigure(o, c))) {
          home = cl;
          break;
        }
      }
      if (home == null) {
        home = new ArrayList<>(2);
        clusters.add(home);
      }
      home.add(c);
    }
    List<Finding> out = new ArrayList<>(clusters.size());
    for (List<Candidate> cl : clusters) {
      Company company = cl.get(0).company;
      boolean old = cl.stream().anyMatch(Candidate::explicitPast);
      boolean allCompared = cl.stream().allMatch(Candidate::compared);
      FindingKind kind =
          subjects.contains(company) && !old && !allCompared ? FindingKind.ANNOUNCEMENT : FindingKind.MENTION;
      Candidate best =
          cl.stream()
              .filter(c -> kind == FindingKind.MENTION || !c.compared)
              .max(
                  Comparator.comparingInt((Candidate c) -> c.sent.isTitle ? 0 : 1)
                      .thenComparingInt(c -> c.period != null ? 1 : 0)
                      .thenComparingInt(c -> c.money.amount().currency().equals("USD") ? 0 : 1)
                      .thenComparingInt(c -> -c.sent.index))
              .orElse(cl.get(0));
      BigDecimal usd = best.usd;
      if (best.money.statedUsd() == null && !best.money.amount().currency().equals("USD")) {
        for (Candidate c : cl) {
          if (c.money.amount().currency().equals("USD")) {
            usd = c.money.amount().value(); // a dollar figure the item itself states beats our rate table
            break;
          }
        }
      }
      String period = best.period;
      if (period == null) {
        period = cl.stream().map(Candidate::period).filter(p -> p != null).findFirst().orElse(null);
      }
      boolean raise = cl.stream().anyMatch(Candidate::raise);
      out.add(new Finding(company.name(), kind, best.money.amount(), usd, period, best.sent.text, raise));
    }
    return out;
  }

  private static boolean sameFigure(Candidate a, Candidate b) {
    MoneyAmount x = a.money.amount();
    MoneyAmount y = b.money.amount();
    if (x.currency().equals(y.currency()) && x.value().compareTo(y.value()) == 0) {
      return true;
    }
    BigDecimal max = a.usd.max(b.usd);
    if (max.signum() == 0) {
      return false;
    }
    BigDecimal diff = a.usd.subtract(b.usd).abs().divide(max, 4, RoundingMode.HALF_UP);
    double tolerance = a.sent.isTitle || b.sent.isTitle ? 0.15 : 0.02;
    return diff.doubleValue() <= tolerance;
  }

  // ---------------------------------------------------------------- helpers

  private Token[] tokens(Sent s) {
    if (s.tokens == null) {
      s.tokens = Tokenizer.tokenize(s.text, s.money, s.mentions);
      Cue.annotate(s.tokens);
    }
    return s.tokens;
  }

  private static List<MoneySpan> withCurrency(List<MoneySpan> spans, String yen) {
    if (yen.equals("JPY")) {
      return spans;
    }
    List<MoneySpan> out = new ArrayList<>(spans.size());
    for (MoneySpan s : spans) {
      out.add(s.yenSign() ? s.withCurrency(yen) : s);
    }
    return out;
  }

  private static List<MoneySpan> shiftMoney(List<MoneySpan> spans, int start, int end, String yen) {
    List<MoneySpan> out = null;
    for (MoneySpan s : spans) {
      if (s.start() >= start && s.start() < end) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        MoneySpan shifted =
            new MoneySpan(s.amount(), s.start() - start, Math.min(s.end(), end) - start, s.statedUsd(), s.range(), s.yenSign());
        out.add(shifted.yenSign() ? shifted.withCurrency(yen) : shifted);
      }
    }
    return out == null ? List.of() : out;
  }

  private static List<CompanyMention> shiftMentions(List<CompanyMention> mentions, int start, int end) {
    List<CompanyMention> out = null;
    for (CompanyMention c : mentions) {
      if (c.start() >= start && c.end() <= end) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        out.add(new CompanyMention(c.company(), c.alias(), c.start() - start, c.end() - start, c.possessive()));
      }
    }
    return out == null ? List.of() : out;
  }

  /** What a bare ¥ means in this item: yuan when it is more about China than Japan, else yen. */
  private String yenDefault(List<CompanyMention> a, List<CompanyMention> b) {
    int china = 0;
    int japan = 0;
    for (List<CompanyMention> list : List.of(a, b)) {
      for (CompanyMention c : list) {
        if (c.company().country().equals("CN")) {
          china++;
        } else if (c.company().country().equals("JP")) {
          japan++;
        }
      }
    }
    String all = title + " " + text;
    for (String w : List.of("China", "Chinese", "Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Hong Kong", "yuan")) {
      china += count(all, w);
    }
    for (String w : List.of("Japan", "Japanese", "Tokyo", "Osaka", "yen")) {
      japan += count(all, w);
    }
    return china > japan ? "CNY" : "JPY";
  }

  private static int count(String s, String w) {
    int n = 0;
    for (int i = s.indexOf(w); i >= 0; i = s.indexOf(w, i + w.length())) {
      n++;
    }
    return n;
  }
}
