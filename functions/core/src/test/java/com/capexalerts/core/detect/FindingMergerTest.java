package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.capexalerts.core.company.Company;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FindingMergerTest {
  /** A candidate for the n-th amount of a sentence, as the stages would make it. */
  private static Candidate candidate(ItemContext ctx, int sentence, int amount, String company, boolean old) {
    Sent s = ctx.sents.get(sentence);
    var money = s.money.get(amount);
    return new Candidate(
        Stages.company(company), old, false, false, money, ctx.usd(money), null, s, money.start(), false, false);
  }

  private static List<Finding> merge(ItemContext ctx, Set<Company> subjects, Candidate... cs) {
    return FindingMerger.merge(ctx, new ArrayList<>(List.of(cs)), subjects, null);
  }

  @Test
  void repeatsOfOneCompanysFigureAreOneFindingWithTheBodySentenceAsEvidence() {
    ItemContext ctx = Stages.item("Microsoft to spend $80bn on AI",
        "Microsoft will spend $80 billion on AI data centers. The $80 billion goes mostly to the US.");
    List<Finding> f = merge(ctx, ctx.titleSubjects,
        candidate(ctx, 0, 0, "Microsoft", false), candidate(ctx, 1, 0, "Microsoft", false),
        candidate(ctx, 2, 0, "Microsoft", false));
    assertEquals(1, f.size());
    assertEquals(FindingKind.ANNOUNCEMENT, f.get(0).kind());
    assertEquals(ctx.sents.get(1).text, f.get(0).evidence(), "a body sentence over the headline, the first on a tie");
  }

  @Test
  void equalFiguresForPlacesThatShareNothingAreTwoPledges() {
    List<Finding> f = newPledgeBeside("That matches the $9 billion Google committed in Virginia last year.");
    assertEquals(2, f.size(), "Oklahoma's new $9 billion is not Virginia's old one");
    assertEquals(FindingKind.ANNOUNCEMENT, f.get(0).kind());
    assertEquals(FindingKind.MENTION, f.get(1).kind());

    List<Finding> one = newPledgeBeside("Google first set out the $9 billion for Oklahoma last year.");
    assertEquals(1, one.size(), "one place, one figure: the same pledge restated");
    assertEquals(FindingKind.MENTION, one.get(0).kind());
  }

  /** Google's new $9 billion for Oklahoma, then {@code earlier}: a sentence with an older $9 billion. */
  private static List<Finding> newPledgeBeside(String earlier) {
    ItemContext ctx = Stages.item("Oklahoma gets another Google data center campus",
        "Google will invest $9 billion in Oklahoma in AI data centers. " + earlier);
    return merge(ctx, ctx.titleSubjects,
        candidate(ctx, 1, 0, "Alphabet", false), candidate(ctx, 2, 0, "Alphabet", true));
  }

  @Test
  void aRoundedHeadlineJoinsTheBodyFigureWithinFifteenPercent() {
    ItemContext ctx = Stages.item("Alibaba to spend $50bn on AI", "Alibaba will spend $53 billion on AI.");
    List<Finding> f = merge(ctx, ctx.titleSubjects,
        candidate(ctx, 0, 0, "Alibaba", false), candidate(ctx, 1, 0, "Alibaba", false));
    assertEquals(1, f.size());
    assertEquals("$53 billion", f.get(0).amount().text());
  }

  @Test
  void anyDatedSentenceMakesTheFindingAMentionAndNonSubjectsOnlyMention() {
    ItemContext ctx = Stages.item("Meta to spend $65bn on AI",
        "Meta will spend $65 billion on AI. Microsoft will spend $80 billion.");
    List<Finding> f = merge(ctx, ctx.titleSubjects,
        candidate(ctx, 0, 0, "Meta", true), candidate(ctx, 1, 0, "Meta", false),
        candidate(ctx, 2, 0, "Microsoft", false));
    assertEquals(2, f.size());
    assertEquals(FindingKind.MENTION, f.get(0).kind());
    assertEquals("Microsoft", f.get(1).company());
    assertEquals(FindingKind.MENTION, f.get(1).kind());
  }

  @Test
  void aSmallerFigureBesideALargerOneIsPartOfIt() {
    ItemContext ctx = Stages.item("Microsoft to invest $10bn in AI",
        "Microsoft will invest $10 billion in AI, including $2 billion in Wisconsin.");
    List<Finding> f = merge(ctx, ctx.titleSubjects,
        candidate(ctx, 0, 0, "Microsoft", false), candidate(ctx, 1, 0, "Microsoft", false),
        candidate(ctx, 1, 1, "Microsoft", false));
    assertEquals(1, f.size());
    assertEquals("$10 billion", f.get(0).amount().text());
  }
}
