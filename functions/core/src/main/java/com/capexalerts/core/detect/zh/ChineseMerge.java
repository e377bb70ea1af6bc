package com.capexalerts.core.detect.zh;

import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.FindingKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The last stage of the Chinese rules: per company, figures that agree are one finding (within 2 %; a headline
 * figure joins the closest body figure within 15 %), a mention when any of its sentences dates it; a headline figure
 * the body drops is dropped; a smaller announced figure beside a larger one, or marked as a part, is part of the
 * total. Evidence is the most informative sentence, quoted as written.
 */
final class ChineseMerge {
  private ChineseMerge() {}


  /** @param trace records each candidate's merge decision when the item is explained; null otherwise */
  static List<Finding> merge(List<ChineseCandidate> all, List<BigDecimal> droppedInBody, ChineseTrace trace) {
    List<ChineseCandidate> kept = new ArrayList<>();
    for (ChineseCandidate c : all) {
      if (c.sent().title() && droppedInBody.stream().anyMatch(d -> close(d, c.usd(), 0.02))
          && all.stream().noneMatch(o -> !o.sent().title() && o.company().equals(c.company()) && close(o.usd(), c.usd(), 0.02))) {
        if (trace != null) {
          trace.decide(c, "merge", "dropped", "the body shows the headline figure to be no commitment");
        }
        continue; // the body shows the headline figure to be no commitment
      }
      kept.add(c);
    }
    List<List<ChineseCandidate>> groups = new ArrayList<>();
    for (ChineseCandidate c : kept) {
      if (!c.sent().title()) {
        join(groups, c, 0.02, false);
      }
    }
    for (ChineseCandidate c : kept) {
      if (c.sent().title()) {
        join(groups, c, 0.15, true); // headlines round: the closest body figure within 15 %
      }
    }
    List<Finding> out = new ArrayList<>();
    for (List<ChineseCandidate> g : groups) {
      boolean dated = g.stream().anyMatch(ChineseCandidate::dated);
      boolean announced = !dated && g.stream().anyMatch(ChineseCandidate::announced);
      if (announced && isPart(g, groups)) {
        if (trace != null) {
          g.forEach(c -> trace.decide(c, "merge", "dropped", "part of a larger figure of " + c.company().name()));
        }
        continue;
      }
      if (trace != null) {
        String kind = announced ? "announcement" : "mention";
        String why = g.size() == 1 ? "" : "one finding of " + g.size() + " figures that agree"
            + (dated && g.stream().anyMatch(c -> !c.dated()) ? "; a mention since one of them is dated" : "");
        g.forEach(c -> trace.decide(c, "merge", kind, why));
      }
      ChineseCandidate best = evidence(g);
      boolean raise = g.stream().anyMatch(ChineseCandidate::raise);
      out.add(new Finding(best.company().name(), announced ? FindingKind.ANNOUNCEMENT : FindingKind.MENTION,
          best.money().amount(), best.usd(), best.period(), evidenceText(best), raise && announced));
    }
    return out;
  }

  private static void join(List<List<ChineseCandidate>> groups, ChineseCandidate c, double tolerance, boolean closest) {
    List<ChineseCandidate> home = null;
    double best = Double.MAX_VALUE;
    for (List<ChineseCandidate> g : groups) {
      if (!g.get(0).company().equals(c.company())) {
        continue;
      }
      for (ChineseCandidate o : g) {
        if (close(o.usd(), c.usd(), tolerance)) {
          double d = o.usd().subtract(c.usd()).abs().doubleValue();
          if (d < best) {
            best = d;
            home = g;
          }
          if (!closest) {
            break;
          }
        }
      }
      if (home != null && !closest) {
        break;
      }
    }
    if (home == null) {
      home = new ArrayList<>();
      groups.add(home);
    }
    home.add(c);
  }

  private static boolean close(BigDecimal a, BigDecimal b, double tolerance) {
    BigDecimal max = a.max(b);
    if (max.signum() == 0) {
      return true;
    }
    return a.subtract(b).abs().divide(max, 6, RoundingMode.HALF_UP).doubleValue() <= tolerance;
  }

  /**
   * A smaller announced figure of the same company in the same sentence as a larger announced one, or marked as
   * a part (其中, 包括, 首笔), is part of that total.
   */
  private static boolean isPart(List<ChineseCandidate> g, List<List<ChineseCandidate>> groups) {
    for (List<ChineseCandidate> o : groups) {
      if (o == g || !o.get(0).company().equals(g.get(0).company())) {
        continue;
      }
      boolean larger = o.stream().anyMatch(x -> x.announced() && x.usd().compareTo(g.get(0).usd()) > 0);
      // A headline figure is a part only when marked so ("首期100億"); a body one also beside a larger one.
      if (larger
          && g.stream()
              .anyMatch(c -> c.part() || !c.sent().title() && o.stream().anyMatch(x -> x.sent() == c.sent()))) {
        return true;
      }
    }
    return false;
  }

  /** The most informative sentence: a body one over the headline, then one with a period, then stated dollars. */
  private static ChineseCandidate evidence(List<ChineseCandidate> g) {
    ChineseCandidate best = null;
    int bestScore = -1;
    for (ChineseCandidate c : g) {
      int score = (c.sent().title() ? 0 : 4) + (c.period() != null ? 2 : 0) + (c.money().statedUsd() != null ? 1 : 0);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }

  private static String evidenceText(ChineseCandidate c) {
    return c.sent().s().original();
  }
}
