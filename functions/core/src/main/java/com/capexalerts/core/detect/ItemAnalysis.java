package com.capexalerts.core.detect;

import com.capexalerts.core.company.Company;
import com.capexalerts.core.money.MoneySpan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The detection rules applied to one item: reads it into sentences ({@link ItemContext}), runs each money amount
 * through the stages, then merges the candidates into findings. Not thread-safe; one instance per item.
 *
 * <p>For each money amount in a sentence (the headline is a sentence of its own), in order:
 *
 * <ol>
 *   <li><b>Role</b> ({@link MoneyRole}): the nearest governing cue decides whether it is invested money; no
 *       investment cue: dropped.
 *   <li><b>Old figure</b> ({@link MoneyRole#isBaseline}): "to $85 billion from $75 billion" makes the second the
 *       company's earlier figure; a change ("by $10 billion") is dropped.
 *   <li><b>Spender</b> ({@link Spender}): the watched company (or companies) that spends it; none: dropped.
 *   <li><b>AI scope</b> ({@link AiScope}): the sentence or its item is about AI; otherwise dropped.
 *   <li><b>Not a commitment</b> ({@link Commitment}): estimates, talks, denials, reported results: dropped.
 *   <li><b>Kind</b> ({@link Framing}, {@link Subjects}): an announcement when the spender is a subject of the item,
 *       the figure is asserted by its own clause and nothing dates or frames it; otherwise a mention.
 *   <li><b>Raise</b> ({@link Raise}): a raised plan.
 * </ol>
 *
 * <p>Then {@link FindingMerger} merges the figures of each company into findings.
 */
final class ItemAnalysis {
  private final ItemContext ctx;
  /** Collects the decisions when explaining; null in ordinary detection. */
  private final Trace trace;
  /** Amounts of the current sentence whose role is no investment ("to borrow $16 billion"). */
  private final Set<Integer> dropped = new HashSet<>();

  ItemAnalysis(
      Detector detector, String title, String text, int year, String link, String source,
      Supplier<Company> publisherLookup, Trace trace) {
    this.ctx = new ItemContext(detector, title, text, year, link, source, publisherLookup);
    this.trace = trace;
  }

  List<Finding> run() {
    String unread = ctx.read();
    if (unread != null) {
      if (trace != null) {
        trace.item("item", "skipped", unread);
      }
      return List.of();
    }
    if (trace != null && ctx.localDollar != null) {
      trace.item("currency", ctx.localDollar.currency(), ctx.localDollar.reason());
    }
    Subjects.findTitleSubjects(ctx);
    if (trace != null) {
      trace.item("subjects", ctx.titleSubjects.isEmpty() ? "none" : Trace.names(List.copyOf(ctx.titleSubjects)),
          ctx.newsroomSubject ? "the company whose newsroom published the item" : "the watched companies the headline"
              + " names, except objects and comparisons");
    }
    List<Candidate> candidates = new ArrayList<>();
    for (Sent s : ctx.sents) {
      if (s.money.isEmpty()) {
        continue;
      }
      Token[] t = s.tokens();
      Set<Integer> detected = new HashSet<>();
      dropped.clear();
      ctx.rejectedTokens.clear();
      int before = candidates.size();
      for (int m = 0; m < t.length; m++) {
        if (t[m].kind != Token.Kind.MONEY) {
          continue;
        }
        if (analyze(s, m, detected, candidates)) {
          detected.add(m);
        }
      }
      Subjects.roundup(ctx, candidates, before, trace);
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    Background.apply(ctx, candidates, trace);
    Set<Company> subjects = Subjects.of(ctx, candidates);
    if (trace != null) {
      if (!subjects.equals(ctx.titleSubjects)) {
        trace.item("subjects", subjects.isEmpty() ? "none" : Trace.names(List.copyOf(subjects)),
            "with the companies the first sentences report committing money");
      }
      explainKinds(candidates, subjects);
    }
    return FindingMerger.merge(ctx, candidates, subjects, trace);
  }

  /** Each candidate's own kind: what dates or frames it, and whether its spender is a subject of the item. */
  private void explainKinds(List<Candidate> candidates, Set<Company> subjects) {
    for (Candidate c : candidates) {
      String name = c.company().name();
      boolean subject = subjects.contains(c.company());
      if (!c.old() && !c.weak() && subject) {
        trace.decide(c, "kind", "announcement",
            name + " is a subject of the item and the figure is asserted in its own clause, undated");
        continue;
      }
      List<String> why = new ArrayList<>(3);
      if (c.old()) {
        why.add("dated: " + trace.dated(c));
      }
      if (c.weak()) {
        String framed = trace.framed(c);
        why.add("framed: " + (framed == null ? "context" : framed));
      }
      if (!subject) {
        why.add(name + " is not a subject of the item");
      }
      trace.decide(c, "kind", "mention", String.join("; ", why));
    }
  }

  /** Adds the candidates of the amount at token m; true when it is an investment figure of a watched company. */
  private boolean analyze(Sent s, int m, Set<Integer> detected, List<Candidate> out) {
    Token[] t = s.tokens;
    MoneySpan span = s.money.get(t[m].ref);
    if (trace != null) {
      trace.amount(s, m);
    }
    int prevMoney = Clauses.prevMoney(t, m);
    int nextMoney = Clauses.nextMoney(t, m);
    if (MoneyRole.isDelta(t, m)) {
      if (trace != null) {
        trace.decide("old figure", "dropped", "a change ('by' after a raise or cut), not the plan");
      }
      return false;
    }
    boolean baseline = MoneyRole.isBaseline(t, m, prevMoney, detected);
    int role;
    if (baseline) {
      role = MoneyRole.ROLE_INVEST;
      if (trace != null) {
        trace.decide("role", "old figure", "the earlier figure after 'from' or 'compared with' a detected one");
      }
    } else if (dropped.contains(prevMoney) && MoneyRole.continuesPrevious(s, prevMoney, m)) {
      role = MoneyRole.ROLE_DROP; // "to borrow $16 billion ..., with a further $8 billion"
      if (trace != null) {
        trace.decide("role", MoneyRole.name(role), "adds to the previous figure, which is no investment: "
            + Trace.quote(s, m - 1, m + 1));
      }
    } else {
      role = MoneyRole.role(s, m, trace);
    }
    if (role == MoneyRole.ROLE_NONE && !s.isTitle && Clauses.firstWord(t) == m && MoneyRole.purposeAfter(t, m)) {
      role = MoneyRole.ROLE_INVEST; // "• $2.9 billion over two years for hyperscale cloud and AI infrastructure"
      if (trace != null) {
        trace.decide("role", "invest", "a list item that opens with the amount and says what it is for");
      }
    }
    Spender.Owner backer = null;
    if ((role == MoneyRole.ROLE_NONE || role == MoneyRole.ROLE_DROP) && MoneyRole.backerShare(t, m, dropped)) {
      role = MoneyRole.ROLE_INVEST; // "raised $110 billion, with $50 billion from Amazon, $30 billion from Nvidia"
      Company from = Buyer.company(s, m + 2);
      backer = new Spender.Owner(List.of(from), m + 2, m + 2, true, false, false);
      if (trace != null) {
        trace.decide("role", "invest", "a backer's share of a fund-raise, " + Trace.quote(s, m, m + 3));
        trace.decide("spender", from.name(), "the backer named after 'from'");
      }
    }
    if (role == MoneyRole.ROLE_NONE && detected.contains(prevMoney) && MoneyRole.gapped(t, m)) {
      role = MoneyRole.ROLE_INVEST; // "Alphabet at $75 billion and Meta at up to $65 billion": the listed figures share a verb
      if (trace != null) {
        trace.decide("role", "invest", "listed after a detected figure, sharing its verb");
      }
    }
    int buyerAt = role == MoneyRole.ROLE_DROP || role == MoneyRole.ROLE_NONE ? Buyer.buyer(ctx, s, m) : -1;
    Spender.Owner owner = buyerAt >= 0 ? buyerOwner(s, buyerAt) : backer;
    if (owner != null && owner != backer) {
      role = MoneyRole.ROLE_ACQUIRE;
      if (trace != null) {
        trace.decide("role", "acquisition or deal", "a compute or chip deal, " + Trace.quote(s, buyerAt, buyerAt + 1)
            + " its buyer");
      }
    }
    if (role == MoneyRole.ROLE_DROP || role == MoneyRole.ROLE_NONE) {
      if (role == MoneyRole.ROLE_DROP) {
        dropped.add(m);
        ctx.rejectFigure(s, span);
        ctx.rejectedTokens.add(t[m].start); // a figure listed with it or its earlier value shares its fate
        BigDecimal usd = s.isTitle ? ctx.usd(span) : null;
        if (usd != null && ctx.headlineHas(x -> FindingMerger.LEGAL_WORDS.contains(x.norm))) {
          ctx.titleDropped.add(usd);
        }
      }
      return false;
    }
    if (owner == null && role == MoneyRole.ROLE_ACQUIRE && (buyerAt = Buyer.owedTo(t, m)) >= 0) {
      owner = buyerOwner(s, buyerAt);
    }
    if (owner == null && (buyerAt = Buyer.giver(t, m)) >= 0 && Buyer.computeDeal(ctx, s)) {
      role = MoneyRole.ROLE_ACQUIRE; // "Tesla hands Samsung's Texas fab a $16.5 billion order for AI6 chips"
      owner = buyerOwner(s, buyerAt);
    }
    Company buyer = owner != null && owner != backer ? owner.companies().getFirst() : null;
    if (owner == null) {
      owner = Spender.owner(ctx, s, m, trace);
    }
    if (owner == null && role == MoneyRole.ROLE_ACQUIRE && (buyerAt = Buyer.buyer(ctx, s, m)) > 0
        && (Buyer.customer(t, buyerAt) || Spender.marketMover(t, 0, m) || Buyer.sold(t, m))) {
      // "Nebula Cloud has won a compute contract worth $9 billion from Microsoft": no watched subject, a watched buyer
      owner = buyerOwner(s, buyerAt);
      buyer = owner.companies().getFirst();
    }
    if (buyer != null && trace != null) {
      trace.decide("spender", buyer.name(), "the buyer of the deal (labelling rule 7)");
    }
    if (owner == null) {
      owner = DealLink.owner(ctx, s, m, trace); // "The investment is valued at $2 billion": the deal before
    }
    if (owner == null) {
      return false;
    }
    int clauseStart = Clauses.clauseStart(t, m);
    int base = Math.max(prevMoney + 1, clauseStart);
    if (owner.companies().size() > 1 && Clauses.anyFlag(t, base, Clauses.rightEnd(t, m, 12), Cue.AGGREGATE)) {
      if (trace != null) {
        int k = Clauses.firstFlag(t, base, Clauses.rightEnd(t, m, 12), Cue.AGGREGATE);
        trace.decide("spender", "dropped", "an aggregate of several companies' budgets, " + Trace.phrase(s, k));
      }
      return false;
    }
    if (buyer == null && !AiScope.inScope(ctx, s, m, role, trace)) {
      return false;
    }
    int winStart = Clauses.afterQuote(t, Clauses.windowStart(t, base, owner.anchor(), m), m);
    // Talk and reporting periods belong to the spender's own clause ("in talks with operators after Google chose
    // ... its $15 billion hub" is not Google's talk).
    int clauseFrom = owner.anchor() >= base && owner.anchor() < m ? owner.anchor() : winStart;
    int rightEnd = owner.rightClause() ? Clauses.clauseRightEnd(t, m) : Clauses.rightEnd(t, m, 10);
    String notCommitted = baseline ? null : Commitment.notCommitted(ctx, t, base, clauseFrom, prevMoney, m, rightEnd);
    if (notCommitted == Commitment.TENTATIVE && Commitment.trancheCeiling(s, prevMoney, m)) {
      notCommitted = null; // "are putting $100 billion behind it initially and could invest up to $500 billion"
    }
    boolean ownCeiling = notCommitted == Commitment.TENTATIVE && Commitment.ownCeiling(s, m);
    if (ownCeiling) {
      notCommitted = null; // "Alphabet said it could spend as much as $185 billion"
    }
    // the word that dates it, found once: -1 when none does, or when a later participle (", announced last
    // December,") or a "when" clause does
    int pastAt = baseline ? -1 : Framing.pastCue(ctx, t, winStart, m, rightEnd);
    String dated = baseline ? "an earlier figure"
        : Framing.dated(ctx, s, pastAt, winStart, base, owner.anchor(), m, nextMoney, rightEnd, span);
    if (pastAt >= 0 && (Framing.isTranche(t[pastAt]) || t[pastAt].is("initial"))
        && (Commitment.trancheCeiling(s, m, nextMoney) || Commitment.trancheCeiling(s, prevMoney, m))) {
      dated = null; // "initially" marks the first tranche of the ceiling, not an earlier figure
      pastAt = -1;
    }
    boolean relative = owner.relative() || Framing.inRelativeClause(t, owner.anchor(), m)
        || Framing.relativeSpender(t, owner.head());
    boolean compared = Framing.isCompared(s, t, owner.head());
    boolean weak = !owner.subjectLike() || relative || compared;
    boolean raise = !baseline && Raise.isRaise(t, winStart, m, nextMoney);
    boolean tenseOnly = dated == Framing.PERFECT
        || (dated == Framing.PAST && Framing.tenseOnly(t, pastAt));
    if (trace != null) {
      explainClause(s, m, owner, notCommitted, dated, pastAt, base, clauseFrom, winStart, rightEnd, relative, compared,
          raise);
    }

    int charFrom = prevMoney >= 0 ? t[prevMoney].end : (clauseStart > 0 ? t[clauseStart - 1].end : 0);
    if (prevMoney >= 0 && owner.anchor() > prevMoney && owner.anchor() < m) {
      charFrom = t[owner.anchor()].start; // "..., and Meta has set a budget of $65 billion": Meta's clause only
    }
    int clauseEnd = Clauses.clauseEnd(t, m);
    int charTo = nextMoney >= 0 ? t[nextMoney].start : (clauseEnd < t.length ? t[clauseEnd].start : s.text.length());
    String period = PeriodFinder.find(s.text, charFrom, charTo, span.start(), span.end());

    boolean any = false;
    List<Company> spenders = owner.companies();
    int nth = Clauses.respectively(t, m, spenders.size());
    if (nth >= 0) {
      spenders = List.of(spenders.get(nth)); // "Nvidia and Microsoft ... up to $10 billion and $5 billion respectively"
    }
    for (Company c : spenders) {
      MoneySpan money = span;
      if (span.yenSign()) {
        if (c.country().equals("JP")) {
          money = span.withCurrency("JPY");
        } else if (c.country().equals("CN")) {
          money = span.withCurrency("CNY");
        }
      }
      BigDecimal usd = ctx.usd(money);
      if (usd == null || usd.compareTo(ctx.detector.minimumUsd()) < 0) {
        if (trace != null) {
          trace.decide("threshold", "dropped", usd == null
              ? "no USD rate for " + money.amount().currency()
              : c.name() + "'s figure is below the minimum of $" + ctx.detector.minimumUsd().toPlainString());
        }
        continue;
      }
      if (notCommitted != null) {
        ctx.rejectFigure(s, money);
        ctx.rejectedTokens.add(t[m].start);
        continue;
      }
      out.add(
          new Candidate(c, dated != null, weak, owner.companies().size() > 1, money, usd, period, s, t[m].start, raise,
              tenseOnly));
      any = true;
    }
    return any;
  }

  /** The commitment, dating, framing and raise decisions of an amount, with the words they rest on. */
  /** The deal's buyer at {@code at} as the amount's owner; a deal the headline or lede reports is its news too. */
  private Spender.Owner buyerOwner(Sent s, int at) {
    Company c = Buyer.company(s, at);
    if (s.isTitle || s.index == 1) {
      ctx.buyers.add(c);
    }
    return new Spender.Owner(List.of(c), at, at, true, false, false);
  }

  private void explainClause(
      Sent s, int m, Spender.Owner owner, String notCommitted, String dated, int pastAt, int base, int clauseFrom,
      int winStart, int rightEnd, boolean relative, boolean compared, boolean raise) {
    Token[] t = s.tokens;
    if (notCommitted != null) {
      int cue = -1;
      if (notCommitted == Commitment.TENTATIVE) {
        cue = Commitment.tentativeCue(t, clauseFrom, m);
      } else if (notCommitted == Commitment.STALLED) {
        cue = Clauses.firstFlag(t, base, Math.min(t.length, m + 9), Cue.STALLED);
      } else if (notCommitted == Commitment.POOLED) {
        cue = Commitment.pooled(t, m);
      } else if (notCommitted == Commitment.ESTIMATE) {
        cue = Clauses.firstFlag(t, base, Math.min(t.length, m + 12), Cue.ANALYST);
      }
      String by = cue < 0 ? "" : notCommitted == Commitment.ESTIMATE ? ", speaker " + Trace.phrase(s, cue) : ", by " + Trace.phrase(s, cue);
      trace.decide("commitment", "dropped", notCommitted + by);
      return;
    }
    int expected = Clauses.firstFlag(t, base, m, Cue.ANALYST);
    int insider = expected < 0 ? -1 : Commitment.insiderSource(t, expected);
    int speaker = Commitment.guidanceSpeaker(t, base, m);
    trace.decide("commitment", "committed", insider >= 0
        ? "a reported plan: " + Trace.phrase(s, expected) + " with insiders as the source, " + Trace.phrase(s, insider)
        : Commitment.ownCeiling(s, m) ? "the company's own ceiling: " + Trace.quote(s, m - 5, m + 1)
        : speaker >= 0
            ? "the company's own guidance: " + Trace.phrase(s, Clauses.firstFlag(t, base, m, Cue.TENTATIVE))
                + " after " + Trace.phrase(s, speaker) + " and its capex"
            : "no estimate, talk, denial or reported result in the spender's clause");
    if (dated != null) {
      int cue = dated == Framing.PAST ? pastAt
          : dated == Framing.PERFECT ? Clauses.firstFlag(t, winStart, m, Cue.PERFECT) : -1;
      trace.dated(dated + (cue < 0 ? "" : ", by " + Trace.phrase(s, cue)));
    }
    if (!owner.subjectLike()) {
      trace.framed("the spender is not the subject of its clause (a possessive in another phrase, or a plan referred to)");
    } else if (relative) {
      trace.framed("a relative clause about the spender");
    } else if (compared) {
      trace.framed("a comparison, " + Trace.quote(s, Math.max(0, owner.head() - 3), owner.head() + 1));
    }
    if (raise) {
      trace.decide("raise", "raised plan", "a raise verb with a plan noun, or a plan given with an earlier figure");
    }
  }
}
