package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AiScopeTest {
  /** The token index of the sentence's first amount. */
  private static int firstAmount(Sent s) {
    Token[] t = s.tokens();
    for (int k = 0; k < t.length; k++) {
      if (t[k].kind == Token.Kind.MONEY) {
        return k;
      }
    }
    return -1;
  }

  @Test
  void aSentenceAboutDataCentresIsInScope() {
    ItemContext ctx = Stages.sentence("Meta will spend $10 billion on data centers in Texas.");
    Sent s = ctx.sents.get(0);
    assertEquals(2, AiScope.scope(s));
    assertTrue(AiScope.inScope(ctx, s, firstAmount(s), MoneyRole.ROLE_INVEST, null));
    assertEquals("'data centers'", AiScope.cue(s));
  }

  @Test
  void aNonAiObjectKeepsTheFigureOutUnlessTheSentenceItselfIsAboutAi() {
    ItemContext ctx = Stages.item("Microsoft AI push continues", "Microsoft will spend $5 billion on video games.");
    Sent s = ctx.sents.get(1);
    assertEquals(0, AiScope.scope(s));
    assertTrue(s.nonAi);
    assertFalse(AiScope.inScope(ctx, s, firstAmount(s), MoneyRole.ROLE_INVEST, null), "the AI headline does not rescue it");
  }

  @Test
  void aNeighbouringAiSentenceOrTheHeadlineCarriesAPlainInvestment() {
    ItemContext ctx = Stages.sentence(
        "Amazon will invest $11 billion in Georgia. The money pays for data centers that train models.");
    assertTrue(AiScope.inScope(ctx, ctx.sents.get(0), firstAmount(ctx.sents.get(0)), MoneyRole.ROLE_INVEST, null));

    ItemContext far = Stages.sentence("Amazon will invest $11 billion in Georgia. The state welcomed the plan.");
    assertFalse(AiScope.inScope(far, far.sents.get(0), firstAmount(far.sents.get(0)), MoneyRole.ROLE_INVEST, null));
    assertNull(AiScope.cue(far.sents.get(0)));
  }

  @Test
  void anAcquisitionMustBeAboutAiInItsOwnSentence() {
    ItemContext ctx = Stages.item("Microsoft bets on AI", "Microsoft will buy a software maker for $2 billion.");
    Sent s = ctx.sents.get(1);
    assertTrue(AiScope.inScope(ctx, s, firstAmount(s), MoneyRole.ROLE_INVEST, null), "an investment may lean on the AI headline");
    assertFalse(AiScope.inScope(ctx, s, firstAmount(s), MoneyRole.ROLE_ACQUIRE, null), "an acquisition may not");
  }
}
