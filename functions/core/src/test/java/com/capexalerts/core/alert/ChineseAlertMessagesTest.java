package com.capexalerts.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.money.MoneyAmount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alerts from Chinese-language items: Chinese where the channel carries it, English where it cannot. */
class ChineseAlertMessagesTest {
  private static final Instant PUBLISHED = Instant.parse("2025-02-24T04:10:00Z");
  private static final String EVIDENCE =
      "阿里巴巴集团周一宣布，未来三年将投入超过3800亿元（约530亿美元），用于建设云和AI硬件基础设施。";

  private static Announcement alibaba(String outlet, String link) {
    return new Announcement(new EventKey("alibaba#2025-02-24#CNY"), "Alibaba", AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal("380000000000"), "CNY", "超过3800亿元"), new BigDecimal("53000000000"), "未来三年",
        EVIDENCE, "阿里巴巴宣布未来三年投入3800亿元建设AI基础设施", link, PUBLISHED, PUBLISHED.plusSeconds(60),
        List.of(new Source(link, outlet, "阿里巴巴宣布未来三年投入3800亿元建设AI基础设施", PUBLISHED)), null);
  }

  @Test
  void smsSaysItInEnglishInOneGsm7Segment() {
    String sms = AlertMessages.sms(alibaba("Xinhua Finance", "https://news.example.cn/a"));
    assertEquals("AI investment - Alibaba: 380bn CNY (~$53bn) cloud and AI infrastructure, over the next three years"
        + " - source: Xinhua Finance", sms);
    assertTrue(Gsm7.isEncodable(sms), sms);
    assertTrue(Gsm7.septets(sms) <= Gsm7.SINGLE_SEGMENT_SEPTETS, sms);
  }

  @Test
  void smsNamesTheWebHostWhenTheOutletIsWrittenInChinese() {
    String sms = AlertMessages.sms(alibaba("新浪财经", "https://www.finance.example.cn/story/1"));
    assertTrue(sms.endsWith(" - source: finance.example.cn"), sms);
    assertTrue(Gsm7.isEncodable(sms), sms);
  }

  @Test
  void smsOfAVeryLongEnglishRenderingIsCut() {
    Announcement a = alibaba("A very long outlet name that keeps going on and on about Chinese technology and finance news",
        "https://news.example.cn/a");
    String sms = AlertMessages.sms(a);
    assertTrue(Gsm7.septets(sms) <= Gsm7.SINGLE_SEGMENT_SEPTETS, sms);
    assertTrue(sms.endsWith("..."), sms);
  }

  @Test
  void emailShowsTheAmountAsWrittenInUsdAndTheEvidenceInChinese() {
    Announcement a = alibaba("新浪财经", "https://news.example.cn/a");
    String body = AlertMessages.email(a);
    assertTrue(body.contains("Amount:    超过3800亿元 (as written)\n"), body);
    assertTrue(body.contains("In USD:    about $53 billion\n"), body);
    assertTrue(body.contains("For:       cloud and AI infrastructure\n"), body);
    assertTrue(body.contains("Time span: 未来三年 (over the next three years)\n"), body);
    assertTrue(body.contains("Evidence:\n  " + EVIDENCE + "\n"), body);
    assertTrue(body.contains("  - 新浪财经: 阿里巴巴宣布未来三年投入3800亿元建设AI基础设施\n"), body);
    String subject = AlertMessages.subject(a);
    assertEquals("AI investment - Alibaba: CNY 380 billion (~$53 billion), over the next three years", subject);
    assertTrue(subject.length() <= AlertMessages.MAX_SUBJECT_CHARS);
    assertTrue(subject.chars().allMatch(c -> c < 128), subject);
  }

  @Test
  void structuredMessageCarriesChineseJsonWithinTheSnsLimit() throws Exception {
    Announcement a = alibaba("新浪财经", "https://news.example.cn/a");
    String message = AlertMessages.structured(a);
    assertTrue(message.getBytes(StandardCharsets.UTF_8).length <= AlertMessages.MAX_MESSAGE_BYTES);
    JsonNode m = new ObjectMapper().readTree(message);
    JsonNode doc = new ObjectMapper().readTree(m.get("https").asText());
    assertEquals("超过3800亿元", doc.get("amount_text").asText());
    assertEquals("CNY", doc.get("currency").asText());
    assertEquals(EVIDENCE, doc.get("evidence").asText());
    assertTrue(Gsm7.isEncodable(m.get("sms").asText()));
  }
}
