package com.capexalerts.core.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of {@link Scorer#score}: counts, precision and recall of announcements, and every miss and false alarm
 * with enough context (item id, title, company, amount, evidence) to judge it by eye.
 */
public record ScoreReport(
    int items,
    int labelledAnnouncements,
    int predictedAnnouncements,
    int truePositives,
    List<Miss> misses,
    List<FalseAlarm> falseAlarms,
    MentionAgreement mentions,
    List<String> unknownPredictionIds) {

  public ScoreReport {
    misses = List.copyOf(misses);
    falseAlarms = List.copyOf(falseAlarms);
    unknownPredictionIds = List.copyOf(unknownPredictionIds);
  }

  /** A labelled announcement no prediction matched; {@code sameCompany} is what was predicted for that company. */
  public record Miss(LabelledItem item, LabelledAmount expected, List<PredictedFinding> sameCompany) {
    public Miss {
      sameCompany = List.copyOf(sameCompany);
    }
  }

  /** A predicted announcement no label matched, and the most likely reason. */
  public record FalseAlarm(LabelledItem item, PredictedFinding finding, String reason) {}

  /** Informal: how many labelled mentions a predicted mention matched (same company, amount within tolerance). */
  public record MentionAgreement(int labelled, int predicted, int agreed) {}

  /** TP / (TP + FP); 1.0 when nothing was predicted (no false alarm possible), reported as such. */
  public double precision() {
    return predictedAnnouncements == 0 ? 1.0 : (double) truePositives / predictedAnnouncements;
  }

  /** TP / (TP + FN); 1.0 when nothing was labelled. */
  public double recall() {
    return labelledAnnouncements == 0 ? 1.0 : (double) truePositives / labelledAnnouncements;
  }

  /** The report as text, for a terminal or a test log. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "Announcements: %d items, %d labelled, %d predicted; %d true positives, %d false alarms, %d misses%n",
        items, labelledAnnouncements, predictedAnnouncements, truePositives, falseAlarms.size(), misses.size()));
    out.append(String.format(Locale.ROOT, "Precision %s   Recall %s%n",
        predictedAnnouncements == 0 ? "n/a (nothing predicted)" : String.format(Locale.ROOT, "%.3f", precision()),
        String.format(Locale.ROOT, "%.3f", recall())));
    out.append(String.format(Locale.ROOT,
        "Mentions (informal): %d labelled, %d predicted, %d agree%n",
        mentions.labelled(), mentions.predicted(), mentions.agreed()));

    out.append(String.format(Locale.ROOT, "%nMisses (%d):%n", misses.size()));
    for (Miss miss : misses) {
      out.append(String.format(Locale.ROOT, "  %s  %s %s  | %s%n",
          miss.item().id(), miss.expected().company(), usd(miss.expected().amountUsd()), quote(miss.item().title())));
      if (!miss.item().label().note().isEmpty()) {
        out.append("      label note: ").append(miss.item().label().note()).append('\n');
      }
      if (miss.sameCompany().isEmpty()) {
        out.append("      predicted nothing for ").append(miss.expected().company()).append('\n');
      }
      for (PredictedFinding f : miss.sameCompany()) {
        out.append("      predicted ").append(describe(f)).append('\n');
      }
    }

    out.append(String.format(Locale.ROOT, "%nFalse alarms (%d):%n", falseAlarms.size()));
    for (FalseAlarm alarm : falseAlarms) {
      PredictedFinding f = alarm.finding();
      out.append(String.format(Locale.ROOT, "  %s  %s %s  | %s%n",
          alarm.item().id(), f.company(), usd(f.amountUsd()), quote(alarm.item().title())));
      out.append("      predicted ").append(describe(f)).append('\n');
      out.append("      why: ").append(alarm.reason()).append('\n');
    }

    if (!unknownPredictionIds.isEmpty()) {
      out.append(String.format(Locale.ROOT, "%nPredictions for ids not in the corpus (ignored, %d): %s%n",
          unknownPredictionIds.size(), String.join(", ", unknownPredictionIds)));
    }
    return out.toString();
  }

  private static String describe(PredictedFinding f) {
    String written = f.amount() == null ? "" : " (" + f.amount().toPlainString() + " " + f.currency() + ")";
    String period = f.period() == null ? "" : " period " + quote(f.period());
    return f.kind().wireName() + " " + usd(f.amountUsd()) + written + period + " evidence " + quote(f.evidence());
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }

  /** "$53bn", "$1.5tn", "$700m", "$250k": three significant digits, enough to judge a match by eye. */
  static String usd(BigDecimal amount) {
    record Scale(BigDecimal unit, String suffix) {}
    List<Scale> scales = List.of(
        new Scale(new BigDecimal("1e12"), "tn"),
        new Scale(new BigDecimal("1e9"), "bn"),
        new Scale(new BigDecimal("1e6"), "m"),
        new Scale(new BigDecimal("1e3"), "k"));
    for (Scale scale : scales) {
      if (amount.abs().compareTo(scale.unit()) >= 0) {
        BigDecimal scaled = amount.divide(scale.unit(), new MathContext(3, RoundingMode.HALF_EVEN));
        return "$" + scaled.stripTrailingZeros().toPlainString() + scale.suffix();
      }
    }
    return "$" + amount.stripTrailingZeros().toPlainString();
  }
}
