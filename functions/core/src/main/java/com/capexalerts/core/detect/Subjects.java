package com.capexalerts.core.detect;

import com.capexalerts.core.company.Company;
import com.capexalerts.core.company.CompanyMention;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * <b>Kind</b> stage, per item: who the item is about. An amount can be an announcement only when its spender is a
 * subject. The subjects are the watched companies the headline names, except objects and comparisons; when the
 * headline names none but speaks of committing money, the companies that the first sentences with a figure report
 * committing ("said it would spend"); in a fund-raise headline also the investors whose share the lede states; in a
 * company's own newsroom the company and whoever its lede has committing money. A sentence listing three or more
 * companies' own figures is a roundup: context for the companies the headline does not name.
 */
final class Subjects {
  private Subjects() {}

  static final Set<String> FACILITY_NOUNS = Lexicon.words("subjects/facility-nouns");

  static final Set<String> ANNOUNCING = Lexicon.words("subjects/announcing");

  static final Set<String> STOCK_NOUNS = Lexicon.words("subjects/stock-nouns");

  /**
   * The headline's subjects (see {@link #titleSubjects(Sent)}); for a post in a watched company's own newsroom
   * whose headline has no other subject, that company, since the post is its news.
   */
  static void findTitleSubjects(ItemContext ctx) {
    boolean titleNamesCompany = !ctx.sents.isEmpty() && ctx.sents.get(0).isTitle && !ctx.sents.get(0).mentions.isEmpty();
    if (titleNamesCompany) {
      ctx.titleSubjects = titleSubjects(ctx.sents.get(0));
    }
    ctx.newsroomSubject = ctx.titleSubjects.isEmpty() && ctx.publisher != null;
    if (ctx.newsroomSubject) {
      ctx.titleSubjects = Set.of(ctx.publisher); // a newsroom post whose headline has no other subject: the company's news
    }
  }

  /** The companies whose figures can be announcements in this item, once its candidates are known. */
  static Set<Company> of(ItemContext ctx, List<Candidate> candidates) {
    Set<Company> subjects = ctx.titleSubjects;
    if (ctx.titleSubjects.isEmpty() && ctx.publisher == null && ctx.sents.size() == 1 && ctx.sents.get(0).isTitle
        && headlineAboutInvesting(ctx)) {
      // a title-only item whose headline names its companies only as partners ("Trump poised to unveil $500 billion
      // 'Stargate' AI venture with OpenAI, Oracle and SoftBank"): there is no lede, the headline's spenders decide
      Set<Company> spenders = new LinkedHashSet<>();
      for (Candidate c : candidates) {
        if (!c.old() && !c.weak()) {
          spenders.add(c.company());
        }
      }
      subjects = spenders;
    } else if (ctx.titleSubjects.isEmpty() && ctx.publisher == null && !opinion(ctx)
        && (headlineAboutInvesting(ctx) || headlineFigureInLede(ctx, candidates))) {
      // no headline subject ("Trump unveils $500bn AI venture with SoftBank, OpenAI and Oracle"): the lede's
      subjects = ledeSubjects(ctx, candidates, true);
    } else if (titleRaisesMoney(ctx) && ctx.publisher == null) {
      // "OpenAI raises $40bn in SoftBank-led round": investors whose own share of it the lede states are news too
      BigDecimal round = ctx.titleMoney.stream().map(ctx::usd).filter(java.util.Objects::nonNull)
          .max(BigDecimal::compareTo).orElse(null);
      Set<Company> both = new LinkedHashSet<>(ctx.titleSubjects);
      if (round != null) {
        for (Candidate c : candidates) {
          // an investor's own stated share of the round is its news wherever the body gives it (rule 6)
          if (!c.sent().isTitle && !c.old() && !c.weak() && c.usd().compareTo(round) <= 0) {
            both.add(c.company());
          }
        }
      }
      subjects = both;
    } else if (ctx.newsroomSubject) {
      // A newsroom post is news by definition: whoever its lede has committing money is a subject too ("a new $4
      // billion investment from Amazon" on Anthropic's site).
      Set<Company> both = new LinkedHashSet<>(ctx.titleSubjects);
      both.addAll(ledeSubjects(ctx, candidates, false));
      subjects = both;
    }
    for (Candidate c : candidates) {
      if (!c.sent().isTitle && !c.old() && !c.weak() && !subjects.isEmpty()
          && (dealTerms(c.sent()) || startsSeparately(c.sent()))) {
        // "In return Anthropic committed to spend $100 billion on AWS": the other side of the headline's deal
        Set<Company> both = new LinkedHashSet<>(subjects);
        both.add(c.company());
        subjects = both;
      }
    }
    if (!ctx.buyers.isEmpty()) {
      Set<Company> both = new LinkedHashSet<>(subjects);
      both.addAll(ctx.buyers); // "Samsung lands $16.5 billion Tesla chip order": the buyer's news
      subjects = both;
    }
    return subjects;
  }

  /**
   * A sentence listing three or more companies' own figures ("Google said in May it would spend $2 billion,
   * Microsoft pledged $2.2 billion, AWS has earmarked $6.2 billion ...") is a roundup of the field: context for the
   * companies the headline does not name.
   */
  static void roundup(ItemContext ctx, List<Candidate> candidates, int from, Trace trace) {
    Set<Company> own = new HashSet<>();
    for (int i = from; i < candidates.size(); i++) {
      if (!candidates.get(i).shared()) {
        own.add(candidates.get(i).company());
      }
    }
    if (own.size() < 3 || (ctx.titleSubjects.isEmpty() && (headlineCommits(ctx) || headlineFigureInLede(ctx, candidates)))) {
      return; // "US tech giants pledge billions for British AI": the roundup is the news
    }
    for (int i = from; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (!ctx.titleSubjects.contains(c.company())) {
        candidates.set(
            i, c.framed());
        if (trace != null && !c.weak()) {
          trace.framed(c, "a roundup of " + own.size() + " companies' figures, context for one the headline does not name");
        }
      }
    }
  }

  /**
   * A headline that names no watched company states a figure that the lede gives a company ("The $30 billion AI
   * arms race just became wilder" over "Anthropic plans to buy $30 billion of Azure compute"): the lede is the news.
   */
  static boolean headlineFigureInLede(ItemContext ctx, List<Candidate> candidates) {
    if (ctx.titleMoney.isEmpty() || ctx.sents.isEmpty() || !ctx.sents.get(0).isTitle) {
      return false;
    }
    int firstBody = 1;
    for (Candidate c : candidates) {
      if (!c.sent().isTitle && c.sent().index == firstBody && !c.old() && Background.inHeadline(ctx, c.usd())) {
        return true;
      }
    }
    return false;
  }

  static final Set<String> OPINION_KICKERS = Lexicon.words("subjects/opinion-kickers");

  /** "Opinion: The data-centre pledges are growing faster than the business case": comment, not a report. */
  static boolean opinion(ItemContext ctx) {
    Token[] t = ctx.sents.get(0).tokens();
    return ctx.sents.get(0).isTitle && t.length > 2 && t[0].isWord() && OPINION_KICKERS.contains(t[0].norm)
        && t[1].is(":");
  }

  /** The sentence opens with the terms of the item's deal ("In return", "Under the agreement"). */
  static boolean dealTerms(Sent s) {
    Token[] t = s.tokens();
    for (int k = 1; k + 1 < t.length; k++) {
      // "under a partnership announced on Tuesday in which Nvidia and Microsoft agreed to invest ..."
      if ((t[k].is("in") || t[k].is("under")) && t[k + 1].is("which") && t[k + 2 < t.length ? k + 2 : k + 1].kind == Token.Kind.COMPANY
          && !Framing.relativeSpender(t, k + 2)) {
        return true;
      }
    }
    StringBuilder opening = new StringBuilder();
    for (int k = 0; k < t.length && k < 6 && t[k].isWord(); k++) {
      opening.append(k == 0 ? "" : " ").append(t[k].norm);
      if (DEAL_TERMS.contains(opening.toString())) {
        return true;
      }
    }
    return false;
  }

  static final Set<String> DEAL_TERMS = Lexicon.words("subjects/deal-terms");

  /** "Separately on Tuesday, Google announced ...": further news of the day, its spender's own. */
  static boolean startsSeparately(Sent s) {
    Token[] t = s.tokens();
    for (int k = 0; k < t.length && t[k].kind != Token.Kind.MONEY; k++) {
      if (t[k].is("which") || t[k].is("who")) {
        return false; // "OpenAI, into which Nvidia separately plans to invest": background about it
      }
      if (t[k].is("separately")) {
        return true; // "Separately on Tuesday, Google announced", "Google separately pledged"
      }
    }
    return false;
  }

  /** The headline speaks of committing money ("pledge", "invest", "capex"), not just of data centres. */
  static boolean headlineCommits(ItemContext ctx) {
    return ctx.headlineHas(x -> x.has(Cue.INVEST) && !x.has(Cue.SCOPE) && !FACILITY_NOUNS.contains(x.norm));
  }

  /** The headline reports a fund-raise ("raises $40bn", "funding round"). */
  static boolean titleRaisesMoney(ItemContext ctx) {
    if (ctx.sents.isEmpty() || !ctx.sents.get(0).isTitle) {
      return false;
    }
    Token[] t = ctx.sents.get(0).tokens();
    for (int k = 0; k < t.length; k++) {
      if (!t[k].isWord()) {
        continue;
      }
      if (t[k].is("fundraising") || t[k].is("fundraise")) {
        return true;
      }
      if (t[k].is("round") && k > 0 && (t[k - 1].kind == Token.Kind.MONEY
          || (t[k - 1].isWord() && ROUND_WORDS.contains(t[k - 1].norm))
          || k > 1 && t[k - 1].kind == Token.Kind.COMPANY && t[k - 2].kind == Token.Kind.MONEY)) { // "$110 billion OpenAI round"
        return true; // "funding round", "$40 billion round" — not "restructuring round"
      }
      if (t[k].has(Cue.FUNDRAISE) && raisesMoney(t, k) && !ctx.headlineHas(x -> DEBT_WORDS.contains(x.norm))
          && raiserIsLab(ctx.sents.get(0), k)) {
        return true; // "OpenAI raises $40 billion" — not "Amazon raises $15 billion in bond sale"
      }
      if (LANDS_MONEY.contains(t[k].norm) && raisesMoney(t, k) && raiserIsLab(ctx.sents.get(0), k)
          && (ctx.headlineHas(x -> x.is("valuation") || x.is("valuing") || x.is("funding")) || moneyFromCompany(t))) {
        return true; // "OpenAI lands $6.6 billion at $157 billion valuation as Microsoft ... chip in"
      }
    }
    return false;
  }

  /** "$110bn from Amazon, Nvidia and SoftBank": money a headline has coming from a watched company. */
  private static boolean moneyFromCompany(Token[] t) {
    for (int k = 0; k + 2 < t.length; k++) {
      if (t[k].kind == Token.Kind.MONEY && t[k + 1].is("from") && t[k + 2].kind == Token.Kind.COMPANY) {
        return true;
      }
    }
    return false;
  }

  /** A lab that "lands" or "secures" money at a valuation raises it. */
  private static final Set<String> LANDS_MONEY = Set.of("lands", "landed", "secures", "secured", "nets", "netted",
      "bags", "bagged", "closes", "closed", "gets", "wins", "lines");

  /** Headline words of a borrowing ("bond sale", "notes"): not a round with investors. */
  static final Set<String> DEBT_WORDS = Lexicon.words("subjects/debt-words");

  /** The company before the raise verb is an AI lab (a round with investors), or none is named. */
  private static boolean raiserIsLab(Sent title, int k) {
    Token[] t = title.tokens();
    for (int j = k - 1; j >= 0; j--) {
      if (t[j].kind == Token.Kind.COMPANY) {
        CompanyMention c = title.mentions.get(t[j].ref);
        return c.company().isAiScope(c.alias());
      }
    }
    return true;
  }

  /** "raises $40 billion", "raises another $6 billion", "raises funding" — not "raises its capex forecast to". */
  private static boolean raisesMoney(Token[] t, int k) {
    for (int j = k + 1; j < t.length && j <= k + 3; j++) {
      if (t[j].kind == Token.Kind.MONEY) {
        return true;
      }
      if (!t[j].isWord() || t[j].is("to") || t[j].is("its") || t[j].is("their") || t[j].is("by")) {
        return false;
      }
      if (ROUND_WORDS.contains(t[j].norm) || t[j].is("capital") || t[j].is("money") || t[j].is("cash")) {
        return true;
      }
    }
    return false;
  }

  static final Set<String> ROUND_WORDS = Lexicon.words("subjects/round-words");

  /** The headline speaks of committing money ("pledge billions", "AI infrastructure push"), or there is none. */
  static boolean headlineAboutInvesting(ItemContext ctx) {
    boolean noHeadline = ctx.sents.isEmpty() || !ctx.sents.get(0).isTitle;
    return noHeadline
        || ctx.headlineHas(
            x -> x.has(Cue.INVEST | Cue.ACQUIRE | Cue.DEAL | Cue.PLAN_NOUN)
                || (x.has(Cue.RAISE_VERB) && !x.has(Cue.FUNDRAISE)));
  }

  /** When the headline names no watched company: who commits money in the first sentence that has a figure. */
  static Set<Company> ledeSubjects(ItemContext ctx, List<Candidate> candidates, boolean mustAnnounce) {
    return ledeSubjects(ctx, candidates, mustAnnounce, 1);
  }

  /** As above, the first sentence with a figure among the first {@code 1 + extra} body sentences. */
  static Set<Company> ledeSubjects(ItemContext ctx, List<Candidate> candidates, boolean mustAnnounce, int extra) {
    int firstBody = ctx.sents.get(0).isTitle ? 1 : 0;
    Set<Company> lede = new LinkedHashSet<>();
    int ledeIndex = -1;
    for (Candidate c : candidates) {
      if (c.sent().isTitle || c.sent().index > firstBody + extra) {
        continue;
      }
      if (ledeIndex < 0) {
        ledeIndex = c.sent().index;
      }
      if (c.sent().index == ledeIndex && !c.old() && !c.weak() && (!mustAnnounce || announces(c.sent()))) {
        lede.add(c.company());
      }
    }
    return lede;
  }

  /** The sentence reports a commitment being made ("said it would", "announced", "will invest"). */
  static boolean announces(Sent s) {
    return ItemContext.has(s, x -> ANNOUNCING.contains(x.norm));
  }

  /** "plan with CDC and Nvidia": the company closes a "with" list whose first names are not watched. */
  static boolean withList(Token[] t, int head) {
    if (head < 2 || !(t[head - 1].is("and") || t[head - 1].is(","))) {
      return false;
    }
    for (int j = head - 2; j >= 0 && j >= head - 6; j--) {
      if (t[j].is("with")) {
        return true;
      }
      if (!(t[j].isWord() && t[j].upper) && !t[j].is(",") && !t[j].is("and")) {
        return false;
      }
    }
    return false;
  }

  static Set<Company> titleSubjects(Sent title) {
    Token[] t = title.tokens();
    Set<Company> out = new LinkedHashSet<>();
    for (int k = 0; k < t.length; k++) {
      if (t[k].kind != Token.Kind.COMPANY) {
        continue;
      }
      int head = Spender.listHead(t, k);
      boolean compared = Clauses.anyFlag(t, Math.max(0, head - 3), head, Cue.COMPARE | Cue.COMPARE_BODY);
      boolean relativeSubject = k + 2 < t.length && t[k + 1].is(",") && (t[k + 2].is("which") || t[k + 2].is("who"));
      boolean agent =
          head >= 1
              && (t[head - 1].is("from") // "Anthropic gets $4 billion from Amazon"
                  || (head >= 2 && t[head - 1].is("of") && t[head - 2].has(Cue.INVEST)) // "a venture of OpenAI, ..."
                  || (head >= 2 && t[head - 1].is("by") && Spender.isParticiple(t[head - 2]))); // "spent by Microsoft"
      // A possessive counts even inside the headline's object ("Albanese hails Amazon's data-centre plan"): whether
      // it is news or background is then decided sentence by sentence in the body.
      // "What's happening with Meta stock Friday?": a headline about a company's shares is about the company.
      boolean stock = k + 1 < t.length && t[k + 1].isWord() && STOCK_NOUNS.contains(t[k + 1].norm);
      // "Five-year, $310 billion Samsung plan": the company qualifying the plan after its figure owns it
      boolean planOwner = k > 0 && t[k - 1].kind == Token.Kind.MONEY && k + 1 < t.length && t[k + 1].isWord()
          && t[k + 1].has(Cue.PLAN_NOUN) && t[k + 1].has(Cue.INVEST) && !t[k + 1].norm.startsWith("investment");
      boolean subject = relativeSubject || agent || stock || planOwner || !(Spender.isObject(t, k) || withList(t, head));
      if (subject && !compared) {
        out.add(title.mentions.get(t[k].ref).company());
      }
    }
    // "Nvidia and Microsoft fund Anthropic as it spends on Azure": the object that "it" then has spending
    for (int k = 2; k + 1 < t.length; k++) {
      if ((t[k - 1].is("as") || t[k - 1].is("while")) && t[k].is("it") && t[k + 1].isWord() && t[k + 1].has(Cue.INVEST)) {
        for (int j = k - 2; j >= 0; j--) {
          if (t[j].kind == Token.Kind.COMPANY) {
            out.add(title.mentions.get(t[j].ref).company());
            break;
          }
        }
      }
    }
    return out;
  }
}
