package com.capexalerts.core.alert;

import com.capexalerts.core.detect.Finding;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a finding is an event already stored, a raise of one, or a new event.
 *
 * <p>Same event: same company, USD amounts within {@code tolerance} of each other (the difference is at most
 * tolerance times the smaller amount, so the rule is symmetric) and publication times at most {@code window}
 * apart, both edges included.
 *
 * <p>The poller now decides with {@link com.capexalerts.core.ledger.LedgerMatcher} against commitments of any age;
 * it keeps this class for the window within which stored events are consulted besides the ledger.
 */
public final class EventMatcher {
  /** What to do with a finding. */
  public sealed interface Decision {
    /** Another source of a stored event: add the source, no alert. */
    record SameEvent(Announcement event) implements Decision {}

    /** A new event; {@code updates} is the earlier event it raises, or null for a plain announcement. */
    record NewEvent(AnnouncementKind kind, EventKey updates) implements Decision {}
  }

  private final BigDecimal tolerance;
  private final Duration window;

  public EventMatcher(BigDecimal tolerance, Duration window) {
    Objects.requireNonNull(tolerance, "tolerance");
    Objects.requireNonNull(window, "window");
    if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("tolerance must be in [0, 1), was " + tolerance.toPlainString());
    }
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative, was " + window);
    }
    this.tolerance = tolerance;
    this.window = window;
  }

  public Duration window() {
    return window;
  }

  /**
   * @param finding   an announcement finding
   * @param published when its item was published
   * @param known     stored events of the finding's company (others are ignored), any order
   */
  public Decision decide(Finding finding, Instant published, List<Announcement> known) {
    List<Announcement> inWindow = known.stream()
        .filter(a -> a.company().equalsIgnoreCase(finding.company()))
        .filter(a -> withinWindow(a.published(), published))
        .toList();
    Optional<Announcement> same = inWindow.stream()
        .filter(a -> sameAmount(a.amountUsd(), finding.amountUsd()))
        .min(Comparator.comparing((Announcement a) -> a.amountUsd().subtract(finding.amountUsd()).abs())
            .thenComparing(Announcement::published)
            .thenComparing(a -> a.key().value()));
    if (same.isPresent()) {
      return new Decision.SameEvent(same.get());
    }
    if (finding.raise()) {
      Optional<Announcement> earlier = inWindow.stream()
          .filter(a -> !a.published().isAfter(published))
          .max(Comparator.comparing(Announcement::published).thenComparing(a -> a.key().value()));
      if (earlier.isPresent()) {
        return new Decision.NewEvent(AnnouncementKind.UPDATE, earlier.get().key());
      }
    }
    return new Decision.NewEvent(AnnouncementKind.ANNOUNCEMENT, null);
  }

  /** |a - b| <= tolerance * min(a, b). */
  public boolean sameAmount(BigDecimal a, BigDecimal b) {
    BigDecimal smaller = a.min(b);
    return a.subtract(b).abs().compareTo(smaller.multiply(tolerance)) <= 0;
  }

  public boolean withinWindow(Instant a, Instant b) {
    return Duration.between(a, b).abs().compareTo(window) <= 0;
  }
}
