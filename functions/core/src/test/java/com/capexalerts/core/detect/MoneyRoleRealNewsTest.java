package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The role stage: which amounts are money put in, and which are values, prices received or borrowing. */
class MoneyRoleRealNewsTest {
  private static final Detector DETECTOR = Detector.withDefaults();

  /** The USD figures of all findings (announcements and mentions), in order. */
  private static List<BigDecimal> figures(String title, String text) {
    return DETECTOR.detect(title, text).stream().map(Finding::amountUsd).toList();
  }

  private static BigDecimal bn(long billions) {
    return BigDecimal.valueOf(billions * 1_000_000_000L);
  }

  @Test
  void theProceedsOfSellingAStakeAreNoInvestment() {
    assertEquals(List.of(), figures("Meta exits chip holding",
        "Meta said it sold its entire stake in an AI chip designer for $3 billion."));
  }

  @Test
  void theValueOfAHoldingIsNoInvestment() {
    assertEquals(List.of(bn(2)), figures("Alphabet's $2 billion bet on an AI lab is now worth $20 billion", ""));
    assertEquals(List.of(), figures("Nvidia and an AI lab rewrite their pact",
        "The new agreement leaves Nvidia with about 10% of the AI lab, worth roughly $9 billion."));
    assertEquals(List.of(), figures("Amazon to hold a $40 billion stake in an AI lab after its restructuring", ""));
    assertEquals(List.of(), figures("Microsoft marks up its AI holding",
        "Microsoft put the value of its stake in the AI developer at $50 billion."));
  }

  @Test
  void aPriceOrOnesOwnMoneyIsNoHeldValue() {
    assertEquals(List.of(bn(80)), figures("Microsoft keeps its AI plan",
        "Microsoft will spend its own $80 billion on AI data centres this year."));
    assertEquals(List.of(bn(3)), figures("Oracle takes AI stake",
        "Oracle takes a stake worth $3 billion in an AI chip start-up."));
  }

  @Test
  void aValuationVerbGovernsTheAmountItValues() {
    assertEquals(List.of(bn(5)), figures("Oracle to back an AI lab",
        "Oracle will invest $5 billion in the AI lab in a deal that would value the lab at $90 billion."));
  }

  @Test
  void cashBurnIsNoInvestment() {
    assertEquals(List.of(), figures("OpenAI adds $50 billion to its cash burn projection", ""));
    assertEquals(List.of(), figures("OpenAI spending outlook",
        "OpenAI expects to burn $100 billion of cash on AI through 2028."));
  }

  @Test
  void aFigureAddedToABorrowingIsBorrowingToo() {
    assertEquals(List.of(), figures("Tesla loan talks",
        "Tesla is in talks to borrow $10 billion for AI chips, with a further $5 billion possibly next year."));
  }
}
