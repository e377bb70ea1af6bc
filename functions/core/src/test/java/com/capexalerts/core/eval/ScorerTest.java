package com.capexalerts.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.detect.FindingKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorerTest {
  private static final BigDecimal BN = new BigDecimal("1000000000");

  private static BigDecimal bn(String billions) {
    return new BigDecimal(billions).multiply(BN);
  }

  private static LabelledAmount label(String company, String billions) {
    return new LabelledAmount(company, bn(billions));
  }

  private static LabelledItem item(String id, List<LabelledAmount> announcements, List<LabelledAmount> mentions) {
    return new LabelledItem(id, "Title of " + id, "Summary of " + id, null, null, null,
        new CorpusLabel(announcements, mentions, "note of " + id));
  }

  private static PredictedFinding announcement(String company, String billions) {
    return finding(company, FindingKind.ANNOUNCEMENT, billions);
  }

  private static PredictedFinding mention(String company, String billions) {
    return finding(company, FindingKind.MENTION, billions);
  }

  private static PredictedFinding finding(String company, FindingKind kind, String billions) {
    return new PredictedFinding(company, kind, bn(billions), "USD", bn(billions), null,
        company + " said it would spend $" + billions + " billion.");
  }

  @Test
  void exactMatchIsATruePositive() {
    ScoreReport report = Scorer.score(
        List.of(item("a", List.of(label("Alibaba", "53")), List.of())),
        Map.of("a", List.of(announcement("Alibaba", "53"))));
    assertEquals(1, report.truePositives());
    assertTrue(report.misses().isEmpty());
    assertTrue(report.falseAlarms().isEmpty());
    assertEquals(1.0, report.precision());
    assertEquals(1.0, report.recall());
  }

  @Test
  void amountWithinTwentyFivePercentMatchesAndBeyondDoesNot() {
    List<LabelledItem> items = List.of(
        item("near", List.of(label("Alibaba", "100")), List.of()),
        item("far", List.of(label("Alibaba", "100")), List.of()));
    ScoreReport report = Scorer.score(items, Map.of(
        "near", List.of(announcement("Alibaba", "124.9")),
        "far", List.of(announcement("Alibaba", "125.1"))));
    assertEquals(1, report.truePositives());
    assertEquals(1, report.falseAlarms().size());
    assertEquals("far", report.falseAlarms().getFirst().item().id());
    assertEquals(1, report.misses().size());
    assertEquals("far", report.misses().getFirst().item().id());
  }

  @Test
  void toleranceBoundaryIsInclusiveAndRelativeToTheLabel() {
    assertTrue(Scorer.amountsAgree(bn("75"), bn("100")));
    assertTrue(Scorer.amountsAgree(bn("125"), bn("100")));
    assertFalse(Scorer.amountsAgree(bn("74.99"), bn("100")));
    assertFalse(Scorer.amountsAgree(bn("125.01"), bn("100")));
  }

  @Test
  void wrongCompanyIsBothAFalseAlarmAndAMiss() {
    ScoreReport report = Scorer.score(
        List.of(item("a", List.of(label("Alibaba", "53")), List.of(label("Microsoft", "80")))),
        Map.of("a", List.of(announcement("Microsoft", "80"))));
    assertEquals(0, report.truePositives());
    assertEquals(1, report.falseAlarms().size());
    assertTrue(report.falseAlarms().getFirst().reason().contains("mention"), report.falseAlarms().getFirst().reason());
    assertEquals(1, report.misses().size());
    assertEquals("Alibaba", report.misses().getFirst().expected().company());
    assertEquals(0.0, report.precision());
    assertEquals(0.0, report.recall());
  }

  @Test
  void announcementPredictedAsMentionIsAMissThatShowsWhatWasPredicted() {
    ScoreReport report = Scorer.score(
        List.of(item("a", List.of(label("Meta", "65")), List.of())),
        Map.of("a", List.of(mention("Meta", "65"))));
    assertEquals(0, report.truePositives());
    assertTrue(report.falseAlarms().isEmpty());
    ScoreReport.Miss miss = report.misses().getFirst();
    assertEquals(FindingKind.MENTION, miss.sameCompany().getFirst().kind());
    assertEquals(1, report.mentions().predicted());
    assertEquals(0, report.mentions().agreed());
  }

  @Test
  void multiCompanyItemMatchesEachCompanyToItsOwnAmount() {
    LabelledItem multi = item("m", List.of(label("Anthropic", "30"), label("Nvidia", "10"), label("Microsoft", "5")),
        List.of());
    ScoreReport right = Scorer.score(List.of(multi), Map.of("m", List.of(
        announcement("Microsoft", "5"), announcement("Anthropic", "30"), announcement("Nvidia", "10"))));
    assertEquals(3, right.truePositives());

    // Amounts swapped between companies: nothing matches.
    ScoreReport swapped = Scorer.score(List.of(multi), Map.of("m", List.of(
        announcement("Microsoft", "10"), announcement("Anthropic", "30"), announcement("Nvidia", "5"))));
    assertEquals(1, swapped.truePositives());
    assertEquals(2, swapped.falseAlarms().size());
    assertEquals(2, swapped.misses().size());
  }

  @Test
  void eachLabelMatchesAtMostOnePrediction() {
    ScoreReport report = Scorer.score(
        List.of(item("a", List.of(label("Alibaba", "53")), List.of())),
        Map.of("a", List.of(announcement("Alibaba", "53"), announcement("Alibaba", "52.4"))));
    assertEquals(1, report.truePositives());
    assertEquals(1, report.falseAlarms().size());
    assertTrue(report.falseAlarms().getFirst().reason().contains("already matched"));
    assertEquals(0.5, report.precision());
  }

  @Test
  void pairingMaximisesMatchesEvenWhenTheClosestChoiceWouldBlockAnother() {
    // 104 is closest to 100 but also fits 120; 80 fits only 100. Both must match.
    ScoreReport report = Scorer.score(
        List.of(item("a", List.of(label("Meta", "100"), label("Meta", "120")), List.of())),
        Map.of("a", List.of(announcement("Meta", "104"), announcement("Meta", "80"))));
    assertEquals(2, report.truePositives());
    assertTrue(report.falseAlarms().isEmpty());
    assertTrue(report.misses().isEmpty());
  }

  @Test
  void oldFigureOfARaiseDoesNotPassAsTheNewOne() {
    // "raises its forecast to $72bn from $65bn": 65 is within 25% of 72 but is the labelled mention.
    LabelledItem raise = item("r", List.of(label("Meta", "72")), List.of(label("Meta", "65")));
    ScoreReport old = Scorer.score(List.of(raise), Map.of("r", List.of(announcement("Meta", "65"))));
    assertEquals(0, old.truePositives());
    assertEquals(1, old.falseAlarms().size());
    assertTrue(old.falseAlarms().getFirst().reason().contains("also mentions $65bn"), old.falseAlarms().getFirst().reason());
    assertEquals(1, old.misses().size());

    ScoreReport right = Scorer.score(List.of(raise),
        Map.of("r", List.of(announcement("Meta", "72"), mention("Meta", "65"))));
    assertEquals(1, right.truePositives());
    assertEquals(new ScoreReport.MentionAgreement(1, 1, 1), right.mentions());

    // A figure between the two but nearer the new one still matches.
    assertEquals(1, Scorer.score(List.of(raise), Map.of("r", List.of(announcement("Meta", "70")))).truePositives());
  }

  @Test
  void alternativeFigureOfTheSameCommitmentIsAccepted() {
    LabelledItem raised = item("r", List.of(new LabelledAmount("Apple", bn("600"), List.of(bn("100")))), List.of());
    assertEquals(1, Scorer.score(List.of(raised), Map.of("r", List.of(announcement("Apple", "100")))).truePositives());
    assertEquals(1, Scorer.score(List.of(raised), Map.of("r", List.of(announcement("Apple", "600")))).truePositives());
    ScoreReport both = Scorer.score(List.of(raised),
        Map.of("r", List.of(announcement("Apple", "600"), announcement("Apple", "100"))));
    assertEquals(1, both.truePositives());
    assertEquals(1, both.falseAlarms().size());
  }

  @Test
  void countsPrecisionAndRecallOverSeveralItems() {
    List<LabelledItem> items = List.of(
        item("1", List.of(label("Alphabet", "75"), label("Amazon", "100")), List.of()),
        item("2", List.of(label("Oracle", "50"), label("OpenAI", "300")), List.of(label("Oracle", "35"))),
        item("3", List.of(label("Tesla", "16.5")), List.of()),
        item("4", List.of(), List.of()));
    ScoreReport report = Scorer.score(items, Map.of(
        "1", List.of(announcement("Alphabet", "75"), announcement("Amazon", "105")),
        "2", List.of(announcement("Oracle", "50"), mention("Oracle", "35")),
        "4", List.of(announcement("Apple", "110"))));
    assertEquals(5, report.labelledAnnouncements());
    assertEquals(4, report.predictedAnnouncements());
    assertEquals(3, report.truePositives());
    assertEquals(1, report.falseAlarms().size());
    assertEquals(2, report.misses().size());
    assertEquals(0.75, report.precision(), 1e-9);
    assertEquals(0.6, report.recall(), 1e-9);
    assertEquals(new ScoreReport.MentionAgreement(1, 1, 1), report.mentions());
  }

  @Test
  void nothingPredictedGivesZeroRecallAndNoPrecisionFigure() {
    ScoreReport report = Scorer.score(List.of(item("a", List.of(label("Alibaba", "53")), List.of())), Map.of());
    assertEquals(0.0, report.recall());
    assertEquals(1.0, report.precision());
    assertTrue(report.format().contains("n/a (nothing predicted)"), report.format());
  }

  @Test
  void predictionsForUnknownIdsAreListedNotScored() {
    ScoreReport report = Scorer.score(List.of(item("a", List.of(), List.of())),
        Map.of("zz-9", List.of(announcement("Alibaba", "53"))));
    assertEquals(0, report.predictedAnnouncements());
    assertEquals(List.of("zz-9"), report.unknownPredictionIds());
    assertTrue(report.format().contains("zz-9"));
  }

  @Test
  void reportNamesItemCompanyAmountEvidenceAndTitleOfEveryMissAndFalseAlarm() {
    ScoreReport report = Scorer.score(
        List.of(item("dev-001", List.of(label("Alibaba", "53")), List.of()),
            item("dev-002", List.of(), List.of())),
        Map.of("dev-002", List.of(announcement("Meta", "65"))));
    String text = report.format();
    assertTrue(text.contains("Misses (1)"), text);
    assertTrue(text.contains("dev-001  Alibaba $53bn  | \"Title of dev-001\""), text);
    assertTrue(text.contains("label note: note of dev-001"), text);
    assertTrue(text.contains("False alarms (1)"), text);
    assertTrue(text.contains("dev-002  Meta $65bn  | \"Title of dev-002\""), text);
    assertTrue(text.contains("evidence \"Meta said it would spend $65 billion.\""), text);
    assertTrue(text.contains("why: no labelled figure for Meta"), text);
  }

  @Test
  void usdFormattingIsCompact() {
    assertEquals("$53bn", ScoreReport.usd(bn("53")));
    assertEquals("$1.5tn", ScoreReport.usd(bn("1500")));
    assertEquals("$700m", ScoreReport.usd(new BigDecimal("700000000")));
    assertEquals("$14.3bn", ScoreReport.usd(bn("14.3")));
  }
}
