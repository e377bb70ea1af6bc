package com.capexalerts.core.fetch;

/**
 * Gets the raw body of one feed, conditionally. Implementations never throw for a failed fetch: every outcome,
 * including timeouts and refused connections, is a {@link FetchResult}. Thread-safe.
 */
public interface FeedFetcher {
  /**
   * @param location     an http(s) URL, a {@code file:} URL or a plain file path
   * @param etag         the validator from the last fetch, or null
   * @param lastModified the Last-Modified value from the last fetch, or null
   */
  FetchResult fetch(String location, String etag, String lastModified);
}
