package com.capexalerts.core.eval;

import com.capexalerts.core.detect.FindingKind;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores predicted findings against the labelled corpus.
 *
 * <p>Per item, a predicted announcement is a true positive when the item's label has an announcement of the same
 * company (exact canonical name) whose amount_usd (or one of its {@link LabelledAmount#alternativesUsd()}) is within
 * {@link #AMOUNT_TOLERANCE} of the predicted amount_usd, relative to the labelled amount. Each labelled announcement
 * matches at most one prediction and vice versa; the pairing maximises the number of matches (so a loose pairing
 * never steals a label another prediction needs), and prefers the closest amounts. A prediction closer to a labelled
 * mention of the same company than to its announcement counts as that mention (the old figure of a raise), not as a
 * match. Unmatched predictions are false alarms, unmatched labels are misses. Mentions are paired the same way and
 * reported informally.
 */
public final class Scorer {
  /** Rate tables differ between the labeller and the detector (and over time), hence the slack. */
  public static final BigDecimal AMOUNT_TOLERANCE = new BigDecimal("0.25");

  private Scorer() {}

  /**
   * @param items       the labelled corpus
   * @param predictions predicted findings per item id; an item with no entry had no findings; entries for ids not
   *                    in the corpus are listed in the report, not scored
   */
  public static ScoreReport score(List<LabelledItem> items, Map<String, List<PredictedFinding>> predictions) {
    int labelledAnnouncements = 0;
    int predictedAnnouncements = 0;
    int truePositives = 0;
    int labelledMentions = 0;
    int predictedMentions = 0;
    int agreedMentions = 0;
    List<ScoreReport.Miss> misses = new ArrayList<>();
    List<ScoreReport.FalseAlarm> falseAlarms = new ArrayList<>();
    Set<String> corpusIds = new HashSet<>();

    for (LabelledItem item : items) {
      corpusIds.add(item.id());
      List<PredictedFinding> predicted = predictions.getOrDefault(item.id(), List.of());
      List<PredictedFinding> announced = ofKind(predicted, FindingKind.ANNOUNCEMENT);
      List<PredictedFinding> mentioned = ofKind(predicted, FindingKind.MENTION);
      List<LabelledAmount> expected = item.label().announcements();

      int[] labelOfPrediction = match(announced, expected, item.label().mentions());
      boolean[] labelMatched = new boolean[expected.size()];
      for (int p = 0; p < announced.size(); p++) {
        if (labelOfPrediction[p] >= 0) {
          labelMatched[labelOfPrediction[p]] = true;
          truePositives++;
        } else {
          falseAlarms.add(new ScoreReport.FalseAlarm(item, announced.get(p), whyFalse(announced.get(p), item)));
        }
      }
      for (int l = 0; l < expected.size(); l++) {
        if (!labelMatched[l]) {
          String company = expected.get(l).company();
          misses.add(
              new ScoreReport.Miss(
                  item, expected.get(l), predicted.stream().filter(f -> f.company().equals(company)).toList()));
        }
      }
      labelledAnnouncements += expected.size();
      predictedAnnouncements += announced.size();

      int[] mentionPairs = match(mentioned, item.label().mentions(), expected);
      agreedMentions += (int) Arrays.stream(mentionPairs).filter(l -> l >= 0).count();
      labelledMentions += item.label().mentions().size();
      predictedMentions += mentioned.size();
    }

    List<String> unknownIds = predictions.keySet().stream().filter(id -> !corpusIds.contains(id)).sorted().toList();
    return new ScoreReport(
        items.size(),
        labelledAnnouncements,
        predictedAnnouncements,
        truePositives,
        misses,
        falseAlarms,
        new ScoreReport.MentionAgreement(labelledMentions, predictedMentions, agreedMentions),
        unknownIds);
  }

  /** True when a predicted amount is close enough to a labelled one to be the same figure. */
  public static boolean amountsAgree(BigDecimal predictedUsd, BigDecimal labelledUsd) {
    return predictedUsd.subtract(labelledUsd).abs().compareTo(labelledUsd.multiply(AMOUNT_TOLERANCE)) <= 0;
  }

  private static List<PredictedFinding> ofKind(List<PredictedFinding> findings, FindingKind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /**
   * Maximum bipartite matching (augmenting paths; the sets per item are tiny). Returns, per prediction, the index of
   * its labelled amount or -1. Candidates are tried closest amount first, so ties resolve deterministically.
   *
   * @param otherKind the item's labelled figures of the other kind: a prediction closer to one of these (same
   *                  company) than to a candidate is that other figure, not the candidate. Without this, reporting the
   *                  old $65bn of "raised from $65bn to $72bn" would pass as the new figure, being within 25% of it.
   */
  static int[] match(List<PredictedFinding> predicted, List<LabelledAmount> labelled, List<LabelledAmount> otherKind) {
    List<List<Integer>> candidates = new ArrayList<>();
    for (PredictedFinding p : predicted) {
      BigDecimal closestOther = otherKind.stream()
          .filter(o -> o.company().equals(p.company()))
          .map(o -> closestGap(p.amountUsd(), o))
          .min(Comparator.naturalOrder())
          .orElse(null);
      List<Integer> fits = new ArrayList<>();
      for (int l = 0; l < labelled.size(); l++) {
        LabelledAmount label = labelled.get(l);
        if (label.company().equals(p.company())
            && label.acceptedUsd().stream().anyMatch(usd -> amountsAgree(p.amountUsd(), usd))
            && (closestOther == null || closestGap(p.amountUsd(), label).compareTo(closestOther) <= 0)) {
          fits.add(l);
        }
      }
      fits.sort(Comparator.comparing((Integer l) -> closestGap(p.amountUsd(), labelled.get(l))).thenComparing(l -> l));
      candidates.add(fits);
    }
    int[] predictionOfLabel = new int[labelled.size()];
    Arrays.fill(predictionOfLabel, -1);
    for (int p = 0; p < predicted.size(); p++) {
      augment(p, candidates, predictionOfLabel, new boolean[labelled.size()]);
    }
    int[] labelOfPrediction = new int[predicted.size()];
    Arrays.fill(labelOfPrediction, -1);
    for (int l = 0; l < predictionOfLabel.length; l++) {
      if (predictionOfLabel[l] >= 0) {
        labelOfPrediction[predictionOfLabel[l]] = l;
      }
    }
    return labelOfPrediction;
  }

  private static boolean augment(int p, List<List<Integer>> candidates, int[] predictionOfLabel, boolean[] visited) {
    for (int l : candidates.get(p)) {
      if (visited[l]) {
        continue;
      }
      visited[l] = true;
      if (predictionOfLabel[l] < 0 || augment(predictionOfLabel[l], candidates, predictionOfLabel, visited)) {
        predictionOfLabel[l] = p;
        return true;
      }
    }
    return false;
  }

  private static BigDecimal closestGap(BigDecimal predicted, LabelledAmount label) {
    return label.acceptedUsd().stream()
        .map(usd -> predicted.subtract(usd).abs().divide(usd, MathContext.DECIMAL64))
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  private static String whyFalse(PredictedFinding finding, LabelledItem item) {
    List<String> announced = amountsOf(item.label().announcements(), finding.company());
    List<String> mentioned = amountsOf(item.label().mentions(), finding.company());
    if (!announced.isEmpty()) {
      String alsoMentioned = mentioned.isEmpty() ? ""
          : "; it also mentions " + String.join(", ", mentioned) + " (a prediction closer to a mention is the mention)";
      return "label announces " + String.join(", ", announced) + " for " + finding.company()
          + " (amount outside ±25%, or already matched by another prediction" + alsoMentioned + ")";
    }
    if (!mentioned.isEmpty()) {
      return "labelled as a mention (" + String.join(", ", mentioned) + "), not an announcement";
    }
    return "no labelled figure for " + finding.company();
  }

  private static List<String> amountsOf(List<LabelledAmount> amounts, String company) {
    return amounts.stream()
        .filter(a -> a.company().equals(company))
        .map(a -> ScoreReport.usd(a.amountUsd()))
        .toList();
  }
}
