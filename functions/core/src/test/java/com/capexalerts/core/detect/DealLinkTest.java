package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Amounts given in the sentence after the deal, and plans reported by insiders. */
class DealLinkTest {
  private static final Detector DETECTOR = Detector.withDefaults();

  private static List<String> findings(String title, String text) {
    return DETECTOR.detect(title, text).stream()
        .map(f -> f.company() + " " + f.kind() + " " + f.amountUsd().toPlainString())
        .toList();
  }

  @Test
  void theValueOfTheDealInTheNextSentenceIsTheDealMakers() {
    assertEquals(List.of("Nvidia ANNOUNCEMENT 900000000"), findings("Nvidia to buy AI chip start-up",
        "Nvidia signed an agreement to buy the AI chip start-up. The deal is worth $900 million."));
    assertEquals(List.of("Amazon ANNOUNCEMENT 3000000000"), findings("Amazon to acquire robotics AI developer",
        "Amazon struck a deal to acquire the robotics AI developer. People familiar said the investment totals"
            + " $3 billion."));
    assertEquals(List.of("Microsoft ANNOUNCEMENT 2000000000"), findings("Microsoft takes stake in French AI lab",
        "Microsoft agreed to take a minority stake in the French AI lab. The investment is valued at $2 billion,"
            + " people familiar with the matter said."));
  }

  @Test
  void aDealOfSeveralCompaniesOrAnotherSubjectLinksNobody() {
    assertEquals(List.of(), findings("AI lab lines up backers",
        "Nvidia and Microsoft are in a group backing the AI lab. The deal is worth $900 million."));
    assertEquals(List.of(), findings("Amazon to acquire robotics AI developer",
        "Amazon struck a deal to acquire the robotics AI developer. The deal's adviser earned $30 million."));
  }

  @Test
  void aPurchaseThatRefersBackToAnAiDealIsAboutAi() {
    assertEquals(List.of("Meta ANNOUNCEMENT 5000000000"), findings("Meta hires AI lab founder after big investment",
        "Meta has taken a minority stake in a data-labelling AI company. Two people familiar with the matter said"
            + " it paid $5 billion in cash for 40% of the start-up."));
  }

  @Test
  void sharesBoughtAtTheOfferingPriceAreAPurchaseNotTheOffering() {
    assertEquals(List.of("Nvidia ANNOUNCEMENT 500000000"), findings("Nvidia buys into AI cloud listing",
        "Nvidia bought $500 million of shares at the IPO price in the AI cloud firm."));
  }

  @Test
  void anExpectationInsidersReportIsTheCompanysPlan() {
    assertEquals(List.of("Meta ANNOUNCEMENT 10000000000"), findings("Meta plans big chip order",
        "Meta is expected to spend $10 billion on AI chips next year, people familiar with the plan said."));
    assertEquals(List.of(), findings("Meta chip spending seen rising",
        "Analysts say Meta is expected to spend $10 billion on AI chips next year."));
  }
}
