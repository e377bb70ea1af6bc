package com.capexalerts.core.fetch;

import java.util.Objects;

/** The outcome of one conditional fetch. */
public sealed interface FetchResult {
  /** A body to parse, with the validators to send next time (either may be null). */
  record Fetched(byte[] body, String etag, String lastModified) implements FetchResult {}

  /** The feed is unchanged since the validators sent; the server may have sent fresh validators (or null). */
  record NotModified(String etag, String lastModified) implements FetchResult {}

  /**
   * The feed could not be fetched.
   *
   * @param status       the HTTP status, or 0 when there was no HTTP response (timeout, refused, missing file)
   * @param message      why, naming the feed
   * @param retryAfter   the raw Retry-After header of a 429/503 answer, or null
   * @param failureClass what kind of failure (dns, connect, tls, timeout, http status, ...)
   */
  record Failed(int status, String message, String retryAfter, FailureClass failureClass) implements FetchResult {
    public Failed {
      Objects.requireNonNull(failureClass, "failureClass");
    }

    /** A failure classed by its status alone: an HTTP status when there was one, else OTHER. */
    public Failed(int status, String message, String retryAfter) {
      this(status, message, retryAfter, status > 0 ? FailureClass.HTTP_STATUS : FailureClass.OTHER);
    }
  }
}
