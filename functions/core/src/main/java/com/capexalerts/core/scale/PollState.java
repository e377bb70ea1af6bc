package com.capexalerts.core.scale;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the fan-out poller keeps per feed, in the feed's own item of the feeds table: conditional-GET validators,
 * the body hash, the hashes of the items it saw last (so seen items cost no item of their own), and the adaptive
 * schedule.
 *
 * @param feedUrl             the feed
 * @param name                its display name, or null
 * @param enabled             false: the scheduler never sends it
 * @param etag                last ETag, or null
 * @param lastModified        last Last-Modified, or null
 * @param bodyHash            SHA-256 of the last body processed, or null: a server without validators that sends
 *                            the same bytes costs no parse and no write
 * @param recentItems         short hashes of the items processed lately, newest first, at most {@link #MAX_RECENT}
 * @param interval            time between polls while the feed is healthy
 * @param nextDueAt           the first slot of the polling grid; the feed is due at nextDueAt + k * interval (k >= 0),
 *                            so an unchanged feed needs no write to move on
 * @param lastChangeAt        when the body last changed, or null
 * @param publishGap          smoothed time between changes, or null while unknown
 * @param consecutiveFailures failures since the last success
 * @param lastError           the last failure, or null
 */
public record PollState(
    String feedUrl,
    String name,
    boolean enabled,
    String etag,
    String lastModified,
    String bodyHash,
    List<String> recentItems,
    Duration interval,
    Instant nextDueAt,
    Instant lastChangeAt,
    Duration publishGap,
    int consecutiveFailures,
    String lastError) {
  /**
   * Items remembered per feed, 13 bytes each, which keeps a feed's item near 1 KB (one write unit). A longer feed's
   * older items may be examined again when they come back; the decisions are idempotent, so that costs CPU only.
   */
  public static final int MAX_RECENT = 64;

  public PollState {
    Objects.requireNonNull(feedUrl, "feedUrl");
    recentItems = recentItems == null ? List.of() : List.copyOf(recentItems);
  }

  /** A feed never polled: due at once. */
  public static PollState fresh(String feedUrl, String name) {
    return new PollState(feedUrl, name, true, null, null, null, List.of(), null, null, null, null, 0, null);
  }

  PollState withValidators(String newEtag, String newLastModified) {
    return new PollState(feedUrl, name, enabled, newEtag, newLastModified, bodyHash, recentItems, interval,
        nextDueAt, lastChangeAt, publishGap, consecutiveFailures, lastError);
  }

  PollState withSchedule(Duration newInterval, Instant newNextDue) {
    return new PollState(feedUrl, name, enabled, etag, lastModified, bodyHash, recentItems, newInterval, newNextDue,
        lastChangeAt, publishGap, consecutiveFailures, lastError);
  }

  PollState withFailure(int failures, String error, Instant newNextDue) {
    return new PollState(feedUrl, name, enabled, etag, lastModified, bodyHash, recentItems, interval, newNextDue,
        lastChangeAt, publishGap, failures, error);
  }

  PollState withBody(String hash, List<String> recent, Instant changedAt, Duration gap) {
    return new PollState(feedUrl, name, enabled, etag, lastModified, hash, recent, interval, nextDueAt, changedAt,
        gap, 0, null);
  }

  PollState healthy() {
    return consecutiveFailures == 0 && lastError == null ? this
        : new PollState(feedUrl, name, enabled, etag, lastModified, bodyHash, recentItems, interval, nextDueAt,
            lastChangeAt, publishGap, 0, null);
  }
}
