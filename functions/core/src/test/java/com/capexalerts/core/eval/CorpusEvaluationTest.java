package com.capexalerts.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.FindingKind;
import com.capexalerts.core.money.MoneyAmount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled development corpus: checks that it meets its own specification, then measures the detector on it.
 * The precision and recall targets are the product's acceptance bar.
 */
class CorpusEvaluationTest {
  static final String CORPUS = "/corpus/dev-corpus.jsonl";
  static final double TARGET = 0.95;

  /** Canonical watchlist names; labels must use exactly these. */
  static final Set<String> WATCHLIST = Set.of(
      "Alibaba", "Alphabet", "Amazon", "Apple", "Meta", "Microsoft", "Nvidia", "Oracle", "IBM", "Tencent", "Baidu",
      "ByteDance", "Huawei", "Samsung", "SoftBank", "OpenAI", "Anthropic", "xAI", "Tesla");

  private static Parsed<List<LabelledItem>> corpus;

  @BeforeAll
  static void readCorpus() throws IOException {
    try (InputStream in = CorpusEvaluationTest.class.getResourceAsStream(CORPUS)) {
      assertNotNull(in, "corpus resource " + CORPUS + " is missing");
      corpus = EvalJson.readCorpus(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), "dev-corpus.jsonl");
    }
  }

  @Test
  void corpusMeetsItsSpecification() {
    List<String> problems = new ArrayList<>(corpus.errors());
    List<LabelledItem> items = corpus.value();
    if (items.size() < 200) {
      problems.add("only " + items.size() + " readable items, need at least 200");
    }
    Set<String> ids = new HashSet<>();
    Set<String> announced = new TreeSet<>();
    int withAnnouncement = 0;
    for (LabelledItem item : items) {
      String id = item.id();
      if (!ids.add(id)) {
        problems.add(id + ": duplicate id");
      }
      if (!id.matches("dev-\\d{3}")) {
        problems.add(id + ": id is not of the form dev-NNN");
      }
      for (var field : Map.of("link", String.valueOf(item.link()), "source", String.valueOf(item.source())).entrySet()) {
        if (field.getValue().equals("null") || field.getValue().isBlank()) {
          problems.add(id + ": " + field.getKey() + " missing");
        }
      }
      if (item.published() == null) {
        problems.add(id + ": published missing");
      }
      int length = item.summary().length();
      if (length < 250 || length > 1300) {
        problems.add(id + ": summary is " + length + " characters, expected about 300-1200");
      }
      if (item.label().note().isBlank()) {
        problems.add(id + ": label note missing (say why)");
      }
      List<LabelledAmount> all = new ArrayList<>(item.label().announcements());
      all.addAll(item.label().mentions());
      for (LabelledAmount amount : all) {
        if (!WATCHLIST.contains(amount.company())) {
          problems.add(id + ": label company '" + amount.company() + "' is not a canonical watchlist name");
        }
      }
      if (!item.label().announcements().isEmpty()) {
        withAnnouncement++;
        item.label().announcements().forEach(a -> announced.add(a.company()));
      }
    }
    if (withAnnouncement < items.size() / 3) {
      problems.add("only " + withAnnouncement + " items with announcements, need at least a third of " + items.size());
    }
    if (withAnnouncement < 66) {
      problems.add("only " + withAnnouncement + " items with announcements, need at least 66");
    }
    if (announced.size() < 15) {
      problems.add("only " + announced.size() + " distinct announcing companies " + announced + ", need 15");
    }
    if (items.size() - withAnnouncement < items.size() / 2) {
      problems.add("only " + (items.size() - withAnnouncement) + " items without announcements; the corpus needs"
          + " more mentions and hard negatives than positives");
    }
    System.out.printf("Corpus: %d items, %d with announcements, %d announcing companies %s%n",
        items.size(), withAnnouncement, announced.size(), announced);
    assertEquals(List.of(), problems, "corpus problems:\n" + String.join("\n", problems));
  }

  @Test
  void labelsReplayedThroughThePredictionsFormatScorePerfectly() throws IOException {
    // Guards the corpus against self-contradictory labels and the CLI path (JSON Lines out and back in) against drift.
    StringBuilder lines = new StringBuilder();
    for (LabelledItem item : corpus.value()) {
      List<Finding> findings = new ArrayList<>();
      item.label().announcements().forEach(a -> findings.add(asFinding(a, FindingKind.ANNOUNCEMENT, item)));
      item.label().mentions().forEach(m -> findings.add(asFinding(m, FindingKind.MENTION, item)));
      lines.append(EvalJson.predictionLine(item.id(), findings)).append('\n');
    }
    Parsed<Map<String, List<PredictedFinding>>> predictions =
        EvalJson.readPredictions(new BufferedReader(new StringReader(lines.toString())), "replayed labels");
    assertEquals(List.of(), predictions.errors());

    ScoreReport report = Scorer.score(corpus.value(), predictions.value());
    assertEquals(List.of(), report.misses().stream().map(m -> m.item().id()).toList());
    assertEquals(List.of(), report.falseAlarms().stream().map(f -> f.item().id()).toList());
    assertEquals(1.0, report.precision());
    assertEquals(1.0, report.recall());
    assertEquals(report.mentions().labelled(), report.mentions().agreed());
  }

  private static Finding asFinding(LabelledAmount amount, FindingKind kind, LabelledItem item) {
    MoneyAmount money = new MoneyAmount(amount.amountUsd(), "USD", "label of " + item.id());
    return new Finding(amount.company(), kind, money, amount.amountUsd(), null, item.title(), false);
  }

  @Test
  void detectorMeetsPrecisionAndRecallTargets() {
    Detector detector = Detector.withDefaults();
    Map<String, List<PredictedFinding>> predictions = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (LabelledItem item : corpus.value()) {
      try {
        List<Finding> findings = detector.detect(item.toFeedItem());
        predictions.put(item.id(), findings.stream().map(PredictedFinding::of).toList());
      } catch (RuntimeException e) {
        // One broken item must not hide the score of the others.
        failures.add(item.id() + ": detector threw " + e);
      }
    }
    ScoreReport report = Scorer.score(corpus.value(), predictions);
    System.out.println(report.format());
    failures.forEach(f -> System.out.println("DETECTOR ERROR " + f));

    assertTrue(failures.isEmpty(), "detector failed on items:\n" + String.join("\n", failures));
    assertTrue(report.predictedAnnouncements() > 0, "the detector predicted no announcement at all");
    assertTrue(report.precision() >= TARGET,
        String.format("precision %.3f below %.2f (%d false alarms, see report above)",
            report.precision(), TARGET, report.falseAlarms().size()));
    assertTrue(report.recall() >= TARGET,
        String.format("recall %.3f below %.2f (%d misses, see report above)",
            report.recall(), TARGET, report.misses().size()));
  }
}
