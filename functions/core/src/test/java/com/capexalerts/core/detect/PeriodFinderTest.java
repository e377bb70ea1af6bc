package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PeriodFinderTest {
  private static String period(String sentence, String amount) {
    int start = sentence.indexOf(amount);
    return PeriodFinder.find(sentence, 0, sentence.length(), start, start + amount.length());
  }

  @Test
  void theYearBeforeTheAmountIsItsOwnAndALaterYearsSpendingIsTheComparison() {
    assertEquals("2026", period(
        "Alphabet expects 2026 capital expenditures of $175 billion to $185 billion, more than double its 2025"
            + " spending.", "$175 billion to $185 billion"));
  }

  @Test
  void aStatedSpanAfterTheAmountStillCounts() {
    assertEquals("over the next three years", period(
        "Alibaba will invest 380 billion yuan over the next three years.", "380 billion yuan"));
    assertEquals("in 2026", period("Alphabet plans to invest $185 billion in 2026.", "$185 billion"));
  }
}
