package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MoneyRoleTest {
  private static int roleOfFirstAmount(String sentence) {
    Sent s = Stages.sentence(sentence).sents.get(0);
    return MoneyRole.role(s, Stages.money(s, 0), null);
  }

  @Test
  void aSpendingVerbBeforeTheAmountMakesItAnInvestment() {
    assertEquals(MoneyRole.ROLE_INVEST, roleOfFirstAmount("Microsoft will invest $10 billion in new AI data centers."));
  }

  @Test
  void anInvestmentNounRightAfterTheAmountAlsoCounts() {
    assertEquals(MoneyRole.ROLE_INVEST, roleOfFirstAmount("Meta unveiled a $10 billion data center in Louisiana."));
  }

  @Test
  void revenueFundRaisesAndSharePricesAreNotInvestments() {
    assertEquals(MoneyRole.ROLE_DROP, roleOfFirstAmount("Nvidia reported revenue of $35 billion for the period."));
    assertEquals(MoneyRole.ROLE_DROP, roleOfFirstAmount("OpenAI raised $6 billion from a group of investors."));
    assertEquals(MoneyRole.ROLE_DROP, roleOfFirstAmount("Oracle shares fell 4% to $130 in early trading."));
  }

  @Test
  void aPurchaseIsAnAcquisitionThatMustProveItsAiScopeLater() {
    assertEquals(MoneyRole.ROLE_ACQUIRE, roleOfFirstAmount("Microsoft agreed to buy the studio for $2 billion."));
  }

  @Test
  void theSecondAmountAfterFromIsTheEarlierFigureAndAChangeByIsNoPlan() {
    Sent s = Stages.sentence("Alphabet lifted its capex guidance to $85 billion from $75 billion.").sents.get(0);
    int first = Stages.money(s, 0);
    int second = Stages.money(s, 1);
    assertTrue(MoneyRole.isBaseline(s.tokens, second, first, Set.of(first)));
    assertFalse(MoneyRole.isBaseline(s.tokens, second, first, Set.of()), "no detected figure before it: no baseline");

    Sent delta = Stages.sentence("Alphabet raised its forecast by $10 billion on Tuesday.").sents.get(0);
    assertTrue(MoneyRole.isDelta(delta.tokens, Stages.money(delta, 0)));
  }

  @Test
  void theTraceNamesTheCueThatDecided() {
    Sent s = Stages.sentence("Amazon plans to spend $100 billion on AI this year.").sents.get(0);
    Trace trace = new Trace();
    int m = Stages.money(s, 0);
    trace.amount(s, m);
    MoneyRole.role(s, m, trace);
    Decision d = trace.explanation(java.util.List.of()).amounts().get(0).decisions().get(0);
    assertEquals(new Decision("role", "invest", "by 'spend'"), d);
  }

  @Test
  void aUnitsShareOfAResultIsNoInvestmentButAnInvestorsShareOfARoundIs() {
    Sent s = Stages.sentence("Samsung said operating profit rose to 12 trillion won, "
        + "with the chip division contributing 7 trillion won.").sents.get(0);
    assertEquals(MoneyRole.ROLE_DROP, MoneyRole.role(s, Stages.money(s, 1), null));
    Sent round = Stages.sentence(
        "OpenAI raised $40 billion, with SoftBank contributing $30 billion of it.").sents.get(0);
    assertFalse(MoneyRole.shareOfResult(round.tokens, Stages.word(round, "contributing")));
  }
}
