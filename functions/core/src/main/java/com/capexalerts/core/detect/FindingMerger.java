package com.capexalerts.core.detect;

import com.capexalerts.core.company.Company;
import com.capexalerts.core.ledger.Places;
import com.capexalerts.core.money.MoneyAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Merging candidates into findings.
 *
 * <p>Figures of one company that agree (same amount, or within 2% in dollars) are one finding; a headline figure
 * joins the body figure of the same company closest to it within 15% (headlines round). A finding is a mention if
 * any of its sentences dates it, an announcement if one of them is an unframed commitment of a subject. Its
 * evidence is the most informative sentence (a body sentence over the headline, then one stating a period, then
 * one in the original currency). A headline figure that the body shows to be no commitment (bookings, talks, an
 * estimate), or that the body gives to only one of the companies the headline names together, is dropped. A
 * smaller announced figure of the same company written beside a larger one, or after it, is part of the larger
 * total (a tranche, a country share, "of which", a running total): not a separate finding.
 */
final class FindingMerger {
  private FindingMerger() {}

  /** A headline with these is about a legal payment; its figure repeated in the body is that payment. */
  static final Set<String> LEGAL_WORDS = Lexicon.words("finding-merger/legal-words");

  static List<Finding> merge(ItemContext ctx, List<Candidate> all, Set<Company> subjects, Trace trace) {
    // A headline figure that the body shows to be talks, an estimate or a result is no commitment either.
    List<Candidate> candidates =
        all.stream()
            .filter(c -> c.sent().isTitle ? headlineFigureStands(ctx, c, all) : bodyFigureStands(ctx, c, all))
            .toList();
    if (trace != null && candidates.size() < all.size()) {
      for (Candidate c : all) {
        if (!candidates.contains(c)) {
          trace.decide(c, "merge", "dropped", c.sent().isTitle
              ? "a headline figure the body shows to be no commitment, or gives to only some of the companies named"
              : "the headline says this figure is a legal payment");
        }
      }
    }
    List<List<Candidate>> clusters = new ArrayList<>();
    for (Candidate c : candidates) {
      if (c.sent().isTitle) {
        continue;
      }
      List<Candidate> home = null;
      for (List<Candidate> cl : clusters) {
        if (cl.get(0).company().equals(c.company())
            && cl.stream().anyMatch(o -> sameFigure(o, c, 0.02) && samePlace(o, c))) {
          home = cl;
          break;
        }
      }
      if (home == null) {
        home = new ArrayList<>(2);
        clusters.add(home);
      }
      home.add(c);
    }
    // A headline figure joins the body figure of the same company it is closest to: headlines round.
    for (Candidate c : candidates) {
      if (!c.sent().isTitle) {
        continue;
      }
      List<Candidate> home = null;
      double bestGap = 0.15;
      for (List<Candidate> cl : clusters) {
        if (!cl.get(0).company().equals(c.company())) {
          continue;
        }
        for (Candidate o : cl) {
          // "$8bn" in a headline over "£8 billion" in the body: the same figure, sloppily labelled
          double gap = o.money().amount().value().compareTo(c.money().amount().value()) == 0 ? 0 : gap(o, c);
          if (gap < bestGap || (home == null && gap <= bestGap)) {
            bestGap = gap;
            home = cl;
          }
        }
      }
      if (home == null) {
        home = new ArrayList<>(2);
        clusters.add(home);
      }
      home.add(c);
    }
    clusters.sort(Comparator.comparingInt(cl -> cl.stream().mapToInt(c -> c.sent().index * 100_000 + c.position()).min().orElse(0)));
    List<FindingKind> kinds = new ArrayList<>(clusters.size());
    for (List<Candidate> cl : clusters) {
      // The headline tells the news in the present ("Meta invests $14.3B for 49% of Scale AI"); the body's past
      // tense ("has completed", "has set aside") then reports the same news, not an earlier commitment.
      boolean headlineNews = cl.stream().anyMatch(c -> c.sent().isTitle && !c.old() && !c.weak());
      boolean old = cl.stream().anyMatch(c -> c.old() && !(headlineNews && c.tenseOnly()));
      boolean strong = cl.stream().anyMatch(c -> !c.weak());
      kinds.add(subjects.contains(cl.get(0).company()) && !old && strong ? FindingKind.ANNOUNCEMENT : FindingKind.MENTION);
    }
    String[] dropped = partsAndShares(clusters, kinds);
    List<Finding> out = new ArrayList<>(clusters.size());
    for (int i = 0; i < clusters.size(); i++) {
      if (dropped[i] == null) {
        out.add(finding(clusters.get(i), kinds.get(i)));
        if (trace != null) {
          explainFinding(trace, clusters.get(i), out.size(), out.getLast());
        }
      } else if (trace != null) {
        for (Candidate c : clusters.get(i)) {
          trace.decide(c, "merge", "dropped", dropped[i]);
        }
      }
    }
    return out;
  }

  /** Which finding each figure of a cluster became, and whether its sentence is the evidence. */
  private static void explainFinding(Trace trace, List<Candidate> cluster, int number, Finding f) {
    for (Candidate c : cluster) {
      String how = cluster.size() == 1
          ? "its own finding"
          : "merged with " + (cluster.size() - 1) + " other figure(s) of " + f.company()
              + " (same company, within 2%; a headline figure joins the closest within 15%)";
      boolean evidence = c.sent().text.equals(f.evidence());
      trace.decide(c, "merge", "finding #" + number + " (" + f.kind().name().toLowerCase(java.util.Locale.ROOT) + ")",
          how + (evidence ? "; its sentence is the evidence" : ""));
    }
  }

  /** The headline says what a body figure is ("agrees to pay $1.5 billion to settle a lawsuit"): then it is not. */
  static boolean bodyFigureStands(ItemContext ctx, Candidate c, List<Candidate> all) {
    boolean headlineDropsIt = ctx.titleDropped.stream().anyMatch(usd -> gap(usd, c.usd()) <= 0.02);
    return !headlineDropsIt || all.stream().anyMatch(h -> h.sent().isTitle && gap(h, c) <= 0.02);
  }

  /**
   * A headline figure stands unless the body shows it to be talks, an estimate or a result, or gives the same
   * figure to only some of the companies the headline names together ("SoftBank, OpenAI form venture with $3
   * billion budget" when the body says SoftBank will spend it).
   */
  static boolean headlineFigureStands(ItemContext ctx, Candidate c, List<Candidate> all) {
    if (c.shared() && Subjects.titleRaisesMoney(ctx)) {
      return false; // "OpenAI lines up $110bn from Amazon, Nvidia and SoftBank": the round, no backer's own figure
    }
    boolean inBody = all.stream().anyMatch(b -> !b.sent().isTitle && b.company().equals(c.company()) && gap(b, c) <= 0.15);
    if (inBody) {
      return true;
    }
    if (ctx.rejectedFigures.stream().anyMatch(usd -> gap(usd, c.usd()) <= 0.15)) {
      return false; // the body tells what the headline's figure is, and it is no commitment
    }
    return !c.shared() || all.stream().noneMatch(b -> !b.sent().isTitle && gap(b, c) <= 0.15);
  }

  /**
   * "Amazon and Microsoft unveil $52.5bn for India" over a body giving each its own, smaller figure, even one it
   * reads as a restatement: a headline-only joint cluster is no one company's. Any kind of body cluster counts.
   */
  static boolean jointHeadlineOverOwn(List<List<Candidate>> clusters, int i) {
    List<Candidate> a = clusters.get(i);
    if (!a.stream().allMatch(c -> c.sent().isTitle)) {
      return false;
    }
    Company company = a.get(0).company();
    for (int j = 0; j < clusters.size(); j++) {
      if (j != i && clusters.get(j).stream().anyMatch(c -> !c.shared() && !c.sent().isTitle
          && c.company().equals(company) && c.usd().compareTo(a.get(0).usd()) < 0)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Which announcement clusters are not separate commitments: a joint figure for a company that states its own
   * amount elsewhere, or a smaller figure of the same company written beside or after a larger one. Per cluster: why
   * it is dropped, or null when it stands.
   */
  static String[] partsAndShares(List<List<Candidate>> clusters, List<FindingKind> kinds) {
    String[] dropped = new String[clusters.size()];
    for (int i = 0; i < clusters.size(); i++) {
      if (kinds.get(i) != FindingKind.ANNOUNCEMENT) {
        continue;
      }
      List<Candidate> a = clusters.get(i);
      Company company = a.get(0).company();
      // a restated figure that joined the cluster ("Microsoft, which has put more than $13 billion into OpenAI")
      // does not make the headline's joint figure the company's own
      List<Candidate> asserted = a.stream().filter(c -> !c.old() && !c.weak()).toList();
      boolean shared = (asserted.isEmpty() ? a : asserted).stream().allMatch(Candidate::shared);
      if (shared && jointHeadlineOverOwn(clusters, i)) {
        dropped[i] = "a joint figure for a company that states its own amount elsewhere";
        continue;
      }
      for (int j = 0; j < clusters.size(); j++) {
        if (j == i || kinds.get(j) != FindingKind.ANNOUNCEMENT || !clusters.get(j).get(0).company().equals(company)) {
          continue;
        }
        List<Candidate> b = clusters.get(j);
        boolean bOwn = b.stream().anyMatch(c -> !c.shared());
        if (shared && bOwn) {
          dropped[i] = "a joint figure for a company that states its own amount elsewhere";
          break;
        }
        // a company's own amount is no part of a joint figure that the partners' own amounts add up to ("Microsoft
        // and Nvidia to invest up to $15 billion ... Nvidia up to $10 billion and Microsoft up to $5 billion")
        boolean split = !shared && !bOwn && isSplit(b, clusters, kinds);
        if (b.get(0).usd().compareTo(a.get(0).usd()) > 0 && (!shared || !bOwn) && !split && isPartOf(a, b)) {
          dropped[i] = "part of a larger total of the same company";
          break;
        }
        if (incrementOf(a, b, clusters, kinds)) {
          dropped[i] = "the increment of a raise whose new total the item states";
          break;
        }
      }
    }
    return dropped;
  }

  /**
   * The joint figure of cluster b is the sum of its partners' own amounts: the companies that share b's figure
   * state own announced amounts that add up to it (within 5 %).
   */
  static boolean isSplit(List<Candidate> b, List<List<Candidate>> clusters, List<FindingKind> kinds) {
    BigDecimal joint = b.get(0).usd();
    Set<Company> partners = new java.util.HashSet<>();
    for (List<Candidate> cl : clusters) {
      if (cl.stream().allMatch(Candidate::shared) && gap(cl.get(0).usd(), joint) <= 0.02) {
        partners.add(cl.get(0).company());
      }
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < clusters.size(); k++) {
      List<Candidate> cl = clusters.get(k);
      if (kinds.get(k) == FindingKind.ANNOUNCEMENT && partners.contains(cl.get(0).company())
          && cl.stream().anyMatch(c -> !c.shared()) && cl.get(0).usd().compareTo(joint) < 0) {
        sum = sum.add(cl.get(0).usd());
      }
    }
    return partners.size() > 1 && sum.signum() > 0 && gap(sum, joint) <= 0.05;
  }

  /**
   * "Alphabet adds $10 billion to this year's capex plan" over "raised it to about $85 billion from $75 billion": a
   * is the difference between b and an earlier figure of the same company that the item gives as a mention.
   */
  static boolean incrementOf(List<Candidate> a, List<Candidate> b, List<List<Candidate>> clusters,
      List<FindingKind> kinds) {
    BigDecimal inc = a.get(0).usd();
    BigDecimal total = b.get(0).usd();
    if (total.compareTo(inc) <= 0) {
      return false;
    }
    for (int k = 0; k < clusters.size(); k++) {
      List<Candidate> old = clusters.get(k);
      if (kinds.get(k) != FindingKind.MENTION || !old.get(0).company().equals(a.get(0).company())) {
        continue;
      }
      BigDecimal diff = total.subtract(old.get(0).usd());
      if (diff.signum() > 0 && gap(diff, inc) <= 0.05) {
        return true;
      }
    }
    return false;
  }

  /** a is part of the larger b: written in the same body sentence, or first written after b. */
  static boolean isPartOf(List<Candidate> a, List<Candidate> b) {
    Candidate firstA = firstBody(a);
    Candidate firstB = firstBody(b);
    if (firstA == null || firstB == null) {
      return firstA == null && a.stream().anyMatch(x -> b.stream().anyMatch(y -> y.sent() == x.sent()));
    }
    for (Candidate x : a) {
      for (Candidate y : b) {
        if (!x.sent().isTitle && x.sent() == y.sent()) {
          return true;
        }
      }
    }
    return firstA.sent().index > firstB.sent().index;
  }

  static Candidate firstBody(List<Candidate> cl) {
    for (Candidate c : cl) {
      if (!c.sent().isTitle) {
        return c;
      }
    }
    return null;
  }

  static Finding finding(List<Candidate> cl, FindingKind kind) {
    Company company = cl.get(0).company();
    Candidate best =
        cl.stream()
            .filter(c -> kind == FindingKind.MENTION || !c.weak())
            .max(
                Comparator.comparingInt((Candidate c) -> c.sent().isTitle ? 0 : 1)
                    .thenComparingInt(c -> c.period() != null ? 1 : 0)
                    .thenComparingInt(c -> c.money().amount().currency().equals("USD") ? 0 : 1)
                    .thenComparingInt(c -> -c.sent().index))
            .orElse(cl.get(0));
    BigDecimal usd = best.usd();
    if (best.money().statedUsd() == null && !best.money().amount().currency().equals("USD")) {
      for (Candidate c : cl) {
        if (c.money().amount().currency().equals("USD") && gap(c.usd(), best.usd()) <= 0.15) {
          usd = c.money().amount().value(); // a dollar figure the item itself states beats our rate table
          break;
        }
      }
    }
    String period = best.period();
    if (period == null) {
      period = cl.stream().map(Candidate::period).filter(p -> p != null).findFirst().orElse(null);
    }
    boolean raise = cl.stream().anyMatch(Candidate::raise);
    boolean increment = cl.stream().anyMatch(c -> Framing.increment(c.money()));
    return new Finding(company.name(), kind, best.money().amount(), usd, period, best.sent().text, raise, increment);
  }

  /** Equal figures for places that share nothing (Georgia, and Indiana last spring) are two pledges. */
  static boolean samePlace(Candidate a, Candidate b) {
    String company = a.company().name();
    return a.sent() == b.sent()
        || !Places.disjoint(Places.in(a.sent().text, company), Places.in(b.sent().text, company));
  }

  static boolean sameFigure(Candidate a, Candidate b, double tolerance) {
    return gap(a, b) <= tolerance;
  }

  /** Relative difference of two figures in dollars; 0 when written the same. */
  static double gap(Candidate a, Candidate b) {
    MoneyAmount x = a.money().amount();
    MoneyAmount y = b.money().amount();
    if (x.currency().equals(y.currency()) && x.value().compareTo(y.value()) == 0) {
      return 0;
    }
    return gap(a.usd(), b.usd());
  }

  static double gap(BigDecimal a, BigDecimal b) {
    BigDecimal max = a.max(b);
    if (max.signum() == 0) {
      return 1;
    }
    return a.subtract(b).abs().divide(max, 4, RoundingMode.HALF_UP).doubleValue();
  }
}
