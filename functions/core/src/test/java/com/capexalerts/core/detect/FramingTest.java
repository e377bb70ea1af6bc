package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FramingTest {
  private static String dated(ItemContext ctx) {
    Sent s = ctx.sents.get(0);
    int m = Stages.money(s, 0);
    int rightEnd = Clauses.rightEnd(s.tokens, m, 10);
    return Framing.dated(ctx, s, Framing.pastCue(ctx, s.tokens, 0, m, rightEnd), 0, 0, -1, m,
        Clauses.nextMoney(s.tokens, m), rightEnd, s.money.get(s.tokens[m].ref));
  }

  @Test
  void aFreshPledgeIsUndated() {
    assertNull(dated(Stages.sentence("Microsoft will invest $80 billion in AI data centers.")));
  }

  @Test
  void aMonthBeforeTheAmountDatesIt() {
    ItemContext ctx = Stages.sentence("Microsoft said in January it would spend $80 billion on AI.");
    assertEquals(Framing.PAST, dated(ctx));
    Sent s = ctx.sents.get(0);
    int m = Stages.money(s, 0);
    int cue = Framing.pastCue(ctx, s.tokens, 0, m, m + 1);
    assertEquals("'said in January'", Trace.phrase(s, cue));
  }

  @Test
  void anEarlierYearIsPastOnlyInALaterItem() {
    String text = "Meta will spend $40 billion on AI data centers in 2024.";
    assertEquals(Framing.PAST, dated(Stages.item("", text, 2025, null)));
    assertNull(dated(Stages.item("", text, 2024, null)));
  }

  @Test
  void initiallyIsATrancheInAForwardClause() {
    assertNull(dated(Stages.sentence("Microsoft will invest $100 billion initially in AI data centers.")));
    assertEquals(Framing.PAST, dated(Stages.sentence("Microsoft initially pledged $10 billion for AI.")));
  }

  @Test
  void runningTotalsAndPlansReferredToAreOld() {
    assertEquals("a running total",
        dated(Stages.sentence("Amazon added servers, bringing its total investment in AI to $8 billion.")));
    assertEquals("a plan referred to",
        dated(Stages.sentence("Work began on the $30 billion Microsoft agreed to invest in AI.")));
    assertEquals(Framing.PERFECT, dated(Stages.sentence("Microsoft has invested $13 billion in OpenAI.")));
    assertNull(dated(Stages.sentence("Microsoft has invested an additional $2 billion in OpenAI.")),
        "an increment is new money");
  }

  @Test
  void aComparisonBeforeTheCompanyFramesIt() {
    Sent s = Stages.sentence("Alibaba trails rivals such as Microsoft, which spends $80 billion on AI.").sents.get(0);
    int microsoft = -1;
    for (int k = 0; k < s.tokens.length; k++) {
      if (s.tokens[k].kind == Token.Kind.COMPANY && microsoft < 0 && k > 0) {
        microsoft = k;
      }
    }
    assertTrue(Framing.isCompared(s, s.tokens, microsoft));
    assertFalse(Framing.isCompared(s, s.tokens, 0), "Alibaba itself is not compared");
  }
}
