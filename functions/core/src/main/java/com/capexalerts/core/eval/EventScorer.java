package com.capexalerts.core.eval;

import com.capexalerts.core.feed.Links;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Scores the alerts of a replayed labelled corpus at the level of events: is each alert the right, first alert of a
 * real commitment?
 *
 * <p>A <em>commitment</em> is a cluster of labelled announcements across items, taken in publication order: same
 * company, USD within {@link #SAME_COMMITMENT} (8 %) of the cluster's first announcement. Retellings give nearly the
 * same figure; a raise (65 → 72, 75 → 85) is news of its own and so its own commitment. Two different pledges of one
 * company within 8 % of each other are taken for one (rare; it makes the score stricter, not kinder). An alert comes
 * from the item its link names. It is
 * <ul>
 *   <li><b>right</b> when that item labels an announcement of the alert's company within {@link #MATCH} (±25 %) of
 *       the alert's USD, and that announcement's commitment had no alert before;</li>
 *   <li><b>repeat</b> when the matched commitment was already alerted, or when the item labels no such announcement
 *       but the alert matches (company, ±25 %) a commitment already alerted — a restated old pledge;</li>
 *   <li><b>wrong</b> otherwise.</li>
 * </ul>
 * When the labels name their commitments ({@link LabelledAmount#event()}), those ids decide instead: one commitment
 * per company and id, whatever its figures, and an alert from an item that only mentions an id already alerted is a
 * repeat of it.
 * Precision is right / alerts; event recall is the share of commitments alerted at least once.
 */
public final class EventScorer {
  /** An alert matches a labelled figure within this fraction, as the detector score does. */
  public static final BigDecimal MATCH = new BigDecimal("0.25");
  /** Labelled announcements within this fraction of each other (same company) are one commitment. */
  public static final BigDecimal SAME_COMMITMENT = new BigDecimal("0.08");

  private EventScorer() {}

  /** One alert as `run` prints it. */
  public record Alert(String eventKey, String company, BigDecimal amountUsd, String link, String title) {
    public Alert {
      Objects.requireNonNull(company, "company");
      Objects.requireNonNull(amountUsd, "amountUsd");
    }
  }

  public enum Verdict { RIGHT, REPEAT, WRONG }

  /**
   * One scored alert; {@code commitment} is the matched commitment's label (company and first USD) or null;
   * {@code labelled} is true when the alert's own item labels that announcement (a retelling, a raise, or a
   * different pledge of a similar amount), false for a repeat from an item that labels none (a restated pledge).
   */
  public record ScoredAlert(Alert alert, Verdict verdict, String itemId, String commitment, boolean labelled) {}

  /** The result. */
  public record Report(List<ScoredAlert> alerts, int commitments, int commitmentsAlerted,
      List<String> missedCommitments) {
    public long count(Verdict v) {
      return alerts.stream().filter(a -> a.verdict() == v).count();
    }

    public double precision() {
      return alerts.isEmpty() ? 1.0 : (double) count(Verdict.RIGHT) / alerts.size();
    }

    public double eventRecall() {
      return commitments == 0 ? 1.0 : (double) commitmentsAlerted / commitments;
    }

    public String format() {
      StringBuilder b = new StringBuilder();
      for (ScoredAlert s : alerts) {
        boolean restatedPledge = s.verdict() == Verdict.REPEAT && !s.labelled();
        String verdict = s.verdict().name().toLowerCase(Locale.ROOT) + (restatedPledge ? "*" : "");
        b.append(String.format(Locale.ROOT, "%-7s %-10s %8s  %s  %s%s%n", verdict,
            s.alert().company(), billions(s.alert().amountUsd()), s.itemId() == null ? "?" : s.itemId(),
            s.alert().eventKey() == null ? "" : s.alert().eventKey(),
            s.commitment() == null ? "" : "  (" + s.commitment() + ")"));
      }
      for (String missed : missedCommitments) {
        b.append("missed ").append(missed).append('\n');
      }
      long restated = alerts.stream().filter(a -> a.verdict() == Verdict.REPEAT && !a.labelled()).count();
      b.append(String.format(Locale.ROOT,
          "alerts %d  right %d  wrong %d  repeats %d (%d from items labelling no announcement)  precision %.3f"
              + "  event recall %.3f (%d/%d commitments)",
          alerts.size(), count(Verdict.RIGHT), count(Verdict.WRONG), count(Verdict.REPEAT), restated, precision(),
          eventRecall(), commitmentsAlerted, commitments));
      return b.toString();
    }
  }

  /** A cluster of labelled announcements. */
  private static final class Commitment {
    final String company;
    final BigDecimal firstUsd;
    final String firstItem;
    final String event;
    boolean alerted;

    Commitment(String company, BigDecimal firstUsd, String firstItem, String event) {
      this.company = company;
      this.firstUsd = firstUsd;
      this.firstItem = firstItem;
      this.event = event;
    }

    String label() {
      return company + " " + billions(firstUsd) + " first in " + firstItem + (event == null ? "" : " [" + event + "]");
    }
  }

  /**
   * @param corpus the labelled items (any order; clustered in publication order)
   * @param alerts the alerts in the order they were published
   */
  public static Report score(List<LabelledItem> corpus, List<Alert> alerts) {
    List<LabelledItem> ordered = new ArrayList<>(corpus);
    ordered.sort(LabelledItem.PUBLICATION_ORDER);
    List<Commitment> commitments = new ArrayList<>();
    // item id -> (index of announcement -> commitment)
    Map<String, List<Map.Entry<LabelledAmount, Commitment>>> byItem = new HashMap<>();
    Map<String, LabelledItem> byLink = new HashMap<>();
    Map<String, Commitment> byEvent = new HashMap<>();
    for (LabelledItem item : ordered) {
      if (item.link() != null) {
        byLink.putIfAbsent(Links.canonicalOrAsIs(item.link()), item);
      }
      List<Map.Entry<LabelledAmount, Commitment>> own = new ArrayList<>();
      for (LabelledAmount a : item.label().announcements()) {
        Commitment c = a.event() != null
            ? byEvent.get(eventKey(a))
            : commitments.stream()
                .filter(k -> k.event == null && k.company.equalsIgnoreCase(a.company()))
                .filter(k -> a.acceptedUsd().stream().anyMatch(usd -> within(k.firstUsd, usd, SAME_COMMITMENT)))
                .min(Comparator.comparing(k -> k.firstUsd.subtract(a.amountUsd()).abs()))
                .orElse(null);
        if (c == null) {
          c = new Commitment(a.company(), a.amountUsd(), item.id(), a.event());
          commitments.add(c);
          if (a.event() != null) {
            byEvent.put(eventKey(a), c);
          }
        }
        own.add(Map.entry(a, c));
      }
      byItem.put(item.id(), own);
    }

    List<ScoredAlert> scored = new ArrayList<>();
    for (Alert alert : alerts) {
      LabelledItem item = alert.link() == null ? null : byLink.get(Links.canonicalOrAsIs(alert.link()));
      Commitment matched = null;
      if (item != null) {
        matched = byItem.getOrDefault(item.id(), List.of()).stream()
            .filter(e -> e.getKey().company().equalsIgnoreCase(alert.company()))
            .filter(e -> e.getKey().acceptedUsd().stream().anyMatch(usd -> within(usd, alert.amountUsd(), MATCH)))
            .min(Comparator.comparing(e -> e.getKey().amountUsd().subtract(alert.amountUsd()).abs()))
            .map(Map.Entry::getValue)
            .orElse(null);
      }
      Verdict verdict;
      boolean labelled = matched != null;
      if (matched != null) {
        verdict = matched.alerted ? Verdict.REPEAT : Verdict.RIGHT;
        matched.alerted = true;
      } else {
        // a restated pledge: the item mentions a commitment already alerted (by its id when labelled with one)
        List<LabelledAmount> named = item == null ? List.of() : item.label().mentions().stream()
            .filter(a -> a.event() != null && a.company().equalsIgnoreCase(alert.company()))
            .filter(a -> a.acceptedUsd().stream().anyMatch(usd -> within(usd, alert.amountUsd(), MATCH)))
            .toList();
        matched = named.stream()
            .map(a -> byEvent.get(eventKey(a)))
            .filter(k -> k != null && k.alerted)
            .findFirst().orElse(null);
        if (matched == null && named.isEmpty()) { // the item names the mentioned commitment: no guessing by figure
          matched = commitments.stream()
              .filter(k -> k.alerted && k.company.equalsIgnoreCase(alert.company()))
              .filter(k -> within(k.firstUsd, alert.amountUsd(), MATCH))
              .findFirst().orElse(null);
        }
        verdict = matched != null ? Verdict.REPEAT : Verdict.WRONG;
      }
      scored.add(new ScoredAlert(alert, verdict, item == null ? null : item.id(),
          matched == null ? null : matched.label(), labelled));
    }
    Set<Commitment> seen = new HashSet<>();
    List<String> missed = new ArrayList<>();
    int alerted = 0;
    for (Commitment c : commitments) {
      if (seen.add(c) && c.alerted) {
        alerted++;
      } else if (!c.alerted) {
        missed.add(c.label());
      }
    }
    return new Report(List.copyOf(scored), commitments.size(), alerted, List.copyOf(missed));
  }

  private static String eventKey(LabelledAmount a) {
    return a.company().toLowerCase(Locale.ROOT) + "|" + a.event();
  }

  /** |a - b| <= fraction * min(a, b). */
  static boolean within(BigDecimal a, BigDecimal b, BigDecimal fraction) {
    return a.subtract(b).abs().compareTo(a.min(b).multiply(fraction)) <= 0;
  }

  static String billions(BigDecimal usd) {
    return "$" + usd.divide(new BigDecimal("1e9"), 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "B";
  }
}
