package com.capexalerts.core.poll;

import java.time.Instant;

/**
 * What the poller remembers about one feed between polls.
 *
 * @param feedUrl             the feed's URL (or file path in local runs)
 * @param etag                last ETag, for conditional GET
 * @param lastModified        last Last-Modified, for conditional GET
 * @param lastSuccess         last successful fetch (200 or 304)
 * @param consecutiveFailures failures since the last success
 * @param lastError           last error message, or null
 * @param nextAttemptAt       backoff: do not fetch before this time (null = any time)
 */
public record FeedState(
    String feedUrl,
    String etag,
    String lastModified,
    Instant lastSuccess,
    int consecutiveFailures,
    String lastError,
    Instant nextAttemptAt) {
  public static FeedState fresh(String feedUrl) {
    return new FeedState(feedUrl, null, null, null, 0, null, null);
  }
}
