package com.capexalerts.core.ledger;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.EventKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a finding is against the known commitments of its company, whatever their age.
 *
 * <p>A finding <em>is</em> a known commitment when, for the same company,
 * <ol>
 *   <li>the USD amounts are within the dedupe tolerance (10 %: |a − b| ≤ 0.10 · min(a, b));</li>
 *   <li>the stated periods are not different ({@link Periods#distinct}: "fiscal 2026" vs "fiscal 2025" are two
 *       commitments; a period stated on one side only says nothing, since restatements drop it);</li>
 *   <li>the places named are not different ({@link Places#disjoint}: $3.3 billion for Wisconsin and $3.2 billion
 *       for Sweden are two pledges; a side naming no place says nothing);</li>
 *   <li>for a seed or mention entry, the finding's item was published at least {@link #SEED_GRACE} after that
 *       entry's day, so a replay of the original coverage still alerts once, and a first report the detector read
 *       as background does not silence the coverage of the following days;</li>
 *   <li>for a mention entry, the amounts are within {@link #MENTION_TOLERANCE} (3 %), and when the mention states no
 *       period the finding states none either;</li>
 *   <li>for an increment ("another $4 billion"), the known commitment was announced less than
 *       {@link #INCREMENT_WINDOW} before: new money of the same size as an old pledge is a new tranche, while the
 *       increment's own retellings follow within days.</li>
 * </ol>
 * Otherwise a finding that raises an earlier plan ({@code raise}), or a larger figure for the same stated period of
 * a known commitment, is an update linked to the latest such commitment; anything else is a new commitment.
 */
public final class LedgerMatcher {
  /** Seed and mention entries protect items published from this long after their day on. */
  public static final Duration SEED_GRACE = Duration.ofDays(3);
  /** A raise must lift the figure by more than this to be an update rather than the raised figure restated. */
  static final BigDecimal RAISE_STEP = new BigDecimal("0.02");
  /**
   * A mention stands for a finding only within this much: a restatement repeats the figure (a currency converted at
   * another rate moves it by a percent or two), while a background figure within 10 % is as often another deal.
   */
  static final BigDecimal MENTION_TOLERANCE = new BigDecimal("0.03");
  /** An increment restates a known commitment only when that was announced this recently. */
  public static final Duration INCREMENT_WINDOW = Duration.ofDays(30);
  /** The same stated period with a figure this much larger is new guidance for it. */
  static final BigDecimal GUIDANCE_STEP = new BigDecimal("0.05");

  /** What a finding is. */
  public sealed interface Decision {
    /** A known commitment restated: one more source, no alert. */
    record Known(Commitment commitment) implements Decision {}

    /** A new commitment; {@code updates} is the ledger key of the commitment it raises, or null. */
    record Fresh(Commitment updates) implements Decision {}
  }

  /** A finding's side of the comparison. */
  public record Claim(String company, BigDecimal amountUsd, String period, String text, boolean raise,
      Instant published, String currency, boolean increment) {
    public Claim {
      Objects.requireNonNull(company, "company");
      Objects.requireNonNull(amountUsd, "amountUsd");
      Objects.requireNonNull(published, "published");
    }

    /** A claim whose figure was written in US dollars or whose currency is not known. */
    public Claim(String company, BigDecimal amountUsd, String period, String text, boolean raise, Instant published) {
      this(company, amountUsd, period, text, raise, published, null, false);
    }

    /** A claim that is not an increment. */
    public Claim(String company, BigDecimal amountUsd, String period, String text, boolean raise, Instant published,
        String currency) {
      this(company, amountUsd, period, text, raise, published, currency, false);
    }
  }

  private final BigDecimal tolerance;

  public LedgerMatcher(BigDecimal tolerance) {
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("tolerance must be in [0, 1), was " + tolerance.toPlainString());
    }
    this.tolerance = tolerance;
  }

  public Decision decide(Claim claim, List<Commitment> known) {
    String period = Periods.token(claim.period(), claim.published());
    Set<String> places = Places.in(claim.text(), claim.company());
    List<Commitment> compatible = known.stream()
        .filter(c -> c.company().equalsIgnoreCase(claim.company()))
        .filter(c -> c.origin() == CommitmentOrigin.ALERT || !claim.published().isBefore(
            c.announced().atStartOfDay().toInstant(ZoneOffset.UTC).plus(SEED_GRACE)))
        .filter(c -> !Periods.distinct(period, periodOf(c)))
        // Background figures are noisy (a rivals' combined total, a misread subject): a mention without a period
        // never stands for a finding that states one.
        .filter(c -> c.origin() != CommitmentOrigin.MENTION || period == null || periodOf(c) != null)
        .filter(c -> !Places.disjoint(places, placesOf(c)))
        .filter(c -> !differentLocalCurrencies(claim.currency(), c.currency()))
        .toList();
    Optional<Commitment> same = compatible.stream()
        .filter(c -> sameAmount(c.amountUsd(), claim.amountUsd()))
        .filter(c -> c.origin() != CommitmentOrigin.MENTION
            || within(c.amountUsd(), claim.amountUsd(), MENTION_TOLERANCE))
        .filter(c -> !raises(claim, period, c))
        .filter(c -> !claim.increment() || claim.published().isBefore(
            c.announced().atStartOfDay().toInstant(ZoneOffset.UTC).plus(INCREMENT_WINDOW)))
        // an alerted event first (its sources are kept), then the closest amount, then the oldest
        .min(Comparator.comparing((Commitment c) -> c.origin() == CommitmentOrigin.ALERT ? 0 : 1)
            .thenComparing(c -> c.amountUsd().subtract(claim.amountUsd()).abs())
            .thenComparing(Commitment::announced)
            .thenComparing(Commitment::key));
    if (same.isPresent()) {
      return new Decision.Known(same.get());
    }
    Optional<Commitment> raised = compatible.stream()
        .filter(c -> c.amountUsd().compareTo(claim.amountUsd()) < 0)
        .filter(c -> !sameAmount(c.amountUsd(), claim.amountUsd()) || raises(claim, period, c))
        .filter(c -> claim.raise() || Periods.same(period, periodOf(c)))
        .filter(c -> !c.announced().isAfter(claim.published().atOffset(ZoneOffset.UTC).toLocalDate()))
        .max(Comparator.comparing(Commitment::announced).thenComparing(Commitment::firstSeen)
            .thenComparing(Commitment::key));
    return new Decision.Fresh(raised.orElse(null));
  }

  /**
   * A larger figure that raises a known one is no restatement even within the tolerance ($85 billion to $91-93
   * billion is 9 %): when the detector reads a raise, more than {@link #RAISE_STEP} above; when both state the same
   * period, more than {@link #GUIDANCE_STEP} above (leaves room for currency conversions of one figure).
   */
  private static boolean raises(Claim claim, String period, Commitment c) {
    BigDecimal step = claim.raise() ? RAISE_STEP : Periods.same(period, periodOf(c)) ? GUIDANCE_STEP : null;
    return step != null && claim.amountUsd().compareTo(c.amountUsd().multiply(BigDecimal.ONE.add(step))) > 0;
  }

  /**
   * "£2.5 billion" and "A$5 billion" are two pledges even at the same dollar value: a retelling converts a local
   * figure to dollars, but never into another local currency.
   */
  static boolean differentLocalCurrencies(String a, String b) {
    return a != null && b != null && !a.equals("USD") && !b.equals("USD") && !a.equals(b);
  }

  /** |a - b| <= tolerance * min(a, b). */
  public boolean sameAmount(BigDecimal a, BigDecimal b) {
    return within(a, b, tolerance);
  }

  private static boolean within(BigDecimal a, BigDecimal b, BigDecimal fraction) {
    return a.subtract(b).abs().compareTo(a.min(b).multiply(fraction)) <= 0;
  }

  private static String periodOf(Commitment c) {
    return Periods.token(c.period(), c.announced().atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  private static Set<String> placesOf(Commitment c) {
    return Places.in(c.what(), c.company());
  }

  /** A stored event as a ledger entry (events stored before the ledger existed, or not yet recorded in it). */
  public static Commitment of(Announcement a) {
    return new Commitment(a.key().value(), a.company(), a.amount().value(), a.amount().currency(), a.amountUsd(),
        a.period(), a.evidence(), a.published().atOffset(ZoneOffset.UTC).toLocalDate(), a.detectedAt(), a.link(),
        CommitmentOrigin.ALERT, a.sources().size());
  }

  /** The event key of an alert entry; null for seed and mention entries. */
  public static EventKey eventKey(Commitment c) {
    return c.origin() == CommitmentOrigin.ALERT ? new EventKey(c.key()) : null;
  }
}
