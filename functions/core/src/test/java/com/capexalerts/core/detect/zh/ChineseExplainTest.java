package com.capexalerts.core.detect.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.detect.Decision;
import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.detect.Explanation;
import com.capexalerts.core.feed.FeedItem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** explain on a Chinese item: the Chinese stages' own decisions, and the same findings as detect. */
class ChineseExplainTest {
  private final Detector detector = Detector.withDefaults();

  @Test
  void chineseItemIsExplainedByTheChineseStagesWithTheFindingsOfDetect() {
    FeedItem item = new FeedItem("t", "腾讯宣布今年投入900亿元建设AI算力",
        "腾讯周三表示，今年将投入900亿元用于AI数据中心建设。公司股价上涨3%，市值增加约1200亿港元。",
        "https://news.example.cn/b", Instant.parse("2025-03-20T06:00:00Z"), "示例财经");
    Explanation e = detector.explain(item);
    assertEquals(detector.detect(item), e.findings());
    assertEquals(1, e.findings().size(), e::toString);
    assertEquals("subjects", e.item().get(0).stage());
    assertEquals("Tencent", e.item().get(0).outcome());
    Explanation.Amount body = e.amounts().stream().filter(a -> !a.headline() && a.text().contains("900")).findFirst()
        .orElseThrow();
    assertEquals(List.of("role", "spender", "scope", "commitment", "kind", "merge"),
        body.decisions().stream().map(Decision::stage).toList());
    assertEquals("Tencent", body.decisions().get(1).outcome());
    assertEquals("announcement", body.decisions().get(4).outcome());
    // The market value is dropped at the role stage, naming its cue.
    Explanation.Amount value = e.amounts().stream().filter(a -> a.text().contains("1200")).findFirst().orElseThrow();
    Decision role = value.decisions().get(0);
    assertEquals("dropped", role.outcome());
    assertTrue(role.reason().contains("市值"), role::toString);
  }

  @Test
  void chineseItemWithoutAWatchedCompanySaysSo() {
    Explanation e = detector.explain("某创业公司获得5亿元融资", "该公司表示，资金将用于研发AI芯片。");
    assertTrue(e.findings().isEmpty());
    assertEquals("skipped", e.item().get(0).outcome());
    assertTrue(e.item().get(0).reason().contains("watched company"), e.item()::toString);
  }
}
