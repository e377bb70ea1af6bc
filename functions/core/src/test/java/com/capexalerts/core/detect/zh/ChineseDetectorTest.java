package com.capexalerts.core.detect.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.FindingKind;
import com.capexalerts.core.feed.FeedItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Chinese rules through the public detector: examples of the issue, written for these tests. */
class ChineseDetectorTest {
  private final Detector detector = Detector.withDefaults();

  private List<Finding> detect(String title, String text) {
    return detector.detect(new FeedItem("t", title, text, "https://news.example.cn/a", Instant.parse("2025-02-24T06:00:00Z"), "示例财经"));
  }

  private List<Finding> announcements(String title, String text) {
    return detect(title, text).stream().filter(f -> f.kind() == FindingKind.ANNOUNCEMENT).toList();
  }

  @Test
  void alibabaPledgeIsOneAnnouncementWithStatedDollarsAndOriginalEvidence() {
    String body = "阿里巴巴集团周一宣布，未来三年将投入超过3800亿元（约530亿美元），用于建设云和AI硬件基础设施。"
        + "此前，微软表示本财年计划投入800亿美元建设数据中心，Meta也计划今年投入650亿美元。"
        + "消息公布后，阿里巴巴港股下跌2.5%，市值蒸发约600亿港元。";
    List<Finding> all = detect("阿里巴巴宣布未来三年投入3800亿元建设AI基础设施", body);
    List<Finding> ann = all.stream().filter(f -> f.kind() == FindingKind.ANNOUNCEMENT).toList();
    assertEquals(1, ann.size(), all::toString);
    Finding f = ann.get(0);
    assertEquals("Alibaba", f.company());
    assertEquals("CNY", f.amount().currency());
    assertEquals(new BigDecimal("380000000000"), f.amount().value());
    assertEquals("超过3800亿元", f.amount().text());
    assertEquals(new BigDecimal("53000000000"), f.amountUsd());
    assertEquals("未来三年", f.period());
    assertTrue(f.evidence().startsWith("阿里巴巴集团周一宣布"), f.evidence());
    // The rivals' budgets are context; the share move and market value are nothing.
    assertEquals(List.of("Microsoft", "Meta"),
        all.stream().filter(x -> x.kind() == FindingKind.MENTION).map(Finding::company).toList());
  }

  @Test
  void traditionalCharactersAndFullWidthDigitsReadTheSame() {
    List<Finding> ann = announcements("阿里巴巴三年斥３８００億元投資雲端及AI基建", "阿里巴巴行政總裁周一表示，集團未來三年將投入超過3800億元人民幣，擴建雲端及人工智能基礎設施。");
    assertEquals(1, ann.size(), ann::toString);
    assertEquals(new BigDecimal("380000000000"), ann.get(0).amount().value());
  }

  /** headline | body | company | USD billions. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          微软本财年将投入800亿美元建设AI数据中心 | 微软总裁表示，公司本财年计划投资约800亿美元，建设用于训练人工智能模型的数据中心。 | Microsoft | 80
          Meta今年资本支出预计600亿至650亿美元 | Meta首席执行官表示，今年资本支出将提高至600亿至650亿美元，用于建设大型数据中心。 | Meta | 65
          腾讯拟明年斥资千亿元扩建AI算力 | 据知情人士透露，腾讯计划明年投入约1000亿元人民币采购AI芯片和服务器。 | Tencent | 14.05
          软银将向OpenAI投资300亿美元 | 软银集团宣布，将向OpenAI投资300亿美元，成为其最大股东。 | SoftBank | 30
          沙特将与谷歌合作投资100亿美元建设AI中心 | | Alphabet | 10
          Anthropic获亚马逊40亿美元投资 | | Amazon | 4
          OpenAI与甲骨文签下3000亿美元算力采购合同 | | OpenAI | 300
          苹果宣布未来四年在美投资5000亿美元 | 苹果公司表示，将在未来四年内在美国投资5000亿美元，包括在得州建设AI服务器工厂。 | Apple | 500
          """)
  void findsTheCommitment(String title, String body, String company, double billions) {
    List<Finding> ann = announcements(title, body);
    assertEquals(1, ann.size(), ann::toString);
    assertEquals(company, ann.get(0).company());
    assertEquals(billions, ann.get(0).amountUsd().doubleValue() / 1e9, billions * 0.02);
  }

  /** headline | body: money that is not a commitment. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          阿里巴巴季度营收2801亿元 | 阿里巴巴公布季度业绩，营收为2801亿元，净利润为464亿元，云智能业务收入增长13%。
          英伟达市值突破4万亿美元 | 英伟达股价大涨5%，市值首次突破4万亿美元。
          欧盟对苹果罚款18亿欧元 | 欧盟委员会宣布对苹果公司罚款18亿欧元，涉及音乐流媒体市场。
          分析师预计微软明年资本开支将达1200亿美元 | 多位分析师预计，微软明年的AI资本开支将达1200亿美元。
          月之暗面完成10亿美元融资 | AI初创公司月之暗面完成10亿美元新一轮融资，阿里巴巴和腾讯参与投资。
          国家设立600亿元人工智能产业投资基金 | 国家人工智能产业投资基金成立，出资额600亿元，将投向AI芯片和算力。
          腾讯上季资本开支为229亿元 | 腾讯第二季度资本开支为229亿元，同比增长119%。
          红富士苹果丰收 产值达3.5亿元 | 当地苹果种植面积扩大，苹果产业年产值约3.5亿元。
          Anthropic获得40亿美元投资 亚马逊领投 | Anthropic宣布获得40亿美元新投资，本轮由亚马逊领投。
          谷歌以320亿美元收购云安全公司Wiz | 谷歌母公司Alphabet宣布，将以320亿美元现金收购云安全初创公司Wiz。
          阿里巴巴拟发行50亿美元可转换债券 | 阿里巴巴周三宣布，拟发行50亿美元可转换债券，所得款项将用于云基础设施和AI投资。
          """)
  void findsNoCommitment(String title, String body) {
    assertEquals(List.of(), announcements(title, body));
  }

  @Test
  void earlierPledgeCitedAsContextIsAMention() {
    List<Finding> all = detect("腾讯发布新一代大模型", "腾讯周二发布新一代混元大模型。阿里巴巴此前宣布未来三年投入3800亿元建设AI基础设施。");
    assertEquals(1, all.size(), all::toString);
    assertEquals(FindingKind.MENTION, all.get(0).kind());
    assertEquals("Alibaba", all.get(0).company());
  }

  @Test
  void raisedPlanGivesTheNewFigureAndTheOldOneAsAMention() {
    List<Finding> all = detect("阿里巴巴拟将AI投入由3800亿元提高至4800亿元", "知情人士透露，阿里巴巴正考虑把未来三年AI基础设施的投入，由原定的3800亿元提高至4800亿元。");
    List<Finding> ann = all.stream().filter(f -> f.kind() == FindingKind.ANNOUNCEMENT).toList();
    assertEquals(1, ann.size(), all::toString);
    assertEquals(new BigDecimal("480000000000"), ann.get(0).amount().value());
    assertTrue(ann.get(0).raise());
    assertTrue(all.stream().anyMatch(f -> f.kind() == FindingKind.MENTION && f.amount().value().equals(new BigDecimal("380000000000"))));
  }

  @Test
  void respectivelyPairsCompaniesWithTheirAmounts() {
    List<Finding> ann = announcements("英伟达和微软入股Anthropic", "英伟达与微软周二宣布，将分别向Anthropic投资最多100亿美元及50亿美元。");
    assertEquals(List.of("Nvidia", "Microsoft"), ann.stream().map(Finding::company).toList());
    assertEquals(List.of(10.0, 5.0), ann.stream().map(f -> f.amountUsd().doubleValue() / 1e9).toList());
  }

  @Test
  void languageIsDetectedPerItem() {
    assertTrue(ChineseDetector.handles("Meta今年將砸650億美元投資AI", ""));
    assertTrue(ChineseDetector.handles("阿里巴巴宣布投资", "Alibaba 将投入 3800 亿元"));
    assertFalse(ChineseDetector.handles("Alibaba (阿里巴巴) to invest 380 billion yuan in AI",
        "Alibaba Group said on Monday it will invest more than 380 billion yuan in cloud and AI infrastructure."));
    assertFalse(ChineseDetector.handles("ソフトバンクがAIに投資", "ソフトバンクグループは人工知能に投資すると発表した。"));
  }

  @Test
  void sentencesSplitOnChinesePunctuation() {
    List<ChineseText.Sentence> s = ChineseText.sentences("标题", "第一句。第二句！第三句？第四句；“第五句。”第六句");
    assertEquals(List.of("标题", "第一句。", "第二句！", "第三句？", "第四句；", "“第五句。”", "第六句"),
        s.stream().map(ChineseText.Sentence::original).toList());
  }

  @Test
  void periodsReadInEnglish() {
    assertEquals("over the next three years", ChinesePeriod.english("未来三年"));
    assertEquals("over the next 3 years".replace("3", "three"), ChinesePeriod.english("未來3年"));
    assertEquals("in fiscal 2025", ChinesePeriod.english("2025财年"));
    assertEquals("by 2028", ChinesePeriod.english("到2028年"));
    assertEquals("this year", ChinesePeriod.english("今年"));
    assertEquals("this fiscal year", ChinesePeriod.english("本財年"));
    assertEquals("in 2025-2028", ChinesePeriod.english("2025至2028年"));
    assertEquals("over the next three years", ChinesePeriod.english("over the next three years"));
  }

  @Test
  void googleNewsOutletIsNoActor() {
    List<Finding> ann = announcements("阿里巴巴宣布未来三年投入3800亿元建设AI基础设施 - 腾讯新闻", "");
    assertEquals(List.of("Alibaba"), ann.stream().map(Finding::company).toList());
    assertEquals("阿里巴巴宣布未来三年投入3800亿元建设AI基础设施", ChineseText.withoutOutlet("阿里巴巴宣布未来三年投入3800亿元建设AI基础设施 - 腾讯新闻"));
  }

  @Test
  void cutAnywhereTheTextNeverBreaksTheDetector() {
    String text = "阿里巴巴集团周一宣布，未来三年将投入超过３８００亿元（约合530亿美元），用于建设云和AI硬件基础设施；"
        + "Meta预计资本支出600亿至650亿美元。由原定的3,800億元人民幣提高至4,800億元！HK$120亿、NT$1000亿、逾千亿元（";
    for (int end = 0; end <= text.length(); end++) {
      for (int start = 0; start < end; start += 5) {
        String part = text.substring(start, end);
        List<Finding> findings = detector.detect(part, part);
        for (Finding f : findings) {
          assertTrue(f.amountUsd().signum() > 0, part);
          assertFalse(f.evidence().isBlank(), part);
        }
      }
    }
  }
}
