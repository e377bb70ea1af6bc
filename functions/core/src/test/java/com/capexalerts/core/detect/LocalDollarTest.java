package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.feed.FeedItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalDollarTest {
  private static final Detector DETECTOR = Detector.withDefaults();
  private static final Instant PUBLISHED = Instant.parse("2025-06-16T00:00:00Z");

  private static List<Finding> announcements(String title, String text, String link, String source) {
    FeedItem item = new FeedItem("t", title, text, link, PUBLISHED, source);
    return DETECTOR.detect(item).stream().filter(f -> f.kind() == FindingKind.ANNOUNCEMENT).toList();
  }

  private static void assertUsd(double expected, BigDecimal actual) {
    assertTrue(Math.abs(actual.doubleValue() - expected) <= expected * 0.05,
        () -> "expected about " + expected + " USD, got " + actual);
  }

  @Test
  void aLocalOutletsBareDollarIsItsOwnCurrencyWhenTheMoneyGoesThere() {
    List<Finding> found = announcements(
        "Amazon to spend $10 billion on Australian cloud and AI capacity",
        "Amazon will invest $10 billion in data centres in Sydney and Melbourne over four years.",
        "https://news.example.com.au/tech/amazon-cloud", "Harbourside Daily");
    assertEquals(1, found.size(), found::toString);
    assertEquals("AUD", found.get(0).amount().currency());
    assertUsd(6.5e9, found.get(0).amountUsd());
  }

  @Test
  void aDatelineOfTheCountryIsALocalVoice() {
    List<Finding> found = announcements(
        "Microsoft to invest $4 billion in Canadian AI data centres",
        "TORONTO - Microsoft said it will spend $4 billion over three years on AI infrastructure in Canada.",
        "https://example.com/ms-canada", "Lakeside Business Wire");
    assertEquals("CAD", found.get(0).amount().currency(), found::toString);
  }

  @Test
  void theLocalExchangeNamedForALocalCompanyIsALocalVoice() {
    List<Finding> found = announcements(
        "OpenAI and a local operator plan $6 billion Melbourne AI campus",
        "OpenAI has teamed up with ASX-listed operator Harbourline to build a $6 billion AI campus in Melbourne.",
        "https://example.com/openai-campus", "Riverside Business Review");
    assertEquals("AUD", found.get(0).amount().currency(), found::toString);
    List<Finding> foreign = announcements(
        "OpenAI and a local operator plan $6 billion Melbourne AI campus",
        "OpenAI has teamed up with Australian operator Harbourline to build a $6 billion AI campus in Melbourne.",
        "https://example.com/openai-campus", "Riverside Business Review");
    assertEquals("USD", foreign.get(0).amount().currency(), "no local voice: the US dollar");
  }

  @Test
  void theCanadianPressStyleOfAmountsIsALocalVoice() {
    List<Finding> found = announcements(
        "Microsoft's $19-billion Canada plan puts $7.5 billion into new Azure capacity",
        "Microsoft will invest $7.5 billion over the next two years to enlarge its AI data centres in Canada.",
        "https://example.com/ms-canada", "Lakeside Business Wire");
    assertEquals("CAD", found.get(0).amount().currency(), found::toString);
  }

  @Test
  void anItemThatWritesTheLocalDollarItselfKeepsTheBareSignForUsDollars() {
    List<Finding> found = announcements(
        "Microsoft announces $2.6 billion investment in Australia",
        "Microsoft will invest A$4 billion (US$2.6 billion) in Australian AI data centres over two years, it said"
            + " alongside Prime Minister Anthony Albanese.",
        "https://news.example.com.au/ms", "Harbourside Daily");
    assertEquals(1, found.size(), found::toString);
    assertUsd(2.6e9, found.get(0).amountUsd());
  }

  @Test
  void withoutALocalVoiceTheBareSignStaysTheUsDollar() {
    List<Finding> found = announcements(
        "Google to invest $3 billion in Australian data centres",
        "Google will spend $3 billion on AI data centres in Australia, Australian Prime Minister Anthony Albanese"
            + " said during a visit to California.",
        "https://example.com/google-au", "Valley Wire");
    assertEquals("USD", found.get(0).amount().currency(), found::toString);
    assertUsd(3e9, found.get(0).amountUsd());
  }

  @Test
  void aStatedUsConversionAfterTheLocalFigureIsThatFiguresConversion() {
    List<Finding> found = announcements(
        "AWS lifts Singapore cloud plan",
        "Amazon Web Services will invest $12 billion (US$8.9 billion) in AI and cloud infrastructure in Singapore by"
            + " 2028.",
        "https://example.com/aws-sg", "Straits Ledger");
    assertEquals(1, found.size(), found::toString);
    assertEquals("SGD", found.get(0).amount().currency());
    assertEquals(new BigDecimal("8900000000"), found.get(0).amountUsd());
  }

  @Test
  void theCurrencyDecisionNamesItsEvidence() {
    FeedItem item = new FeedItem("t", "Amazon to spend $10 billion on Australian cloud and AI capacity",
        "Amazon will invest $10 billion in AI data centres in Sydney.", "https://x.example.com.au/a", PUBLISHED,
        null);
    Decision currency = DETECTOR.explain(item).item().stream().filter(d -> d.stage().equals("currency")).findFirst()
        .orElseThrow();
    assertEquals("AUD", currency.outcome());
    assertTrue(currency.reason().contains("the link's domain is x.example.com.au"), currency::toString);
  }
}
