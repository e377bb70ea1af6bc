package com.capexalerts.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.money.MoneyAmount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AlertMessagesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant PUBLISHED = Instant.parse("2025-02-24T08:15:00Z");
  private static final String EVIDENCE = "Alibaba said it would invest over 380 billion yuan ($53 billion) in AI "
      + "infrastructure such as data centres over the next three years.";

  static Announcement alibaba() {
    return announcement("Alibaba", AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal("380000000000"), "CNY", "over 380 billion yuan"), new BigDecimal("52400000000"),
        "over the next three years", EVIDENCE, null);
  }

  static Announcement announcement(String company, AnnouncementKind kind, MoneyAmount amount, BigDecimal usd,
      String period, String evidence, EventKey updates) {
    return new Announcement(new EventKey(company.toLowerCase() + "#2025-02-24#" + amount.currency()), company, kind,
        amount, usd, period, evidence, company + " to invest in AI infrastructure",
        "https://news.example.com/" + company.toLowerCase() + "-ai", PUBLISHED, PUBLISHED.plusSeconds(120),
        List.of(new Source("https://news.example.com/" + company.toLowerCase() + "-ai", "Example Wire",
                company + " to invest in AI infrastructure", PUBLISHED),
            new Source("https://other.example.org/story/1", "Other Daily", "Second outlet retells it",
                PUBLISHED.plusSeconds(3600))),
        updates);
  }

  @Test
  void emailBodyCarriesTheFactsTheEvidenceAndEverySource() {
    String body = AlertMessages.email(alibaba());
    assertTrue(body.startsWith("New AI investment commitment: Alibaba\n"), body);
    assertTrue(body.contains("Company:   Alibaba\n"), body);
    assertTrue(body.contains("Amount:    over 380 billion yuan (as written)\n"), body);
    assertTrue(body.contains("In USD:    about $52.4 billion\n"), body);
    assertTrue(body.contains("Time span: over the next three years\n"), body);
    assertTrue(body.contains("Published: 2025-02-24 08:15 UTC\n"), body);
    assertTrue(body.contains("Evidence:\n  " + EVIDENCE + "\n"), body);
    assertTrue(body.contains("Sources (2):\n  - Example Wire: Alibaba to invest in AI infrastructure\n"
        + "    https://news.example.com/alibaba-ai\n    published 2025-02-24 08:15 UTC\n"), body);
    assertTrue(body.contains("  - Other Daily: Second outlet retells it\n    https://other.example.org/story/1\n"), body);
    assertTrue(body.contains("Event alibaba#2025-02-24#CNY"), body);
  }

  @Test
  void emailBodyOfAnUpdateNamesTheEarlierEventAndCapsLongSourceLists() {
    List<Source> many = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      many.add(new Source("https://s.example/" + i, "Outlet " + i, "Story " + i, null));
    }
    Announcement base = alibaba();
    Announcement update = new Announcement(base.key(), base.company(), AnnouncementKind.UPDATE, base.amount(),
        base.amountUsd(), null, base.evidence(), base.title(), base.link(), base.published(), base.detectedAt(), many,
        new EventKey("alibaba#2025-01-02#CNY"));
    String body = AlertMessages.email(update);
    assertTrue(body.startsWith("Raised AI investment commitment: Alibaba"), body);
    assertTrue(body.contains("Raises:    earlier event alibaba#2025-01-02#CNY\n"), body);
    assertFalse(body.contains("Time span"), "no period, no line");
    assertTrue(body.contains("Sources (14):"), body);
    assertTrue(body.contains("Outlet 9: Story 9"), body);
    assertFalse(body.contains("Outlet 10:"), body);
    assertTrue(body.contains("  ... and 4 more\n"), body);
  }

  @Test
  void subjectIsShortAsciiAndCarriesCompanyAndBothAmounts() {
    String subject = AlertMessages.subject(alibaba());
    assertEquals("AI investment - Alibaba: over 380 billion yuan (~$52.4 billion), over the next three years", subject);
    assertTrue(subject.length() <= AlertMessages.MAX_SUBJECT_CHARS);
  }

  @Test
  void subjectFallsBackToTheCurrencyCodeWhenTheAmountIsNotAscii() {
    Announcement a = announcement("Alibaba", AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal("380000000000"), "CNY", "3800亿元"), new BigDecimal("52400000000"), "三年",
        EVIDENCE, null);
    // The Chinese period has an English reading now (it used to be left out).
    assertEquals("AI investment - Alibaba: CNY 380 billion (~$52.4 billion), over three years", AlertMessages.subject(a));
  }

  @Test
  void subjectOfADollarAmountDoesNotRepeatIt() {
    Announcement a = announcement("Microsoft", AnnouncementKind.UPDATE,
        new MoneyAmount(new BigDecimal("80000000000"), "USD", "$80 billion"), new BigDecimal("80000000000"),
        "in fiscal 2025", "Microsoft plans to spend $80 billion on AI-enabled data centres in fiscal 2025.", null);
    assertEquals("AI investment update - Microsoft: $80 billion, in fiscal 2025", AlertMessages.subject(a));
  }

  @Test
  void longSubjectsAreCutAtAWordWithinTheLimit() {
    Announcement a = announcement("International Business Machines",
        AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal("150000000000"), "EUR", "mehr als 150 Milliarden Euro für Rechenzentren"),
        new BigDecimal("162000000000"), "over five years", EVIDENCE, null);
    String subject = AlertMessages.subject(a);
    assertTrue(subject.length() <= AlertMessages.MAX_SUBJECT_CHARS, subject.length() + ": " + subject);
    assertTrue(subject.endsWith("..."), subject);
    assertTrue(subject.chars().allMatch(c -> c >= 0x20 && c < 0x7F), subject);
    assertTrue(subject.contains("mehr als 150 Milliarden Euro fur Rechenzentren"), "umlaut folded: " + subject);
  }

  @Test
  void smsOfTheMotivatingStoryFitsOneSegment() {
    String sms = AlertMessages.sms(alibaba());
    assertTrue(sms.startsWith("AI investment - Alibaba: over 380 billion yuan (~$52.4B), over the next three years. "
        + "Alibaba said it would invest"), sms);
    assertTrue(Gsm7.isEncodable(sms), sms);
    assertTrue(Gsm7.septets(sms) <= 160, Gsm7.septets(sms) + ": " + sms);
    assertTrue(sms.endsWith("..."), "evidence cut to fit: " + sms);
  }

  static Stream<Arguments> hostileInputs() {
    String longName = "Very Long Holding Company Name Incorporated ".repeat(6).strip();
    String euros = "€€€ {brackets} [and] ^carets^ |pipes| ~tildes~ \\slashes\\ ".repeat(8);
    return Stream.of(
        Arguments.of("long company", longName, "$80 billion", "USD", EVIDENCE),
        Arguments.of("long evidence", "Meta", "$65 billion", "USD", EVIDENCE.repeat(10)),
        Arguments.of("yen sign", "SoftBank", "¥15 trillion", "JPY", "SoftBank will put ¥15 trillion into AI data centres."),
        Arguments.of("Chinese amount", "Tencent", "1000亿元", "CNY", "腾讯将投资1000亿元用于人工智能基础设施。"),
        Arguments.of("emoji", "xAI 🚀", "$20 billion 💰", "USD", "xAI raises $20 billion 🚀🚀🚀 for Colossus 2 🤖."),
        Arguments.of("extension characters", "Euro Corp", "€100 billion", "EUR", euros),
        Arguments.of("typography", "Nvidia", "“$100 billion”", "USD",
            "Nvidia — “the biggest deal ever” — will invest up to $100 billion… in OpenAI’s data centres."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  void smsIsAlwaysOneGsm7SegmentAndSubjectAlwaysShortAscii(String label, String company, String amountText,
      String currency, String evidence) {
    Announcement a = announcement(company, AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal("100000000000"), currency, amountText), new BigDecimal("100000000000"),
        "over three years", evidence, null);
    String sms = AlertMessages.sms(a);
    assertTrue(Gsm7.isEncodable(sms), label + ": not GSM-7: " + sms);
    assertTrue(Gsm7.septets(sms) <= Gsm7.SINGLE_SEGMENT_SEPTETS, label + ": " + Gsm7.septets(sms) + " septets: " + sms);
    assertFalse(sms.contains("  "), sms);
    String subject = AlertMessages.subject(a);
    assertTrue(subject.length() <= AlertMessages.MAX_SUBJECT_CHARS, label + ": " + subject);
    assertTrue(subject.chars().allMatch(c -> c >= 0x20 && c < 0x7F), label + ": " + subject);
  }

  @Test
  void smsKeepsTheYenSignButReplacesAChineseAmountByItsCurrencyCode() {
    Announcement yen = announcement("SoftBank", AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal("15000000000000"), "JPY", "¥15 trillion"), new BigDecimal("99000000000"), null,
        "SoftBank will invest.", null);
    assertEquals("AI investment - SoftBank: ¥15 trillion (~$99B). SoftBank will invest.", AlertMessages.sms(yen));

    Announcement yuan = announcement("Tencent", AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal("100000000000"), "CNY", "1000亿元"), new BigDecimal("13800000000"), null,
        "Tencent 🚀 will invest “more”.", null);
    assertEquals("AI investment - Tencent: CNY 100 billion (~$13.8B). Tencent will invest \"more\".",
        AlertMessages.sms(yuan));
  }

  @Test
  void jsonDocumentHasTheVersionedSchema() throws Exception {
    JsonNode j = MAPPER.readTree(AlertMessages.json(alibaba()));
    assertEquals("capex-alert/1", j.get("schema").asText());
    assertEquals("alibaba#2025-02-24#CNY", j.get("event_key").asText());
    assertEquals("Alibaba", j.get("company").asText());
    assertEquals("announcement", j.get("kind").asText());
    assertTrue(j.get("amount").isNumber());
    assertEquals(new BigDecimal("380000000000"), j.get("amount").decimalValue());
    assertEquals("CNY", j.get("currency").asText());
    assertEquals("over 380 billion yuan", j.get("amount_text").asText());
    assertEquals(new BigDecimal("52400000000"), j.get("amount_usd").decimalValue());
    assertEquals("over the next three years", j.get("period").asText());
    assertEquals(EVIDENCE, j.get("evidence").asText());
    assertEquals("Alibaba to invest in AI infrastructure", j.get("title").asText());
    assertEquals("https://news.example.com/alibaba-ai", j.get("link").asText());
    assertEquals("2025-02-24T08:15:00Z", j.get("published").asText());
    assertEquals(2, j.get("sources").size());
    assertEquals("Other Daily", j.get("sources").get(1).get("outlet").asText());
    assertEquals("2025-02-24T09:15:00Z", j.get("sources").get(1).get("published").asText());
    assertEquals(2, j.get("sources_total").asInt());
    assertTrue(j.get("updates").isNull());
    assertFalse(AlertMessages.json(alibaba()).contains("E+"), "amounts are written in plain digits");
  }

  @Test
  void jsonOfAnUpdateNamesTheEarlierEvent() throws Exception {
    Announcement a = announcement("Meta", AnnouncementKind.UPDATE,
        new MoneyAmount(new BigDecimal("65000000000"), "USD", "$60 billion to $65 billion"),
        new BigDecimal("65000000000"), null, "Meta raises its budget.", new EventKey("meta#2025-01-10#USD"));
    JsonNode j = MAPPER.readTree(AlertMessages.json(a));
    assertEquals("update", j.get("kind").asText());
    assertEquals("meta#2025-01-10#USD", j.get("updates").asText());
    assertTrue(j.get("period").isNull());
  }

  @Test
  void structuredMessageHasOneRenderingPerProtocol() throws Exception {
    Announcement a = alibaba();
    JsonNode m = MAPPER.readTree(AlertMessages.structured(a));
    assertEquals(AlertMessages.defaultText(a), m.get("default").asText());
    assertEquals(AlertMessages.email(a), m.get("email").asText());
    assertEquals(AlertMessages.sms(a), m.get("sms").asText());
    for (String protocol : List.of("http", "https", "sqs", "lambda", "email-json", "firehose")) {
      assertEquals(AlertMessages.json(a), m.get(protocol).asText(), protocol);
    }
    assertEquals(9, m.size());
    assertTrue(AlertMessages.defaultText(a).contains("https://news.example.com/alibaba-ai"));
  }

  @Test
  void oversizedAlertsAreRejectedNamingTheEvent() {
    Announcement base = alibaba();
    Announcement huge = new Announcement(base.key(), base.company(), base.kind(), base.amount(), base.amountUsd(),
        base.period(), "x".repeat(60_000), base.title(), base.link(), base.published(), base.detectedAt(),
        base.sources(), null);
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> AlertMessages.structured(huge));
    assertTrue(e.getMessage().contains("alibaba#2025-02-24#CNY"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "53000000000, false, $53 billion",
      "53060000000, false, $53.1 billion",
      "53060000000, true, $53.1B",
      "1200000000000, false, $1.2 trillion",
      "950000000, true, $950M",
      "999960000, false, $1 billion",
      "500000, false, '$500,000'",
      "-2500000000, true, -$2.5B"})
  void usdAmountsReadNaturally(String amount, boolean compact, String expected) {
    assertEquals(expected, AlertMessages.usd(new BigDecimal(amount), compact));
  }
}
