package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CommitmentTest {
  /** Why the first amount of a one-sentence item is no commitment, reading the clause from its start. */
  private static String why(String sentence) {
    ItemContext ctx = Stages.sentence(sentence);
    Sent s = ctx.sents.get(0);
    int m = Stages.money(s, 0);
    return Commitment.notCommitted(ctx, s.tokens, 0, 0, -1, m, Clauses.rightEnd(s.tokens, m, 10));
  }

  @Test
  void aPlainPledgeIsACommitment() {
    assertNull(why("Microsoft will invest $80 billion in AI data centers this year."));
  }

  @Test
  void analystsFiguresAreSomeoneElsesEstimate() {
    assertEquals(Commitment.ESTIMATE, why("Analysts expect Microsoft to spend $90 billion on AI next year."));
  }

  @Test
  void talksAndDenialsAreTentative() {
    assertEquals(Commitment.TENTATIVE, why("Meta is in talks to invest $10 billion in an AI startup."));
    assertEquals(Commitment.TENTATIVE, why("Microsoft denied it would spend $12 billion on AI chips."));
  }

  @Test
  void aPeriodResultReportsRatherThanCommits() {
    assertEquals("a reported period result",
        why("Microsoft's capital expenditures were $22.6 billion in the quarter, driven by AI."));
  }

  @Test
  void beatingEstimatesIsNotQuotingThem() {
    ItemContext ctx = Stages.sentence("Meta will spend $70 billion on AI, above analysts' estimates.");
    Sent s = ctx.sents.get(0);
    assertFalse(Commitment.isEstimate(s.tokens, 0, Stages.money(s, 0)));
  }
}
