package com.capexalerts.core.detect.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.FindingKind;
import com.capexalerts.core.feed.FeedItem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rules the held-out Chinese set prompted, and the real-coverage lessons of the English rules carried over to
 * Chinese (background, forecasts, pools, stake values, buyers). Examples written for these tests.
 */
class ChineseCoverageRulesTest {
  private final Detector detector = Detector.withDefaults();

  private List<Finding> detect(String title, String text) {
    return detector.detect(new FeedItem("t", title, text, "https://news.example.cn/c",
        Instant.parse("2025-10-15T06:00:00Z"), "示例财经"));
  }

  private List<String> announced(String title, String text) {
    return detect(title, text).stream().filter(f -> f.kind() == FindingKind.ANNOUNCEMENT)
        .map(f -> f.company() + " " + f.amountUsd().movePointLeft(9).stripTrailingZeros().toPlainString())
        .toList();
  }

  private List<String> mentioned(String title, String text) {
    return detect(title, text).stream().filter(f -> f.kind() == FindingKind.MENTION)
        .map(f -> f.company() + " " + f.amountUsd().movePointLeft(9).stripTrailingZeros().toPlainString())
        .toList();
  }

  @Test
  void bareAmountAfterADollarAmountIsInDollars() {
    List<com.capexalerts.core.money.MoneySpan> spans = ChineseAnalysis.inheritCurrency(
        new com.capexalerts.core.money.MoneyParser().findChinese("英伟达拟投资1000亿美元　首期100亿"));
    assertEquals("USD", spans.get(1).amount().currency());
    assertEquals(0, new BigDecimal("10000000000").compareTo(spans.get(1).amount().value()));
  }

  @Test
  void theDifferenceToAnEarlierGuidanceIsPartOfTheRaisedTotal() {
    List<String> ann = announced("微软上调本财年资本开支至约900亿美元　较此前预期多100亿",
        "微软表示，本财年资本开支预计约900亿美元，主要用于AI数据中心。");
    assertEquals(List.of("Microsoft 90"), ann);
  }

  @Test
  void anAdditionalAmountIsTheNewsAndTheTotalItReachesIsAMention() {
    String title = "谷歌追加投资Anthropic 10亿美元　累计投资增至30亿美元";
    String body = "谷歌宣布再向人工智能公司Anthropic投资10亿美元，使其对Anthropic的总投资达到30亿美元。";
    assertEquals(List.of("Alphabet 1"), announced(title, body));
    assertEquals(List.of("Alphabet 3"), mentioned(title, body));
  }

  @Test
  void aParentheticalAliasKeepsTheFirstPartyTheBuyer() {
    List<String> ann = announced("OpenAI與AWS簽200億美元算力協議",
        "OpenAI與亞馬遜雲端服務（AWS）簽署為期五年、總額200億美元的運算能力採購協議，將使用輝達GPU訓練模型。");
    assertEquals(List.of("OpenAI 20"), ann);
  }

  @Test
  void inAComputeDealTheAiLabIsTheBuyerWhoeverIsNamedFirst() {
    List<String> ann = announced("甲骨文与OpenAI签署3000亿美元算力采购合同",
        "甲骨文与OpenAI签署为期五年、价值3000亿美元的算力采购合同，用于AI数据中心。");
    assertEquals(List.of("OpenAI 300"), ann);
  }

  @Test
  void exceedingAPlanSetEarlierNamesThatPlanOnly() {
    String title = "腾讯宣布加大AI投入　今年投入将超过年初设定的900亿元计划";
    String body = "腾讯表示，将加大AI基础设施投资，今年投入将超过年初设定的900亿元计划。";
    assertTrue(announced(title, body).isEmpty(), () -> detect(title, body).toString());
    assertEquals(1, mentioned(title, body).size());
  }

  @Test
  void aCompletedAcquisitionOrAGroundbreakingIsProgress() {
    assertTrue(announced("微软完成160亿美元收购AI芯片公司",
        "微软宣布，已于本月透过子公司完成以160亿美元收购AI芯片公司的全部股权。").isEmpty());
    assertTrue(announced("亚马逊泰国数据中心动土",
        "亚马逊在曼谷为其AI数据中心举行动土礼，这项投资为50亿美元。").isEmpty());
  }

  @Test
  void theHeadlineDecidesWhatIsNewsAndLaterOtherFiguresAreBackground() {
    String title = "Meta宣布投资300亿美元建设AI数据中心";
    String body = "Meta周二表示，将投资300亿美元在路易斯安那州建设AI数据中心。消息带动股价上涨2%。"
        + "分析指，Meta近年斥资143亿美元入股Scale AI。"
        + "此外，Meta将投资100亿美元在德州兴建新的AI数据中心。";
    assertEquals(List.of("Meta 30", "Meta 10"), announced(title, body));
    assertEquals(List.of("Meta 14.3"), mentioned(title, body));
  }

  @Test
  void aForecastGoingOnFromABrokersSentenceIsAnEstimate() {
    assertTrue(announced("券商：腾讯明年AI资本开支或达1200亿元",
        "某证券研报估计，腾讯今年AI资本开支约700亿元；预计明年将增至1200亿元，其中约700亿元用于采购AI芯片。")
        .isEmpty());
  }

  @Test
  void pooledBudgetsOfSeveralCompaniesAreNobodysButOneGiantIsItself() {
    assertTrue(announced("四大科技巨头AI开支将达3200亿美元",
        "微软、谷歌、亚马逊和Meta四大科技巨头今年AI资本开支将达3200亿美元。").isEmpty());
    assertEquals(List.of("Microsoft 80"), announced("科技巨头微软将投资800亿美元建设AI数据中心",
        "科技巨头微软宣布，本财年将投资800亿美元建设AI数据中心。"));
    // A hyperscale data centre is one company's.
    assertEquals(List.of("Microsoft 4.7"), mentioned("微软威斯康星州数据中心投运",
        "微软宣布，首座数据中心已投入运营。微软预计，2024年至2028年间将在该州超大规模数据中心项目上累计投入47亿美元。"));
  }

  @Test
  void theValueOfAStakeIsNoSpending() {
    assertTrue(detect("软银所持OpenAI股份升值", "软银投资OpenAI的持股价值已升至600亿美元，带动AI概念股上涨。")
        .isEmpty());
  }

  @Test
  void willStillBuyIsAReaffirmation() {
    String title = "OpenAI：仍會向微軟採購2500億美元雲端服務";
    assertTrue(announced(title, "OpenAI表示，仍會向微軟採購2500億美元的AI雲端服務。").isEmpty());
  }
}
