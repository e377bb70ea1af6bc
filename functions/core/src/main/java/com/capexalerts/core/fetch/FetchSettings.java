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
 * @param addresses      which addresses a feed URL and each of its redirects may lead to
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, long maxBytes, String userAgent,
    Addresses addresses) {
  public static final String USER_AGENT =
      "AICapexAlerts/0.1 (+https://github.com/capexalerts/ai-capex-alerts)";
  public static final long FIVE_MIB = 5L * 1024 * 1024;
  /** Hops followed before a fetch fails; feeds that move leave one or two. */
  public static final int MAX_REDIRECTS = 5;

  /** The address rules of the webhook {@code EndpointPolicy}, checked after DNS on the URL and every redirect. */
  public enum Addresses {
    /** Public unicast only: no private, loopback, link-local, CGNAT or reserved ranges (the deployed stack). */
    PUBLIC,
    /** Public, or loopback (local runs, whose fixtures are served on 127.0.0.1). */
    PUBLIC_OR_LOOPBACK;

    /** "public" or "public-or-loopback", as the FEED_ADDRESSES setting writes them. */
    public static Addresses parse(String text) {
      return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "public" -> PUBLIC;
        case "public-or-loopback" -> PUBLIC_OR_LOOPBACK;
        default -> throw new IllegalArgumentException("'" + text + "' is not public or public-or-loopback");
      };
    }
  }

  public FetchSettings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(addresses, "addresses");
    if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("fetch timeouts must be positive");
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
  }

  /** Public or loopback addresses, as local runs need. */
  public FetchSettings(Duration connectTimeout, Duration readTimeout, long maxBytes, String userAgent) {
    this(connectTimeout, readTimeout, maxBytes, userAgent, Addresses.PUBLIC_OR_LOOPBACK);
  }

  /** 5 s to connect, 20 s for the response, 5 MiB, public or loopback addresses (see {@link #withAddresses}). */
  public static FetchSettings defaults() {
    return new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), FIVE_MIB, USER_AGENT);
  }

  public FetchSettings withTimeouts(Duration connect, Duration read) {
    return new FetchSettings(connect, read, maxBytes, userAgent, addresses);
  }

  public FetchSettings withMaxBytes(long max) {
    return new FetchSettings(connectTimeout, readTimeout, max, userAgent, addresses);
  }

  public FetchSettings withAddresses(Addresses a) {
    return new FetchSettings(connectTimeout, readTimeout, maxBytes, userAgent, a);
  }
}
