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

  /** On every Chinese corpus item, explain gives exactly the findings of detect. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"/corpus/zh-dev-corpus.jsonl", "/corpus/zh-holdout-corpus.jsonl"})
  void explainAgreesWithDetectOnTheChineseCorpora(String resource) throws java.io.IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    int items = 0;
    try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
        getClass().getResourceAsStream(resource), java.nio.charset.StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        com.fasterxml.jackson.databind.JsonNode n = json.readTree(line);
        FeedItem item = new FeedItem(n.path("id").asText(), n.path("title").asText(), n.path("summary").asText(""),
            n.path("link").asText(), Instant.parse(n.path("published").asText()), n.path("source").asText());
        assertEquals(detector.detect(item), detector.explain(item).findings(), item.id());
        items++;
      }
    }
    assertTrue(items > 40, resource + " has only " + items + " items");
  }

  @Test
  void chineseItemWithoutAWatchedCompanySaysSo() {
    Explanation e = detector.explain("某创业公司获得5亿元融资", "该公司表示，资金将用于研发AI芯片。");
    assertTrue(e.findings().isEmpty());
    assertEquals("skipped", e.item().get(0).outcome());
    assertTrue(e.item().get(0).reason().contains("watched company"), e.item()::toString);
  }
}
