package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpenderTest {
  private static Spender.Owner owner(ItemContext ctx, int sentence, int amount) {
    Sent s = ctx.sents.get(sentence);
    return Spender.owner(ctx, s, Stages.money(s, amount), null);
  }

  private static List<String> names(Spender.Owner o) {
    return o.companies().stream().map(c -> c.name()).toList();
  }

  @Test
  void aPossessiveRightBeforeTheAmountSpendsIt() {
    ItemContext ctx = Stages.item("Meta's $65 billion AI budget", "");
    Spender.Owner o = owner(ctx, 0, 0);
    assertEquals(List.of("Meta"), names(o));
    assertTrue(o.subjectLike(), "in a headline the possessive is the news");
  }

  @Test
  void theCompanyInvestedInIsAnObjectNotTheSpender() {
    ItemContext ctx = Stages.sentence("Microsoft will invest $5 billion in Anthropic over two years.");
    assertEquals(List.of("Microsoft"), names(owner(ctx, 0, 0)));
    ItemContext paid = Stages.sentence("Meta agreed to pay Oracle $10 billion for cloud capacity.");
    assertEquals(List.of("Meta"), names(owner(paid, 0, 0)), "Oracle is paid, Meta pays");
  }

  @Test
  void coordinatedCompaniesShareAJointFigure() {
    ItemContext ctx = Stages.sentence("OpenAI, SoftBank and Oracle will invest $500 billion in AI infrastructure.");
    assertEquals(List.of("OpenAI", "SoftBank", "Oracle"), names(owner(ctx, 0, 0)));
  }

  @Test
  void theSubjectOfAGappedClauseOwnsTheListedFigure() {
    ItemContext ctx = Stages.sentence("Nvidia will invest $10 billion in Anthropic and Microsoft up to $5 billion.");
    assertEquals(List.of("Nvidia"), names(owner(ctx, 0, 0)));
    assertEquals(List.of("Microsoft"), names(owner(ctx, 0, 1)));
  }

  @Test
  void theCompanyResolvesToTheHeadlineSubject() {
    ItemContext ctx = Stages.item("Alibaba lifts its AI ambitions", "The company said it will spend $50 billion on AI.");
    assertEquals(List.of("Alibaba"), names(owner(ctx, 1, 0)));
    assertEquals(Stages.company("Alibaba"), Spender.focus(ctx, 1));
  }

  @Test
  void aRelationNounHandsTheActionToTheNameAfterIt() {
    ItemContext ctx = Stages.sentence("OpenAI backer Microsoft will spend $80 billion on data centers.");
    assertEquals(List.of("Microsoft"), names(owner(ctx, 0, 0)));
  }

  @Test
  void nobodyWatchedSpendsAnUnwatchedCompanysFigure() {
    ItemContext ctx = Stages.sentence(
        "Microsoft is building a campus nearby. Entergy will spend $2 billion on a power plant to serve it.");
    assertNull(owner(ctx, 1, 0));
  }

  @Test
  void aBodyPossessiveOfAKnownPlanIsPresupposedNotAsserted() {
    ItemContext ctx = Stages.item("Google expands in Iowa", "Regulators cleared Amazon's $4 billion investment in AI.");
    Spender.Owner o = owner(ctx, 1, 0);
    assertEquals(List.of("Amazon"), names(o));
    assertFalse(o.subjectLike(), "a possessive inside the regulator's object is not the clause's subject");
  }
}
