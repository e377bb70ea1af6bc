package com.capexalerts.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.FindingKind;
import com.capexalerts.core.money.MoneyAmount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalJsonTest {
  private static BufferedReader lines(String... lines) {
    return new BufferedReader(new StringReader(String.join("\n", lines)));
  }

  private static final String GOOD = """
      {"id":"dev-001","title":"Alibaba to invest","summary":"Alibaba will invest 380 billion yuan.",\
      "link":"https://example.com/a","published":"2025-02-24T04:10:00Z","source":"Wire",\
      "label":{"announcements":[{"company":"Alibaba","amount_usd":53000000000}],\
      "mentions":[{"company":"Microsoft","amount_usd":80000000000}],"note":"why"}}""";

  @Test
  void readsAWellFormedCorpusItem() throws IOException {
    Parsed<List<LabelledItem>> parsed = EvalJson.readCorpus(lines(GOOD), "c.jsonl");
    assertEquals(List.of(), parsed.errors());
    LabelledItem item = parsed.value().getFirst();
    assertEquals("dev-001", item.id());
    assertEquals(Instant.parse("2025-02-24T04:10:00Z"), item.published());
    assertEquals(new LabelledAmount("Alibaba", new BigDecimal("53000000000")), item.label().announcements().getFirst());
    assertEquals("Microsoft", item.label().mentions().getFirst().company());
    assertEquals("Alibaba will invest 380 billion yuan.", item.toFeedItem().summary());
  }

  @Test
  void badCorpusLinesAreReportedWithLineAndIdAndTheRestIsKept() throws IOException {
    Parsed<List<LabelledItem>> parsed = EvalJson.readCorpus(lines(
        GOOD,
        "{not json",
        GOOD.replace("dev-001", "dev-003").replace("\"title\":\"Alibaba to invest\",", ""),
        GOOD.replace("dev-001", "dev-004").replace("53000000000", "-5"),
        GOOD.replace("dev-001", "dev-005").replace("2025-02-24T04:10:00Z", "Feb 24"),
        "",
        GOOD,
        GOOD.replace("dev-001", "dev-008").replace("\"mentions\":[{\"company\":\"Microsoft\",\"amount_usd\":80000000000}],", ""),
        GOOD.replace("dev-001", "dev-009")),
        "c.jsonl");
    assertEquals(List.of("dev-001", "dev-009"), parsed.value().stream().map(LabelledItem::id).toList());
    List<String> errors = parsed.errors();
    assertEquals(6, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("c.jsonl line 2: not valid JSON"), errors.get(0));
    assertTrue(errors.get(1).contains("line 3 (id dev-003): \"title\" missing"), errors.get(1));
    assertTrue(errors.get(2).contains("line 4 (id dev-004) label.announcements[0]: \"amount_usd\" must be positive"),
        errors.get(2));
    assertTrue(errors.get(3).contains("line 5 (id dev-005): \"published\" is not an ISO-8601 instant"), errors.get(3));
    assertTrue(errors.get(4).contains("line 7: duplicate id dev-001"), errors.get(4));
    assertTrue(errors.get(5).contains("line 8 (id dev-008): \"label.mentions\" missing"), errors.get(5));
    assertTrue(errors.stream().allMatch(e -> e.endsWith("line skipped")), errors.toString());
  }

  @Test
  void anEmptySummaryIsATitleOnlyItemButAMissingOneIsAnError() throws IOException {
    Parsed<List<LabelledItem>> parsed = EvalJson.readCorpus(lines(
        GOOD.replace("Alibaba will invest 380 billion yuan.", ""),
        GOOD.replace("dev-001", "dev-002").replace("\"summary\":\"Alibaba will invest 380 billion yuan.\",", "")),
        "c.jsonl");
    assertEquals(List.of("dev-001"), parsed.value().stream().map(LabelledItem::id).toList());
    assertEquals("", parsed.value().getFirst().toFeedItem().summary());
    assertEquals(1, parsed.errors().size(), parsed.errors().toString());
    assertTrue(parsed.errors().getFirst().contains("line 2 (id dev-002): \"summary\" missing"), parsed.errors().toString());
  }

  @Test
  void readsAlternativeAmounts() throws IOException {
    Parsed<List<LabelledItem>> parsed = EvalJson.readCorpus(lines(GOOD.replace(
        "\"amount_usd\":53000000000}", "\"amount_usd\":600000000000,\"alt_amounts_usd\":[100000000000]}")), "c");
    LabelledAmount amount = parsed.value().getFirst().label().announcements().getFirst();
    assertEquals(List.of(new BigDecimal("600000000000"), new BigDecimal("100000000000")), amount.acceptedUsd());
  }

  @Test
  void readsPredictionsAndSkipsOnlyTheBadFinding() throws IOException {
    Parsed<Map<String, List<PredictedFinding>>> parsed = EvalJson.readPredictions(lines(
        """
        {"id":"dev-001","findings":[\
        {"company":"Alibaba","kind":"announcement","amount":380000000000,"currency":"CNY","amount_usd":5.3E10,\
        "period":"over three years","evidence":"Alibaba will invest 380 billion yuan."},\
        {"company":"Meta","kind":"rumour","amount_usd":65000000000},\
        {"company":"Microsoft","kind":"mention","amount_usd":80000000000}]}""",
        "{\"id\":\"dev-002\"}",
        "{\"id\":\"dev-001\",\"findings\":[]}",
        "{\"id\":\"dev-003\",\"findings\":[]}"),
        "p.jsonl");
    assertEquals(List.of("dev-001", "dev-003"), List.copyOf(parsed.value().keySet()));
    List<PredictedFinding> findings = parsed.value().get("dev-001");
    assertEquals(2, findings.size());
    PredictedFinding alibaba = findings.getFirst();
    assertEquals(FindingKind.ANNOUNCEMENT, alibaba.kind());
    assertEquals(0, new BigDecimal("53000000000").compareTo(alibaba.amountUsd()));
    assertEquals("over three years", alibaba.period());
    PredictedFinding microsoft = findings.get(1);
    assertEquals(FindingKind.MENTION, microsoft.kind());
    assertNull(microsoft.amount());
    assertEquals("", microsoft.evidence());
    assertEquals(3, parsed.errors().size(), parsed.errors().toString());
    assertTrue(parsed.errors().get(0).contains("line 1 (id dev-001) findings[1]: \"kind\" must be announcement or mention"),
        parsed.errors().get(0));
    assertTrue(parsed.errors().get(0).endsWith("finding skipped"));
    assertTrue(parsed.errors().get(1).contains("line 2 (id dev-002): \"findings\" missing"), parsed.errors().get(1));
    assertTrue(parsed.errors().get(2).contains("line 3 (id dev-001): duplicate id"), parsed.errors().get(2));
  }

  @Test
  void predictionLineRoundTripsThroughTheReader() throws IOException {
    Finding finding = new Finding("Alibaba", FindingKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal("380E9"), "CNY", "over 380 billion yuan"), new BigDecimal("5.3E10"),
        "over the next three years", "Alibaba said it will invest over 380 billion yuan ($53 billion).", false);
    String line = EvalJson.predictionLine("dev-001", List.of(finding));
    assertFalse(line.matches(".*\\d[eE][+-]?\\d.*"), "amounts are written plainly: " + line);
    assertTrue(line.contains("\"kind\":\"announcement\""), line);
    assertTrue(line.contains("\"amount_usd\":53000000000"), line);

    Parsed<Map<String, List<PredictedFinding>>> parsed = EvalJson.readPredictions(lines(line), "p");
    assertEquals(List.of(), parsed.errors());
    PredictedFinding back = parsed.value().get("dev-001").getFirst();
    PredictedFinding direct = PredictedFinding.of(finding);
    assertEquals(direct.company(), back.company());
    assertEquals(direct.kind(), back.kind());
    assertEquals(0, direct.amount().compareTo(back.amount()));
    assertEquals(direct.currency(), back.currency());
    assertEquals(0, direct.amountUsd().compareTo(back.amountUsd()));
    assertEquals(direct.period(), back.period());
    assertEquals(direct.evidence(), back.evidence());
  }
}
