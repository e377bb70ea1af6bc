package com.capexalerts.core.poll;

import com.capexalerts.core.fetch.FailureClass;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What is known about one feed between polls: its place in the feed list, the fetch state, and its health.
 *
 * @param feedUrl             the feed's URL (or file path in local runs)
 * @param etag                last ETag, for conditional GET
 * @param lastModified        last Last-Modified, for conditional GET
 * @param lastSuccess         last successful fetch (200 or 304)
 * @param consecutiveFailures failures since the last success
 * @param lastError           last error message, or null
 * @param nextAttemptAt       backoff: do not fetch before this time (null = any time)
 * @param lastErrorClass      the class of the last error (kept after a recovery, with its time), or null
 * @param lastErrorAt         when the last error happened, or null
 * @param lastNewItemAt       when a poll last found an item not seen before (and young enough to count), or null
 * @param newItemGap          the feed's usual time between new items (a moving average), or null until two are seen
 * @param validatorsMaxAge    the max age in force when the validators were taken: "none", an ISO-8601 duration, or
 *                            null (unknown). Items too old for it were not marked seen, so the validators do not
 *                            hold for a longer max age: the feed is then fetched whole again.
 * @param name                the feed's name in the feed list, or null
 * @param listed              whether the feed is in the feed list (false: state of a feed polled ad hoc)
 * @param enabled             whether a listed feed is polled
 */
public record FeedState(
    String feedUrl,
    String etag,
    String lastModified,
    Instant lastSuccess,
    int consecutiveFailures,
    String lastError,
    Instant nextAttemptAt,
    FailureClass lastErrorClass,
    Instant lastErrorAt,
    Instant lastNewItemAt,
    Duration newItemGap,
    String validatorsMaxAge,
    String name,
    boolean listed,
    boolean enabled) {
  public FeedState {
    Objects.requireNonNull(feedUrl, "feedUrl");
  }

  /** The fetch state alone (no health, not listed). */
  public FeedState(String feedUrl, String etag, String lastModified, Instant lastSuccess, int consecutiveFailures,
      String lastError, Instant nextAttemptAt) {
    this(feedUrl, etag, lastModified, lastSuccess, consecutiveFailures, lastError, nextAttemptAt, null, null, null,
        null, null, null, false, true);
  }

  public static FeedState fresh(String feedUrl) {
    return new FeedState(feedUrl, null, null, null, 0, null, null);
  }

  /** A feed newly put in the feed list. */
  public static FeedState listed(String feedUrl, String name) {
    return fresh(feedUrl).withListing(name, true, true);
  }

  public FeedState withListing(String newName, boolean isListed, boolean isEnabled) {
    return new FeedState(feedUrl, etag, lastModified, lastSuccess, consecutiveFailures, lastError, nextAttemptAt,
        lastErrorClass, lastErrorAt, lastNewItemAt, newItemGap, validatorsMaxAge, newName, isListed, isEnabled);
  }

  /** The fetch outcome replaced, listing and health history kept. */
  public FeedState withFetch(String newEtag, String newLastModified, Instant newLastSuccess, int failures,
      String error, Instant nextAttempt, String forMaxAge) {
    return new FeedState(feedUrl, newEtag, newLastModified, newLastSuccess, failures, error, nextAttempt,
        lastErrorClass, lastErrorAt, lastNewItemAt, newItemGap, forMaxAge, name, listed, enabled);
  }

  public FeedState withError(FailureClass errorClass, Instant at) {
    return new FeedState(feedUrl, etag, lastModified, lastSuccess, consecutiveFailures, lastError, nextAttemptAt,
        errorClass, at, lastNewItemAt, newItemGap, validatorsMaxAge, name, listed, enabled);
  }

  /** A poll at {@code at} found new items: the usual gap moves a quarter of the way towards this gap. */
  public FeedState withNewItemsAt(Instant at) {
    Duration gap = newItemGap;
    if (lastNewItemAt != null && at.isAfter(lastNewItemAt)) {
      Duration latest = Duration.between(lastNewItemAt, at);
      gap = gap == null ? latest : gap.multipliedBy(3).plus(latest).dividedBy(4);
    }
    return new FeedState(feedUrl, etag, lastModified, lastSuccess, consecutiveFailures, lastError, nextAttemptAt,
        lastErrorClass, lastErrorAt, at, gap, validatorsMaxAge, name, listed, enabled);
  }

  /** Backoff cleared: the next poll fetches the feed whole (no validators), whatever its failures were. */
  public FeedState reset() {
    return new FeedState(feedUrl, null, null, lastSuccess, 0, lastError, null, lastErrorClass, lastErrorAt,
        lastNewItemAt, newItemGap, null, name, listed, enabled);
  }

  /** The wire form of a max age: "none" or its ISO-8601 text. */
  public static String maxAgeText(Duration maxAge) {
    return maxAge == null ? "none" : maxAge.toString();
  }

  /** Whether the validators may be sent for a poll with {@code maxAge} (see {@link #validatorsMaxAge}). */
  public boolean validatorsHoldFor(Duration maxAge) {
    if (validatorsMaxAge == null) {
      return true;
    }
    if (validatorsMaxAge.equals("none")) {
      return true;
    }
    if (maxAge == null) {
      return false;
    }
    try {
      return maxAge.compareTo(Duration.parse(validatorsMaxAge)) <= 0;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }
}
