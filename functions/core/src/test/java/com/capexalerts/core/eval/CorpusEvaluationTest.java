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
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The labelled corpora: the development corpus the detector was tuned on, and the held-out corpus written
 * independently in other feed styles (Google News titles, press releases, wire datelines, non-US outlets). Each is
 * checked against its own specification, then the detector is measured on it. The precision and recall targets are
 * the product's acceptance bar (the third held-out corpus keeps a lower recall floor, see {@link Corpus#BLIND3}).
 */
class CorpusEvaluationTest {
  static final double TARGET = 0.95;
  static final int ALL_COMPANIES = 15;

  /**
   * What a corpus file must satisfy.
   *
   * @param minSummary     shortest allowed summary; 0 admits title-only items (empty summary)
   * @param minTitleOnly   at least this many title-only items (the held-out corpus exists to exercise them)
   * @param minOutletTitle at least this many Google News style titles ("Headline - Outlet")
   */
  enum Corpus {
    DEV("/corpus/dev-corpus.jsonl", "dev-\\d{3}", 200, 66, 250, 0, 0, TARGET),
    HOLDOUT("/corpus/holdout-corpus.jsonl", "ho-\\d{3}", 150, 50, 0, 15, 15, TARGET),
    /**
     * Written blind after the newsroom rule; scored 0.759 / 0.863 before the fixes it prompted. Its recall floor is
     * below the product bar on purpose: the misses left (a joint venture whose funders are listed in another
     * sentence, a buyer named only in a quote, a contract expansion given as a change) are documented in the corpus
     * README, and the floor guards what was reached against regressions.
     */
    BLIND3("/corpus/blind3-corpus.jsonl", "b3-\\d{3}", 130, 43, 0, 4, 10, 0.90),
    /** Written blind after the third round of fixes; scored 0.813 / 0.780 before the fixes it prompted. */
    BLIND4("/corpus/blind4-corpus.jsonl", "b4-\\d{3}", 120, 40, 0, 8, 10, 0.90),
    /**
     * Outside the US and the founding Alibaba story, written blind; scored 0.829 / 0.906 before its fixes. It covers
     * fewer companies on purpose: it was written about one region's companies and pledges.
     */
    BLIND6("/corpus/blind6-corpus.jsonl", "b6-\\d{3}", 90, 30, 0, 0, 0, 0.90, 9),
    /** Written blind last in the second round; scored 0.853 / 0.879 blind and kept as a floor since. */
    BLIND5("/corpus/blind5-corpus.jsonl", "b5-\\d{3}", 75, 25, 0, 0, 0, 0.85, 0.87, 12),
    /**
     * Modelled item by item on real published articles (their structure kept, every sentence our own): restated
     * pledges inside stories about something else, banks' forecasts, pooled totals, past-tense news, local dollars.
     * The development set of the real-coverage rules; first scored 0.615 / 0.776.
     */
    REAL_DEV("/corpus/real-dev-corpus.jsonl", "rd-\\d{3}", 150, 60, 0, 0, 0, 0.93, 0.94, 12),
    /**
     * Real-modelled held-out set A, written blind; its first score (0.673 / 0.714, with the first background rule
     * only) was taken before it prompted any change. The floors guard what was reached since.
     */
    REAL_HOLDOUT_A("/corpus/real-holdout-a.jsonl", "ra-\\d{3}", 100, 40, 0, 5, 0, 0.94, 0.92, 12),
    /**
     * Real-modelled held-out set B, other articles than A, sealed until the end of the round and then scored once,
     * blind: 0.804 / 0.712. The floors guard what the rules it then prompted reached.
     */
    REAL_HOLDOUT_B("/corpus/real-holdout-b.jsonl", "rb-\\d{3}", 100, 40, 0, 5, 0, 0.92, 0.92, 12),
    /**
     * Real-modelled held-out set C (120 items, two writers: US companies, and Asia, Europe and pledges abroad), its
     * labels naming each commitment ("event") for the event scorer. Scored once, blind: 0.862 / 0.824; the floors
     * guard what the rules it then prompted reached.
     */
    REAL_HOLDOUT_C("/corpus/real-holdout-c.jsonl", "rc-\\d{3}", 120, 50, 0, 0, 0, 0.95, 0.90, 12),
    /**
     * Real-modelled held-out set D (120 items, two more writers; 2023-2026, trade press, earnings write-ups, market
     * wraps, opinion and analysis pieces, pledges abroad in local currency). Scored once, blind, at the end of the
     * round: 0.731 / 0.778 — the honest estimate for unseen real coverage. The floors guard what its rules reached.
     */
    REAL_HOLDOUT_D("/corpus/real-holdout-d.jsonl", "rx-\\d{3}", 120, 50, 0, 0, 0, 0.88, 0.88, 12),
    /**
     * Real-modelled held-out set E (120 items in the shapes feeds deliver: Google News headlines with their outlet,
     * one-sentence and empty descriptions, newsroom posts, wire datelines), written after D and scored once, blind:
     * 0.864 / 0.797. The floors guard what its rules reached.
     */
    REAL_HOLDOUT_E("/corpus/real-holdout-e.jsonl", "re-\\d{3}", 120, 50, 0, 10, 10, 0.90, 0.90, 12),
    /**
     * Real-modelled held-out set F (100 items, a realistic week of feed news: 40 % about no investment at all),
     * written last and scored once, blind, with the final rules: 0.860 / 0.949. The floors guard what its rules
     * then reached.
     */
    REAL_HOLDOUT_F("/corpus/real-holdout-f.jsonl", "rf-\\d{3}", 100, 30, 0, 0, 0, 0.95, 0.93, 12),
    /**
     * Real-modelled held-out set G (100 items, the same realistic week of feed news from less obvious outlets: local
     * business journals, energy and semiconductor trade press), written after F and scored once, blind, with the
     * final rules: 0.919 / 0.895. It prompted no change; its floors sit a little below that score.
     */
    REAL_HOLDOUT_G("/corpus/real-holdout-g.jsonl", "rg-\\d{3}", 100, 30, 0, 0, 0, 0.90, 0.87, 11),
    /**
     * Real-modelled held-out set H (162 items by four writers: hyperscaler capex in results coverage, AI labs'
     * compute deals and rounds, pledges abroad in local currency, everyday news that restates old pledges), scored
     * once, blind: 0.756 / 0.756. The floors guard what the rules it prompted reached.
     */
    REAL_HOLDOUT_H("/corpus/real-holdout-h.jsonl", "rh-\\d{3}", 160, 65, 0, 15, 15, 0.90, 0.82, 11),
    /**
     * Real-modelled held-out set I (117 items by three writers: Asian companies in English coverage, 2023–2024
     * commitments and their retellings, the shapes feeds deliver), scored once, blind: 0.821 / 0.873.
     */
    REAL_HOLDOUT_I("/corpus/real-holdout-i.jsonl", "ri-\\d{3}", 115, 50, 0, 12, 12, 0.90, 0.92, 12),
    /**
     * Real-modelled held-out set J (102 items by three more writers: 2026 news, chips and power for AI, pledges in
     * Europe, the Middle East, India and Latin America), written after the rules of H and I and scored once, blind,
     * with them: 0.840 / 0.764 — the honest estimate at the end of that round.
     */
    REAL_HOLDOUT_J("/corpus/real-holdout-j.jsonl", "rj-\\d{3}", 100, 45, 0, 10, 0, 0.90, 0.80, 11),
    /**
     * Real-modelled held-out set K (103 items: the shortest feed items, capex guidance changes in results coverage,
     * Japan, Korea, Taiwan, Australia, Canada and New Zealand), written last and scored once, blind, with every rule
     * of the round: 0.843 / 0.860. It has prompted no change; its floors sit a little below that score.
     */
    REAL_HOLDOUT_K("/corpus/real-holdout-k.jsonl", "rk-\\d{3}", 100, 45, 0, 15, 0, 0.82, 0.84, 10),
    /**
     * Chinese-language items (simplified and traditional, mainland, Hong Kong, Taiwan and Singapore outlets), written
     * by a separate writer for the Chinese rules; links on example.cn, summaries of a few sentences.
     */
    ZH_DEV("/corpus/zh-dev-corpus.jsonl", "zd-\\d{3}", 70, 30, 0, 0, 0, 0.90, 12),
    /**
     * Chinese held-out set (links on example.hk), written apart from the Chinese rules; scored once, blind, at
     * 0.727 / 0.960 before it prompted any change, a development set since. The precision floor is what was reached
     * (1.000) less one false alarm.
     */
    ZH_HOLDOUT("/corpus/zh-holdout-corpus.jsonl", "zh-\\d{3}", 45, 20, 0, 0, 0, 0.96, 0.90, 12);

    final String resource;
    final String idPattern;
    final int minItems;
    final int minWithAnnouncement;
    final int minSummary;
    final int minTitleOnly;
    final int minOutletTitle;
    final double precisionFloor;
    final double recallFloor;
    /** Distinct announcing companies the corpus must cover; most sets cover nearly the whole watchlist. */
    final int minCompanies;

    Corpus(String resource, String idPattern, int minItems, int minWithAnnouncement, int minSummary,
        int minTitleOnly, int minOutletTitle, double recallFloor) {
      this(resource, idPattern, minItems, minWithAnnouncement, minSummary, minTitleOnly, minOutletTitle, TARGET,
          recallFloor, ALL_COMPANIES);
    }

    Corpus(String resource, String idPattern, int minItems, int minWithAnnouncement, int minSummary,
        int minTitleOnly, int minOutletTitle, double recallFloor, int minCompanies) {
      this(resource, idPattern, minItems, minWithAnnouncement, minSummary, minTitleOnly, minOutletTitle, TARGET,
          recallFloor, minCompanies);
    }

    Corpus(String resource, String idPattern, int minItems, int minWithAnnouncement, int minSummary,
        int minTitleOnly, int minOutletTitle, double precisionFloor, double recallFloor, int minCompanies) {
      this.minCompanies = minCompanies;
      this.precisionFloor = precisionFloor;
      this.recallFloor = recallFloor;
      this.resource = resource;
      this.idPattern = idPattern;
      this.minItems = minItems;
      this.minWithAnnouncement = minWithAnnouncement;
      this.minSummary = minSummary;
      this.minTitleOnly = minTitleOnly;
      this.minOutletTitle = minOutletTitle;
    }

    /** Distinct announcing companies the corpus must cover. */
    int minCompanies() {
      return minCompanies;
    }

    String fileName() {
      return resource.substring(resource.lastIndexOf('/') + 1);
    }
  }

  /** Canonical watchlist names; labels must use exactly these. */
  static final Set<String> WATCHLIST = Set.of(
      "Alibaba", "Alphabet", "Amazon", "Apple", "Meta", "Microsoft", "Nvidia", "Oracle", "IBM", "Tencent", "Baidu",
      "ByteDance", "Huawei", "Samsung", "SoftBank", "OpenAI", "Anthropic", "xAI", "Tesla");

  /** "Headline - Outlet Name": a Google News title ends with the outlet after a spaced dash. */
  private static final Pattern OUTLET_SUFFIX = Pattern.compile(" - \\p{Lu}[\\p{L}'&.-]*(?: [\\p{L}'&.-]+){0,4}$");

  private static final Map<Corpus, Parsed<List<LabelledItem>>> CORPORA = new EnumMap<>(Corpus.class);

  @BeforeAll
  static void readCorpora() throws IOException {
    for (Corpus c : Corpus.values()) {
      try (InputStream in = CorpusEvaluationTest.class.getResourceAsStream(c.resource)) {
        assertNotNull(in, "corpus resource " + c.resource + " is missing");
        CORPORA.put(c, EvalJson.readCorpus(
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), c.fileName()));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Corpus.class)
  void corpusMeetsItsSpecification(Corpus corpus) {
    Parsed<List<LabelledItem>> parsed = CORPORA.get(corpus);
    List<String> problems = new ArrayList<>(parsed.errors());
    List<LabelledItem> items = parsed.value();
    if (items.size() < corpus.minItems) {
      problems.add("only " + items.size() + " readable items, need at least " + corpus.minItems);
    }
    Set<String> ids = new HashSet<>();
    Set<String> announced = new TreeSet<>();
    int withAnnouncement = 0;
    int titleOnly = 0;
    int outletTitles = 0;
    for (LabelledItem item : items) {
      String id = item.id();
      if (!ids.add(id)) {
        problems.add(id + ": duplicate id");
      }
      if (!id.matches(corpus.idPattern)) {
        problems.add(id + ": id does not match " + corpus.idPattern);
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
      if (length == 0 && corpus.minSummary == 0) {
        titleOnly++;
      } else if (length < Math.max(corpus.minSummary, 1) || length > 1300) {
        problems.add(id + ": summary is " + length + " characters, expected "
            + (corpus.minSummary == 0 ? "empty or up to 1300" : "about 300-1200"));
      }
      if (OUTLET_SUFFIX.matcher(item.title()).find()) {
        outletTitles++;
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
    if (withAnnouncement < corpus.minWithAnnouncement) {
      problems.add("only " + withAnnouncement + " items with announcements, need at least "
          + corpus.minWithAnnouncement);
    }
    if (announced.size() < corpus.minCompanies()) {
      problems.add("only " + announced.size() + " distinct announcing companies " + announced + ", need "
          + corpus.minCompanies());
    }
    if (items.size() - withAnnouncement < items.size() / 2) {
      problems.add("only " + (items.size() - withAnnouncement) + " items without announcements; the corpus needs"
          + " more mentions and hard negatives than positives");
    }
    if (titleOnly < corpus.minTitleOnly) {
      problems.add("only " + titleOnly + " title-only items, need " + corpus.minTitleOnly);
    }
    if (outletTitles < corpus.minOutletTitle) {
      problems.add("only " + outletTitles + " 'Headline - Outlet' titles, need " + corpus.minOutletTitle);
    }
    System.out.printf("%s: %d items, %d with announcements, %d title-only, %d announcing companies %s%n",
        corpus.fileName(), items.size(), withAnnouncement, titleOnly, announced.size(), announced);
    assertEquals(List.of(), problems, corpus.fileName() + " problems:\n" + String.join("\n", problems));
  }

  @Test
  void idsAndLinksAreUniqueAcrossCorpora() {
    // The held-out corpus must not repeat development items: a copied item would measure nothing new.
    Map<String, Corpus> ids = new LinkedHashMap<>();
    Map<String, Corpus> links = new LinkedHashMap<>();
    Map<String, Corpus> titles = new LinkedHashMap<>();
    List<String> clashes = new ArrayList<>();
    for (Corpus c : Corpus.values()) {
      for (LabelledItem item : CORPORA.get(c).value()) {
        Corpus before = ids.putIfAbsent(item.id(), c);
        if (before != null && before != c) {
          clashes.add("id " + item.id() + " in " + before + " and " + c);
        }
        before = item.link() == null ? null : links.putIfAbsent(item.link(), c);
        if (before != null && before != c) {
          clashes.add("link " + item.link() + " in " + before + " and " + c);
        }
        before = titles.putIfAbsent(item.title().toLowerCase(Locale.ROOT), c);
        if (before != null && before != c) {
          clashes.add("title '" + item.title() + "' in " + before + " and " + c);
        }
      }
    }
    assertEquals(List.of(), clashes);
  }

  @ParameterizedTest
  @EnumSource(Corpus.class)
  void labelsReplayedThroughThePredictionsFormatScorePerfectly(Corpus corpus) throws IOException {
    // Guards the corpus against self-contradictory labels and the CLI path (JSON Lines out and back in) against drift.
    List<LabelledItem> items = CORPORA.get(corpus).value();
    StringBuilder lines = new StringBuilder();
    for (LabelledItem item : items) {
      List<Finding> findings = new ArrayList<>();
      item.label().announcements().forEach(a -> findings.add(asFinding(a, FindingKind.ANNOUNCEMENT, item)));
      item.label().mentions().forEach(m -> findings.add(asFinding(m, FindingKind.MENTION, item)));
      lines.append(EvalJson.predictionLine(item.id(), findings)).append('\n');
    }
    Parsed<Map<String, List<PredictedFinding>>> predictions =
        EvalJson.readPredictions(new BufferedReader(new StringReader(lines.toString())), "replayed labels");
    assertEquals(List.of(), predictions.errors());

    ScoreReport report = Scorer.score(items, predictions.value());
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

  @ParameterizedTest
  @EnumSource(Corpus.class)
  void detectorMeetsPrecisionAndRecallTargets(Corpus corpus) {
    Detector detector = Detector.withDefaults();
    List<LabelledItem> items = CORPORA.get(corpus).value();
    Map<String, List<PredictedFinding>> predictions = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (LabelledItem item : items) {
      try {
        List<Finding> findings = detector.detect(item.toFeedItem());
        predictions.put(item.id(), findings.stream().map(PredictedFinding::of).toList());
      } catch (RuntimeException e) {
        // One broken item must not hide the score of the others.
        failures.add(item.id() + ": detector threw " + e);
      }
    }
    ScoreReport report = Scorer.score(items, predictions);
    System.out.println("== " + corpus.fileName() + "\n" + report.format());
    failures.forEach(f -> System.out.println("DETECTOR ERROR " + f));

    assertTrue(failures.isEmpty(), "detector failed on items:\n" + String.join("\n", failures));
    assertTrue(report.predictedAnnouncements() > 0, "the detector predicted no announcement at all");
    assertTrue(report.precision() >= corpus.precisionFloor,
        String.format("%s: precision %.3f below %.2f (%d false alarms, see report above)",
            corpus.fileName(), report.precision(), corpus.precisionFloor, report.falseAlarms().size()));
    assertTrue(report.recall() >= corpus.recallFloor,
        String.format("%s: recall %.3f below %.2f (%d misses, see report above)",
            corpus.fileName(), report.recall(), corpus.recallFloor, report.misses().size()));
  }
}
