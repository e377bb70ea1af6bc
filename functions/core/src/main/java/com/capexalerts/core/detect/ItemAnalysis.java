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

  ItemAnalysis(Detector detector, String title, String text, int year, Supplier<Company> publisherLookup) {
    this.ctx = new ItemContext(detector, title, text, year, publisherLookup);
  }

  List<Finding> run() {
    if (!ctx.read()) {
      return List.of();
    }
    Subjects.findTitleSubjects(ctx);
    List<Candidate> candidates = new ArrayList<>();
    for (Sent s : ctx.sents) {
      if (s.money.isEmpty()) {
        continue;
      }
      Token[] t = s.tokens();
      Set<Integer> detected = new HashSet<>();
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
      Subjects.roundup(ctx, candidates, before);
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    return FindingMerger.merge(ctx, candidates, Subjects.of(ctx, candidates));
  }

  /** Adds the candidates of the amount at token m; true when it is an investment figure of a watched company. */
  private boolean analyze(Sent s, int m, Set<Integer> detected, List<Candidate> out) {
    Token[] t = s.tokens;
    MoneySpan span = s.money.get(t[m].ref);
    int prevMoney = Clauses.prevMoney(t, m);
    int nextMoney = Clauses.nextMoney(t, m);
    if (MoneyRole.isDelta(t, m)) {
      return false;
    }
    boolean baseline = MoneyRole.isBaseline(t, m, prevMoney, detected);
    int role = baseline ? MoneyRole.ROLE_INVEST : MoneyRole.role(s, m);
    if (role == MoneyRole.ROLE_NONE && !s.isTitle && Clauses.firstWord(t) == m && MoneyRole.purposeAfter(t, m)) {
      role = MoneyRole.ROLE_INVEST; // "• $2.9 billion over two years for hyperscale cloud and AI infrastructure"
    }
    if (role == MoneyRole.ROLE_NONE && detected.contains(prevMoney) && MoneyRole.gapped(t, m)) {
      role = MoneyRole.ROLE_INVEST; // "Alphabet at $75 billion and Meta at up to $65 billion": the listed figures share a verb
    }
    if (role == MoneyRole.ROLE_DROP || role == MoneyRole.ROLE_NONE) {
      if (role == MoneyRole.ROLE_DROP) {
        ctx.rejectFigure(s, span);
        BigDecimal usd = s.isTitle ? ctx.usd(span) : null;
        if (usd != null && ctx.headlineHas(x -> FindingMerger.LEGAL_WORDS.contains(x.norm))) {
          ctx.titleDropped.add(usd);
        }
      }
      return false;
    }
    Spender.Owner owner = Spender.owner(ctx, s, m);
    if (owner == null) {
      return false;
    }
    int clauseStart = Clauses.clauseStart(t, m);
    int base = Math.max(prevMoney + 1, clauseStart);
    if (owner.companies().size() > 1 && Clauses.anyFlag(t, base, Clauses.rightEnd(t, m, 12), Cue.AGGREGATE)) {
      return false;
    }
    if (!AiScope.inScope(ctx, s, role)) {
      return false;
    }
    int winStart = Clauses.afterQuote(t, Clauses.windowStart(t, base, owner.anchor(), m), m);
    // Talk and reporting periods belong to the spender's own clause ("in talks with operators after Google chose
    // ... its $15 billion hub" is not Google's talk).
    int clauseFrom = owner.anchor() >= base && owner.anchor() < m ? owner.anchor() : winStart;
    int rightEnd = owner.rightClause() ? Clauses.clauseRightEnd(t, m) : Clauses.rightEnd(t, m, 10);
    boolean notCommitted =
        !baseline
            && (Clauses.anyFlag(t, clauseFrom, m, Cue.TENTATIVE)
                || Clauses.anyFlag(t, base, m, Cue.STALLED)
                || Commitment.stalledAfter(t, m)
                || Commitment.partOfRejected(ctx, t, prevMoney, m)
                || Commitment.isEstimate(t, base, m)
                || Commitment.isReportedResult(t, clauseFrom, m, rightEnd)
                || Commitment.reportedChange(t, base, m));
    boolean old =
        baseline
            || Framing.isPast(ctx, t, winStart, m, rightEnd)
            || (Clauses.anyFlag(t, winStart, m, Cue.PERFECT) && !Framing.increment(span))
            || Framing.runningTotal(t, Math.min(base, winStart), m)
            || Framing.referencedPlan(t, m)
            || Framing.underPlan(span, t, m)
            || Framing.heldStock(t, m);
    boolean relative = owner.relative() || Framing.inRelativeClause(t, owner.anchor(), m);
    boolean compared = Framing.isCompared(s, t, owner.head());
    boolean weak = !owner.subjectLike() || relative || compared;
    boolean raise = !baseline && Raise.isRaise(t, winStart, m, nextMoney);

    int charFrom = prevMoney >= 0 ? t[prevMoney].end : (clauseStart > 0 ? t[clauseStart - 1].end : 0);
    if (prevMoney >= 0 && owner.anchor() > prevMoney && owner.anchor() < m) {
      charFrom = t[owner.anchor()].start; // "..., and Meta has set a budget of $65 billion": Meta's clause only
    }
    int clauseEnd = Clauses.clauseEnd(t, m);
    int charTo = nextMoney >= 0 ? t[nextMoney].start : (clauseEnd < t.length ? t[clauseEnd].start : s.text.length());
    String period = PeriodFinder.find(s.text, charFrom, charTo, span.start(), span.end());

    boolean any = false;
    for (Company c : owner.companies()) {
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
        continue;
      }
      if (notCommitted) {
        ctx.rejectFigure(s, money);
        ctx.rejectedTokens.add(t[m].start);
        continue;
      }
      out.add(
          new Candidate(c, old, weak, owner.companies().size() > 1, money, usd, period, s, t[m].start, raise));
      any = true;
    }
    return any;
  }
}
