package com.capexalerts.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseMoneyTest {
  private final MoneyParser parser = new MoneyParser();

  private MoneySpan only(String text) {
    List<MoneySpan> spans = parser.findChinese(text);
    assertEquals(1, spans.size(), () -> "expected one amount in '" + text + "', got " + spans);
    return spans.get(0);
  }

  /** sentence | value in whole units | ISO currency | text as written. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          阿里巴巴将投入3800亿元建设AI基础设施。           | 380000000000   | CNY | 3800亿元
          阿里巴巴將投入3800億元。                         | 380000000000   | CNY | 3800億元
          微软计划投资800亿美元。                          | 80000000000    | USD | 800亿美元
          亚马逊资本支出将达1,350億美元。                  | 135000000000   | USD | 达1,350億美元
          腾讯投入1.5万亿元。                              | 1500000000000  | CNY | 1.5万亿元
          软银承诺投资1.5萬億日元。                        | 1500000000000  | JPY | 1.5萬億日元
          日本计划投资10兆日元。                           | 10000000000000 | JPY | 10兆日元
          投入5千亿元。                                    | 500000000000   | CNY | 5千亿元
          投入三千八百亿元。                               | 380000000000   | CNY | 三千八百亿元
          投入两千亿元。                                   | 200000000000   | CNY | 两千亿元
          投入十亿美元。                                   | 1000000000     | USD | 十亿美元
          阿里将投入逾3800亿，用于AI。                     | 380000000000   | CNY | 逾3800亿
          阿里将投入超过3800亿元。                         | 380000000000   | CNY | 超过3800亿元
          约530亿美元的计划。                              | 53000000000    | USD | 约530亿美元
          至少100亿港元。                                  | 10000000000    | HKD | 至少100亿港元
          投资HK$120亿。                                   | 12000000000    | HKD | HK$120亿
          投资NT$1000亿。                                  | 100000000000   | TWD | NT$1000亿
          投资S$50亿。                                     | 5000000000     | SGD | S$50亿
          投资RM100亿。                                    | 10000000000    | MYR | RM100亿
          投资人民币3800亿元。                             | 380000000000   | CNY | 人民币3800亿元
          投资3800亿元人民币。                             | 380000000000   | CNY | 3800亿元人民币
          投资380 billion 元。                             | 380000000000   | CNY | 380 billion 元
          台积电投资新台币1兆元。                          | 1000000000000  | TWD | 新台币1兆元
          投资１，３５０亿美元。                           | 135000000000   | USD | １，３５０亿美元
          投资3800多亿元。                                 | 380000000000   | CNY | 3800多亿元
          投入50亿欧元。                                   | 5000000000     | EUR | 50亿欧元
          投入20亿英镑。                                   | 2000000000     | GBP | 20亿英镑
          投入高达5000亿美元。                             | 500000000000   | USD | 高达5000亿美元
          投入¥3800亿。                                    | 380000000000   | CNY | ¥3800亿
          投資逾100億元新台幣。                            | 10000000000    | TWD | 逾100億元新台幣
          投資逾百億元新台幣。                             | 10000000000    | TWD | 逾百億元新台幣
          """)
  void readsChineseForms(String sentence, String value, String currency, String text) {
    MoneySpan s = only(sentence);
    assertEquals(new BigDecimal(value), s.amount().value());
    assertEquals(currency, s.amount().currency());
    assertEquals(text, s.amount().text());
  }

  @Test
  void rangeGivesTheUpperBound() {
    MoneySpan s = only("Meta预计资本支出600亿至650亿美元。");
    assertEquals(new BigDecimal("65000000000"), s.amount().value());
    assertEquals("USD", s.amount().currency());
    assertEquals("600亿至650亿美元", s.amount().text());
    assertTrue(s.range());
    MoneySpan t = only("资本支出为600至650亿美元。");
    assertEquals(new BigDecimal("65000000000"), t.amount().value());
    assertEquals("600至650亿美元", t.amount().text());
    assertEquals(new BigDecimal("72000000000"), only("将达到660亿-720亿美元").amount().value());
  }

  @Test
  void statedDollarsAreOneAmount() {
    for (String text :
        List.of("阿里巴巴将投入3800亿元（约530亿美元）。", "阿里巴巴将投入3800亿元(约合530亿美元)。",
            "阿里巴巴将投入3800亿元，约合530亿美元。", "阿里巴巴将投入3800亿元（530 亿美元）。",
            "阿里巴巴将投入3800亿元 (about $53 billion)。", "阿里巴巴將投入3800億元（約530億美元）。")) {
      MoneySpan s = only(text);
      assertEquals(new BigDecimal("380000000000"), s.amount().value(), text);
      assertEquals("CNY", s.amount().currency(), text);
      assertEquals(new BigDecimal("53000000000"), s.statedUsd(), text);
      assertTrue(s.amount().text().startsWith("3800"), text);
    }
  }

  @Test
  void englishAmountsInChineseTextAreRead() {
    MoneySpan s = only("微软将投资$80 billion建设数据中心。");
    assertEquals(new BigDecimal("80000000000"), s.amount().value());
    assertEquals("USD", s.amount().currency());
    MoneySpan t = only("Alibaba will invest 380 billion yuan ($53 billion), 阿里巴巴称。");
    assertEquals(new BigDecimal("53000000000"), t.statedUsd());
  }

  @Test
  void twoAmountsAreTwo() {
    List<MoneySpan> spans = parser.findChinese("微软今年投入800亿美元，Meta投入650亿美元。");
    assertEquals(2, spans.size());
    assertEquals(new BigDecimal("65000000000"), spans.get(1).amount().value());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "模型有1.5万亿参数。", "投入数千亿元。", "千亿级投资。", "2025年将投资。", "H800芯片。", "用户超过3亿人。",
        "数十亿美元的投资。", "增长50%。", "元宇宙投入。", "3800亿次调用。", "上千亿元的投资。", "1000兆瓦的数据中心。"
      })
  void readsNoMoney(String text) {
    assertEquals(List.of(), parser.findChinese(text), text);
  }

  @Test
  void offsetsReferToTheTextAsGiven() {
    String text = "阿里巴巴集团宣布，未来三年将投入超过３８００亿元。";
    MoneySpan s = only(text);
    assertEquals("超过３８００亿元", text.substring(s.start(), s.end()));
    assertNull(s.statedUsd());
  }
}
