package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RaiseTest {
  private static boolean raise(String sentence) {
    Sent s = Stages.sentence(sentence).sents.get(0);
    int m = Stages.money(s, 0);
    return Raise.isRaise(s.tokens, 0, m, Clauses.nextMoney(s.tokens, m));
  }

  @Test
  void aRaiseVerbWithAPlanNounRaisesThePlan() {
    assertTrue(raise("Alphabet raised its 2025 capex forecast to $85 billion."));
  }

  @Test
  void aPlanGivenWithAnEarlierFigureIsARaise() {
    assertTrue(raise("Alphabet's capex forecast is now $85 billion, up from $75 billion previously."));
  }

  @Test
  void aPlainPlanOrARaiseOfMoneyIsNot() {
    assertFalse(raise("Alphabet will spend $85 billion on AI this year."));
    assertFalse(raise("Alphabet raised $5 billion in a bond sale."));
  }
}
