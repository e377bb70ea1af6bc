package com.capexalerts.core.detect;

import com.capexalerts.core.company.Company;
import com.capexalerts.core.company.CompanyMention;
import com.capexalerts.core.money.MoneyAmount;
import com.capexalerts.core.money.MoneySpan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The detection rules, applied to one item. Not thread-safe; one instance per item.
 *
 * <p>For each money amount in a sentence (the headline is a sentence of its own):
 *
 * <ol>
 *   <li><b>Role</b>: the nearest governing cue decides. Non-investment nouns right after the amount win ("$6
 *       billion funding round", "$35 billion in revenue", "$10 billion to Mexico's GDP", "$500 billion of
 *       bookings"); otherwise the nearest cue before it ("will invest", "revenue of", "valued at", "shares fell ...
 *       to") or an investment noun right after it ("a $10 billion data center", "$80 billion will be spent"),
 *       whichever is closer. "raised $6 billion" is a fund-raise; "raised its capex forecast to $85 billion" is
 *       not. An investment noun governed by a sale or financing verb ("sells its Nvidia stake for") is not an
 *       investment. A deal, contract or order is the buyer's commitment when the sentence is about compute or
 *       chips and does not speak of supplying. Figures listed after a detected one share its verb ("Alphabet at
 *       $75 billion and Meta at $65 billion"). No investment cue: dropped.
 *   <li><b>Old figure</b>: an amount after "from", "up from", "compared with" that follows a detected amount of
 *       the sentence ("to $85 billion from $75 billion") is that company's earlier figure: a mention. A change
 *       ("by $10 billion") is dropped.
 *   <li><b>Spender</b>: a possessive right before the amount ("Meta's $65 billion budget"); the subject of a gapped
 *       clause ("... and Microsoft up to $5 billion"); a company right after it that plans or spends it ("the $80
 *       billion Microsoft plans to spend"); the investor or agent named after it ("investments of $5 billion from
 *       Microsoft", "a project by TikTok", "will be spent by Microsoft"); else the nearest company before it that
 *       is not an object ("invest in Anthropic", "Microsoft-backed", "its Nvidia stake", "pay Oracle") nor qualifies
 *       another name ("Nvidia supplier TSMC"), with the
 *       companies coordinated with it ("OpenAI, SoftBank and Oracle"); "it", "the company", "we", "the tech giant"
 *       resolve to the nearest such company earlier in the sentence, else to the item's focus (the headline's
 *       subject); "they", "the partners" to the nearest list of companies, else to nobody. No watched spender:
 *       dropped. Several spenders share a stated joint figure, each getting all of it (the amount each puts in is
 *       not stated), unless it is an aggregate ("a combined $300 billion") or a spender states its own amount
 *       elsewhere in the item.
 *   <li><b>AI scope</b>: the sentence, the headline or a neighbouring sentence must be about AI (AI, data
 *       centres, chips, GPUs, compute, cloud, servers, capex, AI labs); an acquisition, a purchase, a deal or a
 *       sentence naming a non-AI object (video games, real estate, sports rights ...) must be about AI itself.
 *   <li><b>Not a commitment</b>: analysts' estimates, tentative talk ("in talks", "in early discussions", "considering", "could", "eyes"), denials
 *       and reported period results ("capex rose to $22.6 billion in the quarter") in the spender's clause are
 *       dropped.
 *   <li><b>Kind</b>: an announcement when the spender is a subject of the item, the figure is asserted by its own
 *       clause and nothing dates or frames it; otherwise a mention. Dated: past reference ("last year", "said in
 *       January", "expanded in August", "weeks after raising", "previously", "had pledged", "has said", "has invested" unless the amount is "another" or "an
 *       additional" one, "in 2024" in an item of 2025; "initially" only outside a forward clause, since "will invest $100 billion
 *       initially" is a tranche) or reaffirmation ("reiterated", "remains on track",
 *       "defended"). Framed: comparison ("rivals such as", "following", "joins", "than"), a relative clause
 *       ("xAI, which plans to invest $20 billion, said ..."), a possessive inside someone else's object ("the
 *       regulator cleared Amazon's $4 billion investment"), or a known plan referred to in the body ("its $22.5
 *       billion investment", "the company's pledge to spend $500 billion"). The subjects are the watched companies
 *       the headline names, except objects and comparisons; when the headline names none but speaks of committing
 *       money, the companies that the first sentences with a figure report committing ("said it would spend").
 *   <li><b>Raise</b>: a raise verb with a plan noun ("raised its 2025 capex forecast to"), or a plan figure given
 *       with an earlier one ("to $85 billion from $75 billion previously").
 * </ol>
 *
 * <p>Figures of one company that agree (same amount, or within 2% in dollars) are one finding; a headline figure
 * joins the body figure of the same company closest to it within 15% (headlines round). A finding is a mention if
 * any of its sentences dates it, an announcement if one of them is an unframed commitment of a subject. Its
 * evidence is the most informative sentence (a body sentence over the headline, then one stating a period, then
 * one in the original currency). A headline figure that the body shows to be no commitment (bookings, talks, an
 * estimate), or that the body gives to only one of the companies the headline names together, is dropped. A
 * smaller announced figure of the same company written beside a larger one, or after it, is part of the larger
 * total (a tranche, a country share, "of which", a running total): not a separate finding.
 */
final class ItemAnalysis {
  private static final Set<String> OBJECT_PREPS =
      Set.of(
          "in", "into", "from", "with", "by", "to", "for", "of", "at", "on", "than", "against", "versus", "vs",
          "about", "toward", "towards", "onto", "via", "through", "alongside", "including", "between", "over");
  /** Verbs whose next company is their object, not the spender. */
  private static final Set<String> OBJECT_VERBS =
      Set.of(
          "pay", "pays", "paid", "paying", "buy", "buys", "bought", "buying", "acquire", "acquires", "acquired",
          "acquiring", "purchase", "purchases", "purchased", "purchasing", "fine", "fines", "fined", "sue", "sues",
          "sued", "award", "awards", "awarded", "grant", "grants", "granted", "give", "gives", "gave", "giving",
          "hire", "hires", "hired", "beat", "beats", "overtook", "overtake", "overtakes", "surpass", "surpassed",
          "backs", "backed", "backing", "supply", "supplies", "supplied", "supplying", "sell", "sells", "sold",
          "selling", "lease", "leases", "leased", "rent", "rents", "rented", "valued", "value", "values");
  /** A company before one of these qualifies the name after it ("Nvidia supplier TSMC"). */
  private static final Set<String> RELATION_NOUNS =
      Set.of(
          "supplier", "suppliers", "customer", "customers", "client", "clients", "partner", "partners", "rival",
          "rivals", "competitor", "competitors", "backer", "backers", "investor", "investors", "vendor", "vendors",
          "contractor", "affiliate");
  /** A headline with these is about a legal payment; its figure repeated in the body is that payment. */
  private static final Set<String> LEGAL_WORDS =
      Set.of(
          "settle", "settles", "settled", "settlement", "fine", "fined", "fines", "penalty", "damages", "lawsuit",
          "verdict", "sued", "suit");
  private static final Set<String> NOT_NAMES =
      Set.of(
          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
          "tomorrow", "in", "on", "at", "for", "by", "with", "under", "in addition", "overall", "instead", "still",
          "now", "then", "first", "second", "finally", "together", "specifically", "notably", "crucially", "in total");
  private static final Set<String> QUALIFIERS =
      Set.of("roughly", "about", "around", "nearly", "almost", "some", "over", "approximately", "already", "now");
  private static final Set<String> CHANGED_VERBS =
      Set.of(
          "rose", "jumped", "climbed", "doubled", "tripled", "surged", "grew", "soared", "fell", "dropped",
          "declined", "reached", "hit", "totaled", "totalled", "came", "swelled", "ballooned", "increased");
  private static final String QUOTE_MARKS = "'\"‘’“”";
  private static final Set<String> FACILITY_NOUNS =
      Set.of(
          "campus", "campuses", "facility", "facilities", "plant", "plants", "factory", "factories", "fab", "fabs",
          "hub", "cluster", "clusters", "infrastructure", "project", "projects", "expansion", "build", "builds",
          "building", "construction", "push", "expand", "expands", "expanding", "develop", "develops", "developing");
  /** Conjunctions that open a clause with a subject of its own. */
  private static final Set<String> SUBORDINATORS = Set.of("as", "while", "whereas", "although", "though", "that");
  private static final Set<String> SUPERLATIVES =
      Set.of("largest", "biggest", "largest-ever", "biggest-ever", "most", "first", "single", "costliest");
  /** In a company's own newsroom these are the company. */
  private static final Set<String> FIRST_PERSON =
      Set.of("we", "our", "we're", "we’re", "we'll", "we’ll", "we've", "we’ve");
  private static final Set<String> POSSESSIVE_DETERMINERS = Set.of("its", "their", "his", "her", "our", "whose");
  private static final Set<String> CLAUSE_OPENERS =
      Set.of(
          "that", "and", "but", "while", "as", "because", "after", "since", "when", "though", "although",
          "whereas", "meanwhile", "also", "separately", "however", "exclusive", "update", "breaking", "report");
  private static final Set<String> STAKE_NOUNS =
      Set.of(
          "stake", "stakes", "investment", "investments", "deal", "round", "venture", "bet", "holding", "holdings",
          "shares", "stock", "contract", "partnership");
  private static final Set<String> GOVERNING_VERBS =
      Set.of(
          "sell", "sells", "sold", "selling", "sale", "offload", "offloads", "offloaded", "divest", "divests",
          "divested", "unload", "unloads", "finance", "finances", "financed", "financing", "value", "values",
          "valued", "valuing", "refinance", "refinanced");
  private static final Set<String> SUPPLY_WORDS =
      Set.of(
          "supply", "supplies", "supplying", "provide", "provides", "providing", "sell", "sells", "selling",
          "customer", "customers", "backlog", "revenue", "revenues");
  private static final Set<String> RIGHT_STOPS =
      Set.of(
          "with", "to", "for", "by", "as", "after", "before", "which", "that", "while", "but", "and", "or",
          "through", "until", "since", "because", "amid", "according", "led", "from", "compared", "following",
          "despite", "ahead", "than");
  /** Words after an amount through which the words describing it still run ("$10 billion to Mexico's GDP"). */
  private static final Set<String> RIGHT_LINKS = Set.of("to", "of", "in", "into", "from", "including", "on");
  private static final Set<String> NOUN_MODIFIERS =
      Set.of(
          "record", "planned", "proposed", "additional", "total", "massive", "huge", "ambitious", "multiyear",
          "annual", "joint", "global", "overall", "first", "largest", "biggest", "domestic", "overseas", "local",
          "national", "regional", "hyperscale");
  /** Words after an amount before an investment noun that still describes it ("$65 billion in capex"). */
  private static final Set<String> NOUN_LINKS = Set.of("in", "of", "on", "into", "the", "a", "an", "its", "new");
  private static final Set<String> COORDINATORS = Set.of(",", "and", "&", "or");
  private static final Set<String> PASSIVE_OPENERS =
      Set.of("the", "this", "that", "its", "their", "such", "total", "overall", "of", "under", "that's");
  private static final Set<String> PAST_MARKERS_AFTER_BASELINE =
      Set.of("previously", "earlier", "prior", "previous", "initially", "originally");
  private static final Set<String> DELTA_VERBS =
      Set.of("cut", "cuts", "trimmed", "reduced", "lowered", "increased", "raised", "lifted", "boosted", "added");
  private static final Set<String> RELATIVE_SPENDER_VERBS =
      Set.of(
          "is", "has", "had", "was", "said", "says", "spent", "pledged", "committed", "announced", "plans",
          "planned", "intends", "expects", "aims", "wants", "hopes", "will", "would", "earmarked", "invested",
          "unveiled", "outlined", "set");

  private static final Set<String> ANNOUNCING =
      Set.of(
          "said", "says", "announced", "announces", "unveiled", "unveils", "pledged", "pledges", "agreed", "agrees",
          "committed", "commits", "will", "would", "plans", "planned", "intends", "expects", "aims", "told");

  /** No investment cue governs the amount. */
  private static final int ROLE_NONE = -1;
  /** A non-investment cue governs it: revenue, valuation, fund-raise, buyback ... */
  private static final int ROLE_DROP = 0;
  /** "told analysts", "on a call with analysts": analysts as listeners, not as the source of a figure. */
  private static final Set<String> AUDIENCE = Set.of("told", "tells", "telling", "briefed", "briefing", "with");
  private static final Set<String> TOTALLING_VERBS = Set.of("bringing", "brings", "brought", "taking", "takes");
  private static final Set<String> REFERENCED_VERBS =
      Set.of(
          "agreed", "pledged", "committed", "promised", "announced", "earmarked", "unveiled", "outlined", "set",
          "budgeted", "planned", "said", "invested", "spent", "signed");
  private static final Set<String> EXPECT_VERBS =
      Set.of(
          "expect", "expects", "expected", "estimate", "estimates", "estimated", "forecast", "forecasts", "project",
          "projects", "projected", "see", "sees", "predict", "predicts", "predicted", "anticipate", "anticipates",
          "reckon", "reckons", "believe", "believes", "think", "calculate", "calculates", "say", "said", "says",
          "put", "puts");
  private static final int ROLE_INVEST = 1;
  /** An investment only when the sentence itself is about AI (acquisitions, purchases, deals). */
  private static final int ROLE_ACQUIRE = 2;

  private final Detector detector;
  private final String title;
  private final String text;
  private final int year;
  /** Finds the item's publisher; asked only when the item has money in it (most items have none). */
  private final java.util.function.Supplier<Company> publisherLookup;
  /** The watched company whose own newsroom published the item, or null. */
  private Company publisher;
  private final List<Sent> sents = new ArrayList<>();
  private Set<Company> titleSubjects = Set.of();
  /** Body figures found to be no commitment of a watched company (revenue, talks, estimates, results ...). */
  private final List<BigDecimal> rejectedFigures = new ArrayList<>();
  /** Headline figures that a legal headline says are no commitment ("pay $1.5 billion to settle ..."). */
  private final List<BigDecimal> titleDropped = new ArrayList<>();
  /** Start offsets, in the current sentence, of amounts found to be no commitment. */
  private final Set<Integer> rejectedTokens = new HashSet<>();

  ItemAnalysis(
      Detector detector, String title, String text, int year, java.util.function.Supplier<Company> publisherLookup) {
    this.detector = detector;
    this.title = title;
    this.text = text;
    this.year = year;
    this.publisherLookup = publisherLookup;
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
    boolean supply;

    Sent(int index, boolean isTitle, String text, List<MoneySpan> money, List<CompanyMention> mentions) {
      this.index = index;
      this.isTitle = isTitle;
      this.text = text;
      this.money = money;
      this.mentions = mentions;
    }
  }

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
  private record Owner(
      List<Company> companies, int head, int anchor, boolean subjectLike, boolean relative, boolean rightClause) {
    Owner with(boolean relative) {
      return new Owner(companies, head, anchor, subjectLike, relative, rightClause);
    }

    Owner weak() {
      return new Owner(companies, head, anchor, false, relative, rightClause);
    }
  }

  private record Candidate(
      Company company,
      boolean old,
      boolean weak,
      boolean shared,
      MoneySpan money,
      BigDecimal usd,
      String period,
      Sent sent,
      int position,
      boolean raise) {}

  List<Finding> run() {
    String yen = "JPY";
    List<MoneySpan> titleMoney = detector.moneyParser().find(title, yen);
    List<MoneySpan> textMoney = detector.moneyParser().find(text, yen);
    if (titleMoney.isEmpty() && textMoney.isEmpty()) {
      return List.of();
    }
    publisher = publisherLookup.get();
    List<CompanyMention> titleCos = detector.watchlist().find(title);
    List<CompanyMention> textCos = detector.watchlist().find(text);
    if (titleCos.isEmpty() && textCos.isEmpty() && publisher == null) {
      return List.of();
    }
    String yenDefault = yen;
    if (titleMoney.stream().anyMatch(MoneySpan::yenSign) || textMoney.stream().anyMatch(MoneySpan::yenSign)) {
      yenDefault = yenDefault(titleCos, textCos);
    }
    if (!title.isBlank()) {
      sents.add(new Sent(0, true, title, shiftMoney(titleMoney, 0, title.length(), yenDefault), titleCos));
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
    boolean titleNamesCompany = !sents.isEmpty() && sents.get(0).isTitle && !titleCos.isEmpty();
    if (titleNamesCompany) {
      titleSubjects = titleSubjects(sents.get(0));
    }
    boolean newsroomSubject = titleSubjects.isEmpty() && publisher != null;
    if (newsroomSubject) {
      titleSubjects = Set.of(publisher); // a newsroom post whose headline has no other subject: the company's news
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Sent s : sents) {
      if (s.money.isEmpty()) {
        continue;
      }
      Token[] t = tokens(s);
      Set<Integer> detected = new HashSet<>();
      rejectedTokens.clear();
      int before = candidates.size();
      for (int m = 0; m < t.length; m++) {
        if (t[m].kind != Token.Kind.MONEY) {
          continue;
        }
        if (analyze(s, m, detected, candidates)) {
          detected.add(m);
        }
      }
      roundup(candidates, before);
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    Set<Company> subjects = titleSubjects;
    if (titleSubjects.isEmpty() && publisher == null && headlineAboutInvesting()) {
      // no headline subject ("Trump unveils $500bn AI venture with SoftBank, OpenAI and Oracle"): the lede's
      subjects = ledeSubjects(candidates, true);
    } else if (titleRaisesMoney() && publisher == null) {
      // "OpenAI raises $40bn in SoftBank-led round": investors whose own share of it the lede states are news too
      BigDecimal round = titleMoney.stream().map(this::usd).filter(java.util.Objects::nonNull)
          .max(BigDecimal::compareTo).orElse(null);
      Set<Company> both = new LinkedHashSet<>(titleSubjects);
      if (round != null) {
        Set<Company> lede = ledeSubjects(candidates, false);
        for (Candidate c : candidates) {
          if (!c.sent.isTitle && c.usd.compareTo(round) <= 0 && lede.contains(c.company)) {
            both.add(c.company);
          }
        }
      }
      subjects = both;
    } else if (newsroomSubject) {
      // A newsroom post is news by definition: whoever its lede has committing money is a subject too ("a new $4
      // billion investment from Amazon" on Anthropic's site).
      Set<Company> both = new LinkedHashSet<>(titleSubjects);
      both.addAll(ledeSubjects(candidates, false));
      subjects = both;
    }
    return merge(candidates, subjects);
  }

  /**
   * A sentence listing three or more companies' own figures ("Google said in May it would spend $2 billion,
   * Microsoft pledged $2.2 billion, AWS has earmarked $6.2 billion ...") is a roundup of the field: context for the
   * companies the headline does not name.
   */
  private void roundup(List<Candidate> candidates, int from) {
    Set<Company> own = new HashSet<>();
    for (int i = from; i < candidates.size(); i++) {
      if (!candidates.get(i).shared) {
        own.add(candidates.get(i).company);
      }
    }
    if (own.size() < 3 || (titleSubjects.isEmpty() && headlineCommits())) {
      return; // "US tech giants pledge billions for British AI": the roundup is the news
    }
    for (int i = from; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (!titleSubjects.contains(c.company)) {
        candidates.set(
            i, new Candidate(c.company, c.old, true, c.shared, c.money, c.usd, c.period, c.sent, c.position, c.raise));
      }
    }
  }

  /** The headline speaks of committing money ("pledge", "invest", "capex"), not just of data centres. */
  private boolean headlineCommits() {
    return headlineHas(x -> x.has(Cue.INVEST) && !x.has(Cue.SCOPE) && !FACILITY_NOUNS.contains(x.norm));
  }

  /** The headline reports a fund-raise ("raises $40bn", "funding round"). */
  private boolean titleRaisesMoney() {
    return headlineHas(x -> x.has(Cue.FUNDRAISE) || x.is("round") || x.is("fundraising") || x.is("fundraise"));
  }

  /** The headline speaks of committing money ("pledge billions", "AI infrastructure push"), or there is none. */
  private boolean headlineAboutInvesting() {
    boolean noHeadline = sents.isEmpty() || !sents.get(0).isTitle;
    return noHeadline
        || headlineHas(
            x -> x.has(Cue.INVEST | Cue.ACQUIRE | Cue.DEAL | Cue.PLAN_NOUN)
                || (x.has(Cue.RAISE_VERB) && !x.has(Cue.FUNDRAISE)));
  }

  /** Some word of the headline passes the test; false when the item has no headline. */
  private boolean headlineHas(java.util.function.Predicate<Token> test) {
    if (sents.isEmpty() || !sents.get(0).isTitle) {
      return false;
    }
    for (Token x : tokens(sents.get(0))) {
      if (x.isWord() && test.test(x)) {
        return true;
      }
    }
    return false;
  }

  /** When the headline names no watched company: who commits money in the first sentence that has a figure. */
  private Set<Company> ledeSubjects(List<Candidate> candidates, boolean mustAnnounce) {
    int firstBody = sents.get(0).isTitle ? 1 : 0;
    Set<Company> lede = new LinkedHashSet<>();
    int ledeIndex = -1;
    for (Candidate c : candidates) {
      if (c.sent.isTitle || c.sent.index > firstBody + 2) {
        continue;
      }
      if (ledeIndex < 0) {
        ledeIndex = c.sent.index;
      }
      if (c.sent.index == ledeIndex && !c.old && !c.weak && (!mustAnnounce || announces(c.sent))) {
        lede.add(c.company);
      }
    }
    return lede;
  }

  /** The sentence reports a commitment being made ("said it would", "announced", "will invest"). */
  private boolean announces(Sent s) {
    for (Token x : tokens(s)) {
      if (x.isWord() && ANNOUNCING.contains(x.norm)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- per amount

  /** Adds the candidates of the amount at token m; true when it is an investment figure of a watched company. */
  private boolean analyze(Sent s, int m, Set<Integer> detected, List<Candidate> out) {
    Token[] t = s.tokens;
    MoneySpan span = s.money.get(t[m].ref);
    int prevMoney = prevMoney(t, m);
    int nextMoney = nextMoney(t, m);
    if (isDelta(t, m)) {
      return false;
    }
    boolean baseline = isBaseline(t, m, prevMoney, detected);
    int role = baseline ? ROLE_INVEST : role(s, m);
    if (role == ROLE_NONE && !s.isTitle && firstWord(t) == m && purposeAfter(t, m)) {
      role = ROLE_INVEST; // "• $2.9 billion over two years for hyperscale cloud and AI infrastructure"
    }
    if (role == ROLE_NONE && detected.contains(prevMoney) && gapped(t, m)) {
      role = ROLE_INVEST; // "Alphabet at $75 billion and Meta at up to $65 billion": the listed figures share a verb
    }
    if (role == ROLE_DROP || role == ROLE_NONE) {
      if (role == ROLE_DROP) {
        rejectFigure(s, span);
        BigDecimal usd = s.isTitle ? usd(span) : null;
        if (usd != null && headlineHas(x -> LEGAL_WORDS.contains(x.norm))) {
          titleDropped.add(usd);
        }
      }
      return false;
    }
    Owner owner = owner(s, m);
    if (owner == null) {
      return false;
    }
    int clauseStart = clauseStart(t, m);
    int base = Math.max(prevMoney + 1, clauseStart);
    if (owner.companies.size() > 1 && anyFlag(t, base, rightEnd(t, m, 12), Cue.AGGREGATE)) {
      return false;
    }
    if (!inScope(s, role)) {
      return false;
    }
    int winStart = afterQuote(t, windowStart(t, base, owner.anchor, m), m);
    // Talk and reporting periods belong to the spender's own clause ("in talks with operators after Google chose
    // ... its $15 billion hub" is not Google's talk).
    int clauseFrom = owner.anchor >= base && owner.anchor < m ? owner.anchor : winStart;
    int rightEnd = owner.rightClause ? clauseRightEnd(t, m) : rightEnd(t, m, 10);
    boolean notCommitted =
        !baseline
            && (anyFlag(t, clauseFrom, m, Cue.TENTATIVE)
                || anyFlag(t, base, m, Cue.STALLED)
                || stalledAfter(t, m)
                || partOfRejected(t, prevMoney, m)
                || isEstimate(t, base, m)
                || isReportedResult(t, clauseFrom, m, rightEnd)
                || reportedChange(t, base, m));
    boolean old =
        baseline
            || isPast(t, winStart, m, rightEnd)
            || (anyFlag(t, winStart, m, Cue.PERFECT) && !increment(span))
            || runningTotal(t, Math.min(base, winStart), m)
            || referencedPlan(t, m)
            || underPlan(span, t, m)
            || heldStock(t, m);
    boolean relative = owner.relative || inRelativeClause(t, owner.anchor, m);
    boolean compared = isCompared(s, t, owner.head);
    boolean weak = !owner.subjectLike || relative || compared;
    boolean raise = !baseline && isRaise(t, winStart, m, nextMoney);

    int charFrom = prevMoney >= 0 ? t[prevMoney].end : (clauseStart > 0 ? t[clauseStart - 1].end : 0);
    if (prevMoney >= 0 && owner.anchor > prevMoney && owner.anchor < m) {
      charFrom = t[owner.anchor].start; // "..., and Meta has set a budget of $65 billion": Meta's clause only
    }
    int clauseEnd = clauseEnd(t, m);
    int charTo = nextMoney >= 0 ? t[nextMoney].start : (clauseEnd < t.length ? t[clauseEnd].start : s.text.length());
    String period = PeriodFinder.find(s.text, charFrom, charTo, span.start(), span.end());

    boolean any = false;
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
      if (notCommitted) {
        rejectFigure(s, money);
        rejectedTokens.add(t[m].start);
        continue;
      }
      out.add(
          new Candidate(c, old, weak, owner.companies.size() > 1, money, usd, period, s, t[m].start, raise));
      any = true;
    }
    return any;
  }

  /** Remembers a body figure shown to be no commitment (see {@link #headlineFigureStands}). */
  private void rejectFigure(Sent s, MoneySpan span) {
    BigDecimal usd = s.isTitle ? null : usd(span);
    if (usd != null) {
      rejectedFigures.add(usd);
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

  /** "bringing its total investment to $8 billion", "taking planned investment to $400 billion": a sum so far. */
  private static boolean runningTotal(Token[] t, int from, int m) {
    if (m == 0 || !(t[m - 1].is("to") || t[m - 1].is("and"))) {
      return false;
    }
    // The verb may govern a list ("bringing planned capacity to 7GW and investment ... to $400 billion", "bringing
    // the project to nearly 7 gigawatts and over $400 billion in investment").
    boolean to = t[m - 1].is("to");
    for (int k = m - 2; k >= Math.max(from, m - 20); k--) {
      if (t[k].kind == Token.Kind.MONEY || t[k].is(";")) {
        return false;
      }
      to |= t[k].is("to");
      if (t[k].isWord() && TOTALLING_VERBS.contains(t[k].norm)) {
        return to;
      }
    }
    return false;
  }

  /** "Nvidia's $100 billion OpenAI investment plan stalls": the rest of the clause says it is not going ahead. */
  private static boolean stalledAfter(Token[] t, int m) {
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

  /** "the $30 billion it agreed to invest", "the $10 billion Meta pledged": a commitment already made. */
  private static boolean referencedPlan(Token[] t, int m) {
    if (m == 0) {
      return false;
    }
    if (m >= 2 && t[m - 2].is("the") && (t[m - 1].is("full") || t[m - 1].is("entire") || t[m - 1].is("whole"))) {
      return true; // "to secure the full $500 billion"
    }
    // A definite plan only: "as part of a $50 billion investment" introduces the figure.
    int d = t[m - 1].is("its") || t[m - 1].is("the") || t[m - 1].is("their") ? m - 2 : m - 1;
    if (d >= 0 && (t[d].is("under") || (d >= 2 && t[d].is("of") && t[d - 1].is("part") && t[d - 2].is("as")))) {
      return true; // "starts a skilling drive under its €4.3bn plan", "as part of its $80 billion plan"
    }
    if (!t[m - 1].is("the")) {
      return false;
    }
    // "the $30 billion it agreed to invest", "the ($3.2 billion) expansion it announced in June"
    for (int w = m + 1; w < t.length && w <= m + 4; w++) {
      Token who = t[w];
      if (who.kind == Token.Kind.COMPANY || (who.isWord() && who.has(Cue.ANAPHOR | Cue.PLURAL_ANAPHOR))) {
        int v = w + 1;
        if (v < t.length && (t[v].is("has") || t[v].is("had") || t[v].is("have"))) {
          v++;
        }
        return v < t.length && t[v].isWord() && REFERENCED_VERBS.contains(t[v].norm);
      }
      if (!who.isWord() || RIGHT_STOPS.contains(who.norm)) {
        return false;
      }
    }
    return false;
  }

  /** "starts a skilling drive under €4.3bn plan": the money reader took "under" for a qualifier. */
  private static boolean underPlan(MoneySpan span, Token[] t, int m) {
    return span.amount().text().regionMatches(true, 0, "under ", 0, 6)
        && m + 1 < t.length
        && t[m + 1].isWord()
        && t[m + 1].has(Cue.PLAN_NOUN);
  }

  /** "the company has roughly $1.4 trillion of commitments": what it holds, not what it commits now. */
  private static boolean heldStock(Token[] t, int m) {
    int k = m - 1;
    while (k >= 0 && t[k].isWord() && QUALIFIERS.contains(t[k].norm)) {
      k--;
    }
    return k >= 0 && (t[k].is("has") || t[k].is("have") || t[k].is("had"));
  }

  /** "capital expenditure more than doubled to 19.1 billion yuan": a reported change, not a plan. */
  private static boolean reportedChange(Token[] t, int from, int m) {
    if (m == 0 || !t[m - 1].is("to") || anyFlag(t, from, m, Cue.FORWARD | Cue.PLAN_NOUN)) {
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
  private boolean partOfRejected(Token[] t, int prevMoney, int m) {
    if (prevMoney < 0 || !rejectedTokens.contains(t[prevMoney].start)) {
      return false;
    }
    for (int k = prevMoney + 1; k < m; k++) {
      if (t[k].is("including") || t[k].is("which")) {
        return true;
      }
    }
    return false;
  }

  /** "an additional $2.75 billion", "a further $4 billion": new money on top of an earlier commitment. */
  private static boolean increment(MoneySpan span) {
    String text = span.amount().text().toLowerCase(java.util.Locale.ROOT);
    return text.startsWith("an additional") || text.startsWith("a further") || text.startsWith("another");
  }

  /** "to $85 billion from $75 billion", "up from the $35 billion it projected": the older figure. */
  private static boolean isBaseline(Token[] t, int m, int prevMoney, Set<Integer> detected) {
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
  private int role(Sent s, int m) {
    Token[] t = s.tokens;
    int rightInvest = -1;
    int rightDeal = -1;
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
        if (x.is("-")) {
          continue;
        }
        break;
      }
      words++;
      if (x.has(Cue.DROP)) {
        return ROLE_DROP;
      }
      boolean passive = x.has(Cue.INVEST) && (x.is("be") || x.is("been") || x.is("being"));
      if ((nounAllowed || passive) && words <= 3 && rightInvest < 0 && x.has(Cue.INVEST)) {
        rightInvest = words; // "a $10 billion data center", "$80 billion will be spent"
      }
      if (nounAllowed && words <= 3 && rightDeal < 0 && x.has(Cue.DEAL | Cue.ACQUIRE)) {
        rightDeal = words;
      }
      boolean modifier = x.upper || x.norm.indexOf('-') > 0 || NOUN_MODIFIERS.contains(x.norm);
      if (!NOUN_LINKS.contains(x.norm) && !modifier && !x.has(Cue.INVEST | Cue.SCOPE | Cue.SCOPE_WEAK | Cue.DEAL)) {
        nounAllowed = false;
      }
      if (RIGHT_STOPS.contains(x.norm) && !RIGHT_LINKS.contains(x.norm)) {
        break;
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
        return ROLE_DROP; // "raised $6 billion", "raising another $2 billion"
      }
      if (x.has(Cue.DROP | Cue.DROP_LEFT)) {
        leftDistance = words;
        leftRole = ROLE_DROP;
        if (isDealPrice(t, k)) {
          leftRole = t[k - 1].has(Cue.ACQUIRE) ? ROLE_ACQUIRE : dealRole(s);
        }
        break;
      }
      if (x.has(Cue.INVEST)) {
        leftDistance = words;
        leftRole = governedBySale(t, k) ? ROLE_DROP : ROLE_INVEST;
        break;
      }
      if (x.has(Cue.ACQUIRE)) {
        leftDistance = words;
        leftRole = ROLE_ACQUIRE;
        break;
      }
      if (x.has(Cue.DEAL)) {
        leftDistance = words;
        boolean financing = k > 0 && t[k - 1].isWord() && t[k - 1].has(Cue.DROP); // "bond deal", "debt deal"
        leftRole = financing ? ROLE_DROP : dealRole(s);
        break;
      }
    }
    if (rightInvest > 0 && (leftDistance < 0 || rightInvest < leftDistance)) {
      return ROLE_INVEST;
    }
    if (leftDistance > 0) {
      return leftRole;
    }
    if (rightDeal > 0) {
      return dealRole(s);
    }
    return relativeSpender(t, m) >= 0 ? ROLE_INVEST : ROLE_NONE;
  }

  /**
   * "an all-cash transaction valued at $6.5 billion": the price of the deal or acquisition right before, not a
   * valuation of a company ("the deal valued Scale AI at ..." is one).
   */
  private static boolean isDealPrice(Token[] t, int k) {
    boolean priced = t[k].is("valued") && k + 1 < t.length && t[k + 1].is("at");
    return priced && k > 0 && t[k - 1].isWord() && t[k - 1].has(Cue.DEAL | Cue.ACQUIRE) && !t[k - 1].has(Cue.DROP);
  }

  /** "sells its Nvidia stake for", "to finance its data-centre campus": the verb before the noun decides. */
  private static boolean governedBySale(Token[] t, int k) {
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
      if (t[j].flags != 0 && !t[j].has(Cue.SCOPE | Cue.SCOPE_WEAK | Cue.INVEST)) {
        return false;
      }
    }
    return false;
  }

  /** A deal or contract commits the buyer when it is about compute or chips and nobody is said to supply. */
  private int dealRole(Sent s) {
    scope(s);
    return s.supply ? ROLE_NONE : ROLE_ACQUIRE;
  }

  /** "... and Microsoft up to $5 billion", "Alphabet at $75 billion": a company naming a listed figure. */
  private static boolean gapped(Token[] t, int m) {
    int k = m - 1;
    if (k >= 0 && (t[k].is("at") || t[k].is("with"))) {
      k--;
    }
    return k >= 0 && t[k].kind == Token.Kind.COMPANY && !t[k].possessive;
  }

  /** "the $80 billion (that) Microsoft plans to spend": index of the company, or -1. */
  private static int relativeSpender(Token[] t, int m) {
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

  // ---------------------------------------------------------------- who spends

  private Owner owner(Sent s, int m) {
    Token[] t = s.tokens;
    // a. "Meta's $65 billion budget", "its $80 billion plan"
    for (int k = m - 1, skipped = 0; k >= 0 && skipped <= 2; k--) {
      Token x = t[k];
      // In the body such a figure is presupposed, not announced: the news is asserted elsewhere.
      if (x.kind == Token.Kind.COMPANY && x.possessive) {
        return single(s, k, s.isTitle && !embedded(t, k));
      }
      if (x.isWord() && (x.is("its") || x.is("their"))) {
        Owner o = resolve(s, k, x.is("their"));
        return o == null || s.isTitle ? o : o.weak();
      }
      if (x.isWord() && x.flags == 0 && !x.possessive) {
        skipped++;
        continue;
      }
      break;
    }
    // a'. ", contributing $30 billion": a participle clause belongs to the sentence's subject
    if (m >= 2 && t[m - 2].is(",") && t[m - 1].isWord() && t[m - 1].norm.endsWith("ing") && t[m - 1].has(Cue.INVEST)) {
      for (int k = 0; k < m - 2; k++) {
        if (t[k].kind == Token.Kind.COMPANY && !isObject(t, k) && !t[k].possessive) {
          return list(s, k, true);
        }
      }
    }
    // b. gapping: "Nvidia will invest $10 billion in Anthropic and Microsoft up to $5 billion"
    if (prevMoney(t, m) >= 0 && gapped(t, m)) {
      return single(s, t[m - 1].kind == Token.Kind.COMPANY ? m - 1 : m - 2, true);
    }
    // c. "the $80 billion Microsoft plans to spend"
    int rel = relativeSpender(t, m);
    if (rel >= 0) {
      Owner o = single(s, rel, true);
      return new Owner(o.companies, rel, rel, true, false, true);
    }
    // d. "investments of $5 billion from Microsoft", "a $3.8 billion project by TikTok", "the $500 billion
    //    venture of OpenAI, SoftBank and Oracle"
    boolean investBefore =
        anyFlag(t, Math.max(0, m - 3), m, Cue.INVEST)
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
              || (x.is("from") && (before.has(Cue.INVEST) || (investBefore && k == m + 1)));
      if (agent || investor) {
        Owner o = listForward(s, k + 1);
        return new Owner(o.companies, k + 1, k + 1, true, false, true);
      }
    }
    // e. nearest company or anaphor before the amount
    for (int k = m - 1; k >= 0; k--) {
      Token x = t[k];
      if (x.is(";")) {
        break;
      }
      if (k + 2 < m && x.isWord() && SUBORDINATORS.contains(x.norm) && ownSubject(t, k + 1)) {
        return null; // "Google commits $25 billion as Pennsylvania summit tallies $90bn": the summit's figure
      }
      if (x.isWord() && (x.is("which") || x.is("who")) && k >= 2 && t[k - 1].is(",") && t[k - 2].kind == Token.Kind.COMPANY) {
        return list(s, k - 2, true).with(true); // "in Anthropic, which commits $30 billion to Azure"
      }
      if (x.kind == Token.Kind.COMPANY && !isObject(t, k)) {
        return x.possessive
            ? single(s, k, freshPlan(t, k) || (!embedded(t, k) && !presupposed(s, t, k)))
            : list(s, k, true);
      }
      if (x.isWord() && x.has(Cue.ANAPHOR | Cue.PLURAL_ANAPHOR)) {
        if (k >= 2 && t[k - 1].is(",") && isName(t[k - 2])) {
          return null; // "HUMAIN, the artificial-intelligence company ...": an apposition names someone unwatched
        }
        Owner o = resolve(s, k, x.has(Cue.PLURAL_ANAPHOR));
        return o != null && presupposed(s, t, x.phraseEnd - 1) ? o.weak() : o;
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
      return t[comma + 1].possessive ? single(s, comma + 1, true) : listForward(s, comma + 1);
    }
    // g'. a list item or fragment that opens with the amount ("• $2.9 billion over two years for AI
    //     infrastructure") in an item about one company
    if (!s.isTitle && firstWord(t) == m && s.mentions.isEmpty()) {
      Company f = focus(s.index);
      if (f != null) {
        return new Owner(List.of(f), m, m, true, false, false);
      }
    }
    // g. "The investment of 380 billion yuan will ..." in an item about one company
    if (t.length > 0 && t[0].isWord() && PASSIVE_OPENERS.contains(t[0].norm)) {
      boolean investNoun = false;
      // The subject itself must be the investment ("The board approved $5 billion of projects" is the board's).
      for (int k = 0; k < m; k++) {
        if (t[k].kind == Token.Kind.COMPANY || (k > 0 && t[k].isWord() && t[k].upper)) {
          return null;
        }
        investNoun |= t[k].isWord() && t[k].has(Cue.INVEST);
      }
      Company f = focus(s.index);
      if (investNoun && f != null) {
        return new Owner(List.of(f), m, m, true, false, false);
      }
    }
    return null;
  }

  /** The amount sits in a phrase before the sentence's first comma, with no company before it. */
  private static boolean isFronted(Token[] t, int m, int comma) {
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

  /** "for ... AI infrastructure", "on data centres": what a bare amount is for. */
  private static boolean purposeAfter(Token[] t, int m) {
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

  /** Index of the first word or amount of a sentence (leading dashes and bullets skipped). */
  private static int firstWord(Token[] t) {
    for (int k = 0; k < t.length; k++) {
      if (t[k].kind != Token.Kind.PUNCT) {
        return k;
      }
    }
    return -1;
  }

  /** A capitalised word that can name an organisation ("HUMAIN", "Entergy"), not a date or a sentence adverb. */
  private static boolean isName(Token x) {
    return x.isWord()
        && x.upper
        && !CLAUSE_OPENERS.contains(x.norm)
        && !NOT_NAMES.contains(x.norm)
        && !Cue.isMonth(x.norm)
        && !x.has(Cue.ANAPHOR | Cue.PLURAL_ANAPHOR | Cue.PAST | Cue.FORWARD);
  }

  /** A clause subject at k that is no watched company ("Pennsylvania summit", "the state"). */
  private static boolean ownSubject(Token[] t, int k) {
    Token x = t[k];
    if (!x.isWord() || x.has(Cue.ANAPHOR | Cue.PLURAL_ANAPHOR)) {
      return false;
    }
    if ((x.is("the") || x.is("a")) && k + 1 < t.length) {
      Token n = t[k + 1];
      return n.isWord() && n.flags == 0 && !n.upper && k + 2 < t.length && t[k + 2].isWord() && t[k + 2].flags == 0;
    }
    return x.upper && x.flags == 0;
  }

  /** "a new $4 billion investment from Amazon": the company after from/by is the investor. */
  private static boolean isAgent(Token[] t, int k) {
    int p = listHead(t, k) - 1;
    return p >= 1 && (t[p].is("from") || t[p].is("by")) && anyFlag(t, p - 3, p, Cue.INVEST);
  }

  /** An anaphor at a: the nearest spender before it in the sentence, else the item's focus. */
  private Owner resolve(Sent s, int a, boolean plural) {
    Token[] t = s.tokens;
    if (publisher != null && FIRST_PERSON.contains(t[a].norm)) {
      return new Owner(List.of(publisher), a, a, true, false, false);
    }
    for (int k = a - 1; k >= 0; k--) {
      if (t[k].kind != Token.Kind.COMPANY) {
        continue;
      }
      if (plural) {
        return list(s, k, true);
      }
      if (!isObject(t, k) || isAgent(t, k)) {
        return t[k].possessive ? single(s, k, !embedded(t, k)) : list(s, k, true);
      }
    }
    if (plural) {
      for (int i = s.index - 1; i >= 0; i--) {
        Token[] p = tokens(sents.get(i));
        for (int k = 0; k < p.length; k++) {
          if (p[k].kind == Token.Kind.COMPANY) {
            Owner o = listForward(sents.get(i), k);
            if (o.companies.size() > 1) {
              return new Owner(o.companies, a, a, true, false, false);
            }
          }
        }
      }
    }
    if (plural) {
      return null; // "they" with no companies named together: someone else ("the top four cloud providers")
    }
    Company f = focus(s.index);
    return f == null ? null : new Owner(List.of(f), a, a, true, false, false);
  }

  /**
   * The company an unresolved "it" or "the company" refers to: the headline's subject when it has one, else the
   * last company that was the subject of an earlier sentence.
   */
  private Company focus(int sentIndex) {
    if (titleSubjects.size() == 1) {
      return titleSubjects.iterator().next();
    }
    for (int i = sentIndex - 1; i >= 0; i--) {
      Sent p = sents.get(i);
      if (p.mentions.isEmpty()) {
        continue;
      }
      Token[] t = tokens(p);
      for (int k = 0; k < t.length; k++) {
        if (t[k].kind != Token.Kind.COMPANY || isObject(t, k) || (t[k].possessive && embedded(t, k))) {
          continue;
        }
        Company c = p.mentions.get(t[k].ref).company();
        if (titleSubjects.isEmpty() || titleSubjects.contains(c)) {
          return c;
        }
      }
    }
    return titleSubjects.isEmpty() ? null : titleSubjects.iterator().next();
  }

  private static Owner single(Sent s, int k, boolean subjectLike) {
    return new Owner(List.of(s.mentions.get(s.tokens[k].ref).company()), k, k, subjectLike, false, false);
  }

  /** The company at k with the companies coordinated before it ("OpenAI, SoftBank and Oracle"). */
  private static Owner list(Sent s, int k, boolean subjectLike) {
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
  private static Owner listForward(Sent s, int k) {
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

  private static int listHead(Token[] t, int k) {
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
  private static boolean isObject(Token[] t, int k) {
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
  private static boolean qualifiesAnotherName(Token[] t, int k) {
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
  private static boolean isParticiple(Token x) {
    return x.isWord() && (x.norm.endsWith("ed") || x.is("spent") || x.is("built") || x.is("put") || x.is("sunk"));
  }

  /** "Microsoft's new commitment", "its latest investment": news, not a plan referred to. */
  private static boolean freshPlan(Token[] t, int k) {
    return k + 2 < t.length
        && (t[k + 1].is("new") || t[k + 1].is("latest") || t[k + 1].is("fresh"))
        && t[k + 2].isWord()
        && t[k + 2].has(Cue.INVEST | Cue.PLAN_NOUN);
  }

  /**
   * A quotation that closes before the amount is a clause of its own ("'the biggest investment we have made,' Smith
   * said as the company set out plans to spend £2.5 billion"): the window starts after it.
   */
  private static int afterQuote(Token[] t, int from, int m) {
    int quotes = 0;
    int lastClose = -1;
    for (int k = 0; k < m; k++) {
      if (t[k].kind == Token.Kind.PUNCT && QUOTE_MARKS.indexOf(t[k].norm.charAt(0)) >= 0) {
        quotes++;
        if (quotes % 2 == 0) {
          lastClose = k;
        }
      }
    }
    return quotes % 2 == 0 && lastClose >= from ? lastClose + 1 : from;
  }

  /**
   * "the company's pledge to spend $500 billion", "Google's commitment of up to $2 billion": a body sentence that
   * refers to a known plan rather than announcing one.
   */
  private static boolean presupposed(Sent s, Token[] t, int k) {
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
  private static boolean embedded(Token[] t, int k) {
    if (k == 0) {
      return false;
    }
    Token p = t[k - 1];
    if (p.kind == Token.Kind.COMPANY || p.kind == Token.Kind.MONEY) {
      return true;
    }
    return p.isWord() && !CLAUSE_OPENERS.contains(p.norm);
  }

  // ---------------------------------------------------------------- subject, scope, windows

  private Set<Company> titleSubjects(Sent title) {
    Token[] t = tokens(title);
    Set<Company> out = new LinkedHashSet<>();
    for (int k = 0; k < t.length; k++) {
      if (t[k].kind != Token.Kind.COMPANY) {
        continue;
      }
      int head = listHead(t, k);
      boolean compared = anyFlag(t, Math.max(0, head - 3), head, Cue.COMPARE | Cue.COMPARE_BODY);
      boolean relativeSubject = k + 2 < t.length && t[k + 1].is(",") && (t[k + 2].is("which") || t[k + 2].is("who"));
      boolean agent =
          head >= 1
              && (t[head - 1].is("from") // "Anthropic gets $4 billion from Amazon"
                  || (head >= 2 && t[head - 1].is("by") && isParticiple(t[head - 2]))); // "spent by Microsoft"
      // A possessive counts even inside the headline's object ("Albanese hails Amazon's data-centre plan"): whether
      // it is news or background is then decided sentence by sentence in the body.
      boolean subject = relativeSubject || agent || !isObject(t, k);
      if (subject && !compared) {
        out.add(title.mentions.get(t[k].ref).company());
      }
    }
    return out;
  }

  /** Comparison framing within three words before the company ("rivals such as", "following", "than"). */
  private static boolean isCompared(Sent s, Token[] t, int head) {
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
        return true;
      }
    }
    return false;
  }

  /** The amount sits in ", which ..." or ", who ..." after its spender, not yet closed by a comma. */
  private static boolean inRelativeClause(Token[] t, int anchor, int m) {
    boolean open = false;
    for (int k = Math.max(anchor, 0) + 1; k < m; k++) {
      if (t[k].is(",")) {
        open = k + 1 < m && (t[k + 1].is("which") || t[k + 1].is("who"));
      }
    }
    return open;
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
          s.supply |= SUPPLY_WORDS.contains(x.norm);
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

  /**
   * The words right after the amount that still describe it: up to a comma, another amount or a company that
   * is not an object ("commitment to OpenAI was proceeding as planned" runs on).
   */
  private static int rightEnd(Token[] t, int m, int maxWords) {
    int words = 0;
    int k = m + 1;
    for (; k < t.length && words < maxWords; k++) {
      Token x = t[k];
      if (x.kind == Token.Kind.MONEY) {
        break;
      }
      if (x.kind == Token.Kind.COMPANY && !(t[k - 1].isWord() && OBJECT_PREPS.contains(t[k - 1].norm))) {
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

  /** To the end of the clause: for a spender named after the amount ("the yen AWS spent between 2011 and 2022"). */
  private static int clauseRightEnd(Token[] t, int m) {
    int k = m + 1;
    while (k < t.length && t[k].kind != Token.Kind.MONEY && !(t[k].kind == Token.Kind.PUNCT && !t[k].is("-"))) {
      k++;
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
   * ("Alibaba, which listed in 2014, will invest ..."). A year before the item's own counts as past.
   */
  private boolean isPast(Token[] t, int from, int m, int rightEnd) {
    // "will invest $100 billion initially and up to $500 billion": in a forward clause "initially" marks a
    // tranche of the commitment, not an earlier one ("initially pledged $10 billion in 2023").
    boolean forward = anyFlag(t, clauseStart(t, m), m, Cue.FORWARD);
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
      if (isPastToken(t, k, Cue.PAST | Cue.PAST_LEFT | Cue.REAFFIRM) && !(forward && isTranche(t[k]))) {
        return true;
      }
      k++;
    }
    for (k = m + 1; k < rightEnd; k++) {
      if (isPastToken(t, k, Cue.PAST | Cue.REAFFIRM) && !(forward && isTranche(t[k]))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTranche(Token x) {
    return x.is("initially");
  }

  private boolean isPastToken(Token[] t, int k, int flags) {
    Token x = t[k];
    if (!x.isWord()) {
      return false;
    }
    if (x.has(flags)) {
      return !superlativeToDate(t, k);
    }
    if (year <= 0 || k == 0 || !Cue.isYear(x.norm) || Integer.parseInt(x.norm) >= year) {
      return false;
    }
    Token p = t[k - 1];
    boolean rangeEnd =
        (p.is("and") || p.is("to") || p.is("through")) && k >= 3 && Cue.isYear(t[k - 2].norm == null ? "" : t[k - 2].norm);
    boolean rangeStart = (p.is("between") || p.is("from")) && k + 2 < t.length && t[k + 2].isWord() && Cue.isYear(t[k + 2].norm);
    return rangeEnd || (!rangeStart && (p.is("in") || p.is("during") || p.is("since")));
  }

  /** "its largest data center to date": "to date" ranks the project, it does not date the money. */
  private static boolean superlativeToDate(Token[] t, int k) {
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
      if (RIGHT_STOPS.contains(x.norm) && !x.is("according")) {
        break;
      }
    }
    return false;
  }

  /** "analysts expect Microsoft to spend ...": the estimate verb after the analyst cue. */
  private static boolean expects(Token[] t, int k) {
    // "analysts expect", "analysts polled by a data provider expect"
    for (int j = k + 1; j < t.length && j <= k + 6 && t[j].kind != Token.Kind.MONEY && !t[j].is(","); j++) {
      if (t[j].isWord() && EXPECT_VERBS.contains(t[j].norm)) {
        return true;
      }
    }
    return !t[k].is("analyst") && !t[k].is("analysts"); // the phrases ("according to estimates") are estimates
  }

  private static boolean negated(Token[] t, int k) {
    for (int j = k - 1; j >= 0 && j >= k - 3; j--) {
      if (t[j].isWord() && (t[j].has(Cue.NEGATES_ESTIMATE) || AUDIENCE.contains(t[j].norm))) {
        return true; // "above analysts' estimates", "told analysts": not their estimate
      }
    }
    return false;
  }

  /** "capital expenditures rose to $22.6 billion in the quarter": a reported period, nothing forward-looking. */
  private static boolean isReportedResult(Token[] t, int from, int m, int rightEnd) {
    // "said in its fourth-quarter letter that it will invest": the period belongs to the report, not the amount
    for (int k = m - 1; k > from; k--) {
      if (t[k].is("that")) {
        from = k + 1;
        break;
      }
    }
    return anyFlag(t, from, rightEnd, Cue.RESULTS)
        && !anyFlag(t, from, m, Cue.FORWARD)
        && !anyFlag(t, m + 1, rightEnd, Cue.FORWARD);
  }

  private static boolean isRaise(Token[] t, int from, int m, int nextMoney) {
    for (int r = from; r < m; r++) {
      if (t[r].isWord() && t[r].has(Cue.RAISE_VERB) && anyFlag(t, r + 1, m, Cue.PLAN_NOUN)) {
        return true;
      }
    }
    if (nextMoney > 0 && (t[nextMoney - 1].is("from") || (t[nextMoney - 1].is("the") && t[nextMoney - 2].is("from")))) {
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

  private List<Finding> merge(List<Candidate> all, Set<Company> subjects) {
    // A headline figure that the body shows to be talks, an estimate or a result is no commitment either.
    List<Candidate> candidates =
        all.stream()
            .filter(c -> c.sent.isTitle ? headlineFigureStands(c, all) : bodyFigureStands(c, all))
            .toList();
    List<List<Candidate>> clusters = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.sent.isTitle) {
        continue;
      }
      List<Candidate> home = null;
      for (List<Candidate> cl : clusters) {
        if (cl.get(0).company.equals(c.company) && cl.stream().anyMatch(o -> sameFigure(o, c, 0.02))) {
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
    // A headline figure joins the body figure of the same company it is closest to: headlines round.
    for (Candidate c : candidates) {
      if (!c.sent.isTitle) {
        continue;
      }
      List<Candidate> home = null;
      double bestGap = 0.15;
      for (List<Candidate> cl : clusters) {
        if (!cl.get(0).company.equals(c.company)) {
          continue;
        }
        for (Candidate o : cl) {
          // "$8bn" in a headline over "£8 billion" in the body: the same figure, sloppily labelled
          double gap = o.money.amount().value().compareTo(c.money.amount().value()) == 0 ? 0 : gap(o, c);
          if (gap < bestGap || (home == null && gap <= bestGap)) {
            bestGap = gap;
            home = cl;
          }
        }
      }
      if (home == null) {
        home = new ArrayList<>(2);
        clusters.add(home);
      }
      home.add(c);
    }
    clusters.sort(Comparator.comparingInt(cl -> cl.stream().mapToInt(c -> c.sent.index * 100_000 + c.position).min().orElse(0)));
    List<FindingKind> kinds = new ArrayList<>(clusters.size());
    for (List<Candidate> cl : clusters) {
      boolean old = cl.stream().anyMatch(Candidate::old);
      boolean strong = cl.stream().anyMatch(c -> !c.weak);
      kinds.add(subjects.contains(cl.get(0).company) && !old && strong ? FindingKind.ANNOUNCEMENT : FindingKind.MENTION);
    }
    boolean[] dropped = partsAndShares(clusters, kinds);
    List<Finding> out = new ArrayList<>(clusters.size());
    for (int i = 0; i < clusters.size(); i++) {
      if (!dropped[i]) {
        out.add(finding(clusters.get(i), kinds.get(i)));
      }
    }
    return out;
  }

  /** The headline says what a body figure is ("agrees to pay $1.5 billion to settle a lawsuit"): then it is not. */
  private boolean bodyFigureStands(Candidate c, List<Candidate> all) {
    boolean headlineDropsIt = titleDropped.stream().anyMatch(usd -> gap(usd, c.usd) <= 0.02);
    return !headlineDropsIt || all.stream().anyMatch(h -> h.sent.isTitle && gap(h, c) <= 0.02);
  }

  /**
   * A headline figure stands unless the body shows it to be talks, an estimate or a result, or gives the same
   * figure to only some of the companies the headline names together ("SoftBank, OpenAI form venture with $3
   * billion budget" when the body says SoftBank will spend it).
   */
  private boolean headlineFigureStands(Candidate c, List<Candidate> all) {
    boolean inBody = all.stream().anyMatch(b -> !b.sent.isTitle && b.company.equals(c.company) && gap(b, c) <= 0.15);
    if (inBody) {
      return true;
    }
    if (rejectedFigures.stream().anyMatch(usd -> gap(usd, c.usd) <= 0.15)) {
      return false; // the body tells what the headline's figure is, and it is no commitment
    }
    return !c.shared || all.stream().noneMatch(b -> !b.sent.isTitle && gap(b, c) <= 0.15);
  }

  /**
   * Which announcement clusters are not separate commitments: a joint figure for a company that states its own
   * amount elsewhere, or a smaller figure of the same company written beside or after a larger one.
   */
  private static boolean[] partsAndShares(List<List<Candidate>> clusters, List<FindingKind> kinds) {
    boolean[] dropped = new boolean[clusters.size()];
    for (int i = 0; i < clusters.size(); i++) {
      if (kinds.get(i) != FindingKind.ANNOUNCEMENT) {
        continue;
      }
      List<Candidate> a = clusters.get(i);
      Company company = a.get(0).company;
      boolean shared = a.stream().allMatch(Candidate::shared);
      for (int j = 0; j < clusters.size(); j++) {
        if (j == i || kinds.get(j) != FindingKind.ANNOUNCEMENT || !clusters.get(j).get(0).company.equals(company)) {
          continue;
        }
        List<Candidate> b = clusters.get(j);
        boolean bOwn = b.stream().anyMatch(c -> !c.shared);
        if (shared && bOwn) {
          dropped[i] = true;
          break;
        }
        if (b.get(0).usd.compareTo(a.get(0).usd) > 0 && (!shared || !bOwn) && isPartOf(a, b)) {
          dropped[i] = true;
          break;
        }
      }
    }
    return dropped;
  }

  /** a is part of the larger b: written in the same body sentence, or first written after b. */
  private static boolean isPartOf(List<Candidate> a, List<Candidate> b) {
    Candidate firstA = firstBody(a);
    Candidate firstB = firstBody(b);
    if (firstA == null || firstB == null) {
      return firstA == null && a.stream().anyMatch(x -> b.stream().anyMatch(y -> y.sent == x.sent));
    }
    for (Candidate x : a) {
      for (Candidate y : b) {
        if (!x.sent.isTitle && x.sent == y.sent) {
          return true;
        }
      }
    }
    return firstA.sent.index > firstB.sent.index;
  }

  private static Candidate firstBody(List<Candidate> cl) {
    for (Candidate c : cl) {
      if (!c.sent.isTitle) {
        return c;
      }
    }
    return null;
  }

  private static Finding finding(List<Candidate> cl, FindingKind kind) {
    Company company = cl.get(0).company;
    Candidate best =
        cl.stream()
            .filter(c -> kind == FindingKind.MENTION || !c.weak)
            .max(
                Comparator.comparingInt((Candidate c) -> c.sent.isTitle ? 0 : 1)
                    .thenComparingInt(c -> c.period != null ? 1 : 0)
                    .thenComparingInt(c -> c.money.amount().currency().equals("USD") ? 0 : 1)
                    .thenComparingInt(c -> -c.sent.index))
            .orElse(cl.get(0));
    BigDecimal usd = best.usd;
    if (best.money.statedUsd() == null && !best.money.amount().currency().equals("USD")) {
      for (Candidate c : cl) {
        if (c.money.amount().currency().equals("USD") && gap(c.usd, best.usd) <= 0.15) {
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
    return new Finding(company.name(), kind, best.money.amount(), usd, period, best.sent.text, raise);
  }

  private static boolean sameFigure(Candidate a, Candidate b, double tolerance) {
    return gap(a, b) <= tolerance;
  }

  /** Relative difference of two figures in dollars; 0 when written the same. */
  private static double gap(Candidate a, Candidate b) {
    MoneyAmount x = a.money.amount();
    MoneyAmount y = b.money.amount();
    if (x.currency().equals(y.currency()) && x.value().compareTo(y.value()) == 0) {
      return 0;
    }
    return gap(a.usd, b.usd);
  }

  private static double gap(BigDecimal a, BigDecimal b) {
    BigDecimal max = a.max(b);
    if (max.signum() == 0) {
      return 1;
    }
    return a.subtract(b).abs().divide(max, 4, RoundingMode.HALF_UP).doubleValue();
  }

  // ---------------------------------------------------------------- helpers

  private Token[] tokens(Sent s) {
    if (s.tokens == null) {
      s.tokens = Tokenizer.tokenize(s.text, s.money, s.mentions);
      Cue.annotate(s.tokens);
    }
    return s.tokens;
  }

  private static List<MoneySpan> shiftMoney(List<MoneySpan> spans, int start, int end, String yen) {
    List<MoneySpan> out = null;
    for (MoneySpan s : spans) {
      if (s.start() >= start && s.start() < end) {
        if (out == null) {
          out = new ArrayList<>(2);
        }
        MoneySpan shifted =
            start == 0 && s.end() <= end
                ? s
                : new MoneySpan(
                    s.amount(), s.start() - start, Math.min(s.end(), end) - start, s.statedUsd(), s.range(), s.yenSign());
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
