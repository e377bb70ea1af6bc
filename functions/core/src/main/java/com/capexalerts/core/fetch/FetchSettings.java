package com.capexalerts.core.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of one fetch.
 *
 * @param connectTimeout time to open the connection
 * @param readTimeout    time for the whole response (headers and body) once the request is sent
 * @param maxBytes       largest body accepted, after gzip decoding; reading stops beyond it
 * @param userAgent      sent with every request so site owners know who polls them
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, long maxBytes, String userAgent) {
  public static final String USER_AGENT =
      "AICapexAlerts/0.1 (+https://github.com/capexalerts/ai-capex-alerts)";
  public static final long FIVE_MIB = 5L * 1024 * 1024;

  public FetchSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(userAgent, "userAgent");
    if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("fetch timeouts must be positive");
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
  }

  /** 5 s to connect, 20 s for the response, 5 MiB. */
  public static FetchSettings defaults() {
    return new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), FIVE_MIB, USER_AGENT);
  }

  public FetchSettings withTimeouts(Duration connect, Duration read) {
    return new FetchSettings(connect, read, maxBytes, userAgent);
  }

  public FetchSettings withMaxBytes(long max) {
    return new FetchSettings(connectTimeout, readTimeout, max, userAgent);
  }
}
