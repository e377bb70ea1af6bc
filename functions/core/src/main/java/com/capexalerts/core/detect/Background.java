package com.capexalerts.core.detect;

import com.capexalerts.core.money.MoneySpan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * <b>Framing</b> stage, per item: news or background, when the sentence itself cannot settle it. Real coverage
 * restates earlier pledges in the paragraphs of context of stories about something else (layoffs, a bond sale, an
 * acquisition, a stake sale, a government programme, a critic's attack). The headline and the lede decide:
 *
 * <ul>
 *   <li>a figure the headline states (within 15 %: headlines round) is the story's news;
 *   <li>when the headline states a figure of its own, or does not speak of investing at all, or reports a reaction
 *       to a plan ("Musk bashes $500 billion AI project"), a body figure after the lede is background: a mention;
 *   <li>except capital-spending guidance in the body of a results story (labelling rule 1), and a sentence that
 *       reports further news of the day ("Separately, ... said on Tuesday it will invest").
 * </ul>
 */
final class Background {
  private Background() {}

  static final Set<String> REACTION_WORDS = Lexicon.words("background/reaction-words");
  static final Set<String> RESULTS_WORDS = Lexicon.words("background/results-words");
  static final Set<String> FRESH_WORDS = Lexicon.words("background/fresh-words");
  static final Set<String> DEAL_WORDS = Lexicon.words("background/deal-words");
  static final Set<String> CAPEX_WORDS = Lexicon.words("background/capex-words");
  static final Set<String> FRAME_WORDS = Lexicon.words("background/frame-words");
  static final Set<String> PROGRESS_WORDS = Lexicon.words("background/progress-words");
  static final Set<String> MARKET_MOVE_VERBS = Lexicon.words("background/market-move-verbs");

  private static final String REACTION = "a reaction to a plan";
  private static final String FRAMED_FIGURE = "something else, its figure given as background";
  private static final String OWN_FIGURE = "the headline's own figure";
  private static final String OFF_INVESTING = "something other than investing";

  /** How far headline and body figures may differ and still be the same figure. */
  private static final double HEADLINE_ROUNDING = 0.15;

  /** Marks the body candidates that the headline and lede show to be background as framed (weak). */
  static void apply(ItemContext ctx, List<Candidate> candidates, Trace trace) {
    if (ctx.sents.isEmpty() || !ctx.sents.get(0).isTitle || ctx.publisher != null) {
      return; // no headline to decide by; a newsroom post is the company's own news
    }
    String topic = offTopic(ctx);
    if (trace != null) {
      trace.item("background", topic == null ? "headline about investing" : "headline about " + topic,
          topic == null ? "body figures may be news" : "body figures after the lede are background unless fresh");
    }
    if (topic == null || Subjects.titleRaisesMoney(ctx)) {
      return; // in a fund-raise story the investors' stated shares are its news (see Subjects)
    }
    boolean ownFigure = topic.equals(OWN_FIGURE);
    // "Oracle taps bond market for $18 billion as OpenAI build-out looms": a headline figure that commits nothing
    // leaves no other headline company's body figure open
    boolean commits = !headlineFiguresRejected(ctx);
    boolean reaction = topic.equals(REACTION) || topic.equals(FRAMED_FIGURE);
    // a results story, by its headline or its lede ("Meta delivered a quarter that beat Wall Street ...")
    boolean results = ctx.headlineHas(x -> RESULTS_WORDS.contains(x.norm) || x.has(Cue.RESULTS))
        || (ctx.sents.size() > 1 && ItemContext.has(ctx.sents.get(1), x -> x.has(Cue.RESULTS)));
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (c.sent().isTitle && topic.equals(FRAMED_FIGURE) && !c.weak()) {
        candidates.set(i, c.framed());
        if (trace != null) {
          trace.framed(c, "background: the headline's figure frames news about something else");
        }
        continue;
      }
      if (c.sent().isTitle || c.weak() || c.old() || (!reaction && inHeadline(ctx, c.usd()))) {
        continue;
      }
      if (ownFigure && ctx.titleSubjects.size() > 1 && ctx.titleSubjects.contains(c.company())
          && !possessiveOnly(ctx.sents.get(0), c.company())
          && (commits || c.company().equals(headlineSubject(ctx)))) {
        continue; // "Anthropic commits $30 billion to Azure; Nvidia and Microsoft to invest": whose figure is open
      }
      boolean lede = c.sent().index == 1 && !reaction
          && !((topic.equals(OFF_INVESTING) || !commits) && framedInLede(c)); // "... 15,000 cuts, as the company funds a $80 billion build-out"
      if (lede || fresh(c.sent()) || (results && guidance(c.sent()))) {
        continue;
      }
      candidates.set(i, c.framed());
      if (trace != null) {
        trace.framed(c, "background: after the lede of a story about " + topic);
      }
    }
  }

  /**
   * What the headline is about when it is not the investing its body's figures could announce, or null: a reaction
   * to a plan, a figure of its own, or no investing at all.
   */
  static String offTopic(ItemContext ctx) {
    String headline = ctx.sents.get(0).text.toLowerCase(java.util.Locale.ROOT);
    for (String w : PROGRESS_WORDS) {
      int at = headline.indexOf(w);
      if (at >= 0 && !laterMilestone(headline.substring(at + w.length()), ctx.year)) {
        return FRAMED_FIGURE; // "Google lays foundation stone for $15 billion Vizag AI campus": the project is known
      }
    }
    if (ctx.headlineHas(x -> REACTION_WORDS.contains(x.norm))) {
      return REACTION;
    }
    if (!ctx.titleMoney.isEmpty()) {
      return framedFigure(ctx.sents.get(0)) ? FRAMED_FIGURE : OWN_FIGURE;
    }
    if (!Subjects.headlineAboutInvesting(ctx) && !ctx.headlineHas(x -> DEAL_WORDS.contains(x.norm))) {
      return OFF_INVESTING;
    }
    return null;
  }

  private static final java.util.regex.Pattern MILESTONE_WHEN =
      java.util.regex.Pattern.compile("^\\W*(?:in |by |from )?(next|later|\\d{4})\\b");

  /**
   * "Microsoft to build $3 billion AI campus, ground-breaking in 2027": a milestone still to come (a later year, or
   * "next year") dates the plan's schedule, not progress on a known project.
   */
  static boolean laterMilestone(String after, int year) {
    java.util.regex.Matcher m = MILESTONE_WHEN.matcher(after);
    if (!m.find()) {
      return false;
    }
    String when = m.group(1);
    return !Character.isDigit(when.charAt(0)) || year == 0 || Integer.parseInt(when) >= year;
  }

  /**
   * The headline's figures follow a framing word ("ahead of", "amid", "despite", "as") whose main clause before it
   * speaks of no investing: "Meta cuts about 8,000 roles ahead of $145 billion AI spending push".
   */
  static boolean framedFigure(Sent title) {
    Token[] t = title.tokens();
    boolean any = false;
    for (int m = 0; m < t.length; m++) {
      if (t[m].kind != Token.Kind.MONEY) {
        continue;
      }
      any = true;
      int frame = -1;
      for (int k = m - 1; k >= 0 && k >= m - 4; k--) {
        if (t[k].isWord() && FRAME_WORDS.contains(t[k].norm) && !(t[k].is("as") && Buyer.roleNoun(t, k + 1))) {
          frame = k; // not "confirms Tesla as customer behind ...": a role, no frame
          break;
        }
      }
      if (frame <= 1) {
        return false;
      }
      if (frame + 2 < t.length && t[frame + 1].kind == Token.Kind.COMPANY && t[frame + 2].isWord()
          && Buyer.SELLER_VERBS.contains(t[frame + 2].norm) || frame + 2 < t.length
          && t[frame + 1].kind == Token.Kind.COMPANY && t[frame + 2].isWord() && Buyer.DEAL_VERBS.contains(t[frame + 2].norm)) {
        return false; // "Ellison tops rich list as Oracle wins $300bn OpenAI deal": the deal is the news of the day
      }
      for (int k = 0; k < frame; k++) {
        // "Alphabet shares slide as $75 billion capex plan overshadows ...", "Amazon slides as $200 billion plan
        // rattles investors": a market reaction to the figure is news
        if (t[k].isWord() && (t[k].has(Cue.INVEST | Cue.ACQUIRE | Cue.DEAL | Cue.PLAN_NOUN | Cue.RAISE_VERB)
            || t[k].is("shares") || t[k].is("stock") || t[k].is("investors")
            || k > 0 && (t[k - 1].kind == Token.Kind.COMPANY || t[k - 1].isWord() && t[k - 1].upper)
            && marketMove(t, k, frame))) {
          return false;
        }
      }
    }
    return any;
  }

  /** "hits record", "hit an all-time high": a stock's level, like a move verb. */
  private static final Set<String> RECORD_WORDS = Set.of("record", "high", "low", "peak", "all-time");

  /** A move verb at k ("slides", "jumps") or a level reached ("hits all-time high"), before the index end. */
  static boolean marketMove(Token[] t, int k, int end) {
    if (!t[k].isWord()) {
      return false;
    }
    if (MARKET_MOVE_VERBS.contains(t[k].norm)) {
      return true;
    }
    if (!(t[k].is("hits") || t[k].is("hit") || t[k].is("reaches") || t[k].is("touches"))) {
      return false;
    }
    for (int j = k + 1; j < end && j <= k + 3; j++) {
      if (t[j].isWord() && RECORD_WORDS.contains(t[j].norm)) {
        return true;
      }
    }
    return false;
  }

  /** The headline names the company only as a possessive ("knocks $3.1 billion off Microsoft's profit"). */
  static boolean possessiveOnly(Sent title, com.capexalerts.core.company.Company company) {
    boolean any = false;
    for (Token x : title.tokens()) {
      if (x.kind == Token.Kind.COMPANY && title.mentions.get(x.ref).company().equals(company)) {
        if (!x.possessive) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /** The watched company that opens the headline ("Nvidia to fund ..."), or null. */
  static com.capexalerts.core.company.Company headlineSubject(ItemContext ctx) {
    Sent title = ctx.sents.get(0);
    Token[] t = title.tokens();
    return t.length > 0 && t[0].kind == Token.Kind.COMPANY ? title.mentions.get(t[0].ref).company() : null;
  }

  /**
   * In a lede about something else, the figure sits in a trailing frame clause after a comma (", as the company
   * funds ...", ", amid ...", ", while ..."): the reason given for the news, not the news.
   */
  static boolean framedInLede(Candidate c) {
    Token[] t = c.sent().tokens();
    int m = -1;
    for (int k = 0; k < t.length; k++) {
      if (t[k].kind == Token.Kind.MONEY && t[k].start == c.position()) {
        m = k;
        break;
      }
    }
    for (int k = m - 1; k >= 2; k--) {
      if (t[k].kind == Token.Kind.MONEY || t[k].is(";")) {
        return false;
      }
      if (t[k].isWord() && FRAME_WORDS.contains(t[k].norm) && !t[k].is("after") && !t[k].is("following")
          && t[k - 1].kind != Token.Kind.COMPANY) {
        return k >= 4; // a main clause of its own before the frame word
      }
    }
    return false;
  }

  /** Every headline figure was found to be no investment (a bond sale, revenue, a fine). */
  static boolean headlineFiguresRejected(ItemContext ctx) {
    List<MoneySpan> money = ctx.sents.get(0).money;
    if (money.isEmpty()) {
      return false;
    }
    for (MoneySpan m : money) {
      BigDecimal usd = ctx.usd(m);
      if (usd == null || !ctx.rejectedFigures.contains(usd)) {
        return false;
      }
    }
    return true;
  }

  /** The headline states this figure (headlines round). */
  static boolean inHeadline(ItemContext ctx, BigDecimal usd) {
    for (MoneySpan m : ctx.sents.get(0).money) {
      BigDecimal h = ctx.usd(m);
      if (h != null && FindingMerger.gap(h, usd) <= HEADLINE_ROUNDING) {
        return true;
      }
    }
    return false;
  }

  /** The sentence reports further news of the day. */
  static boolean fresh(Sent s) {
    String text = " " + s.text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
    for (String w : FRESH_WORDS) {
      if (text.contains(" " + w + " ")) {
        return true;
      }
    }
    return false;
  }

  /** Forward capital-spending guidance: a forecast word, or capex with a forward verb. */
  static boolean guidance(Sent s) {
    boolean forward = false;
    boolean capex = false;
    for (Token x : s.tokens()) {
      if (!x.isWord()) {
        continue;
      }
      if (x.has(Cue.PLAN_NOUN) && x.has(Cue.FORWARD)) {
        return true; // "guidance", "outlook", "forecast"
      }
      forward |= x.has(Cue.FORWARD);
      capex |= CAPEX_WORDS.contains(x.norm);
    }
    return forward && capex;
  }

}
