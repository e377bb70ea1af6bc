package com.capexalerts.core.alert;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Publishes each stored event's alert once, as seen by subscribers, however often it is asked to.
 *
 * <p>The store's claim is the guard: only the caller that claims the event publishes, and it records the message id
 * afterwards, so a repeated request (a retried or duplicated stream record) finds the event published and does
 * nothing. A failed publish gives the claim back, so the retry publishes instead of the alert being lost. The one
 * window left is a crash between a successful publish and the record of it; SNS itself delivers at least once, so
 * subscribers must tolerate a rare duplicate anyway (the JSON rendering carries the event key for that).
 */
public final class Notifier {
  /** What became of one request. */
  public enum Status {
    /** Published now. */
    PUBLISHED,
    /**
     * Published now, but the store did not record it: the claim is kept and no retry is asked, since a retry would send
     * the alert twice. Worth a warning; the event lacks its notified_at.
     */
    PUBLISHED_UNRECORDED,
    /** Published before: nothing done. */
    ALREADY_PUBLISHED,
    /** No such event: nothing to publish, nothing to retry. */
    MISSING,
    /** Another caller holds the claim: retry later. */
    HELD_BY_OTHER,
    /** The publish or the store failed: the claim was given back, retry later. */
    FAILED;

    /** True when the request must be repeated for the alert to go out. */
    public boolean retry() {
      return this == HELD_BY_OTHER || this == FAILED;
    }

    /** True when nothing needs an operator's eye: published now or before. */
    public boolean routine() {
      return this == PUBLISHED || this == ALREADY_PUBLISHED;
    }
  }

  /**
   * @param key       the event
   * @param status    what happened
   * @param messageId the publisher's message id when published now, else null
   * @param detail    why, for the log (never null)
   */
  public record Outcome(EventKey key, Status status, String messageId, String detail) {
    public boolean retry() {
      return status.retry();
    }
  }

  private final AnnouncementStore store;
  private final AlertPublisher publisher;
  private final Clock clock;
  private final Duration lease;

  /**
   * @param lease how long a claim blocks other callers; longer than one attempt can take (claim, publish, record),
   *              so a slow but live claimant never loses its claim, yet short enough that a crashed one's claim is
   *              taken over by the retries
   */
  public Notifier(AnnouncementStore store, AlertPublisher publisher, Clock clock, Duration lease) {
    this.store = Objects.requireNonNull(store, "store");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lease = Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("claim lease must be positive, got " + lease);
    }
  }

  /**
   * Publishes the event's alert unless it went out before.
   *
   * @param claimant who asks; the same claimant may take its own claim again (a retry of the same request), any other
   *                 waits for the lease to run out
   */
  public Outcome notify(EventKey key, String claimant) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(claimant, "claimant");
    AnnouncementStore.Claim claim;
    try {
      claim = store.claimNotification(key, claimant, clock.instant(), lease);
    } catch (RuntimeException e) {
      return new Outcome(key, Status.FAILED, null, "claim failed: " + describe(e));
    }
    return switch (claim) {
      case ALREADY_PUBLISHED -> new Outcome(key, Status.ALREADY_PUBLISHED, null, "published before");
      case HELD_BY_OTHER ->
          new Outcome(key, Status.HELD_BY_OTHER, null, "another notifier holds the claim (lease " + lease + ")");
      case MISSING -> new Outcome(key, Status.MISSING, null, "no such event in the store");
      case CLAIMED -> publishClaimed(key, claimant);
    };
  }

  private Outcome publishClaimed(EventKey key, String claimant) {
    Announcement announcement;
    try {
      announcement = store.get(key).orElse(null);
    } catch (RuntimeException e) {
      return giveBack(key, claimant, "reading the event failed: " + describe(e));
    }
    if (announcement == null) {
      String released = release(key, claimant);
      return new Outcome(key, Status.MISSING, null, "event vanished after it was claimed" + released);
    }
    String messageId;
    try {
      messageId = publisher.publish(announcement);
    } catch (RuntimeException e) {
      return giveBack(key, claimant, "publish failed: " + describe(e));
    }
    try {
      store.markPublished(key, claimant, messageId, clock.instant());
    } catch (RuntimeException e) {
      // The message is out. Keeping the claim (not releasing it) and not asking for a retry is what keeps a second
      // copy from going out; the event merely lacks its notified_at.
      return new Outcome(key, Status.PUBLISHED_UNRECORDED, messageId,
          "published, but recording it failed: " + describe(e) + "; the claim is kept so it is not sent again");
    }
    return new Outcome(key, Status.PUBLISHED, messageId, "published");
  }

  private Outcome giveBack(EventKey key, String claimant, String why) {
    return new Outcome(key, Status.FAILED, null, why + release(key, claimant));
  }

  /** Releases the claim; returns a note for the log when even that failed (the lease then frees it). */
  private String release(EventKey key, String claimant) {
    try {
      store.releaseClaim(key, claimant);
      return "";
    } catch (RuntimeException e) {
      return "; releasing the claim failed too (" + describe(e) + "), it frees itself after " + lease;
    }
  }

  private static String describe(RuntimeException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
