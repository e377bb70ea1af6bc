package com.capexalerts.poller;

import com.capexalerts.core.alert.Thresholds;
import com.capexalerts.core.fetch.FetchSettings;
import com.capexalerts.core.poll.Backoff;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.FeedList;
import com.capexalerts.core.poll.PollerConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The poller's configuration as read from environment variables (the Lambda's, or the CLI's). Every variable is
 * optional; an invalid one is named in the error together with what is expected.
 *
 * <ul>
 *   <li>FEEDS: comma-separated URLs or a JSON list (of URLs or {"url", "name"}); default: the bundled feeds.json
 *   <li>THRESHOLD_USD: global minimum in USD (1000000000)
 *   <li>COMPANY_THRESHOLDS: "Nvidia=5000000000,Apple=2e9" or {"Nvidia": 5e9}
 *   <li>MAX_AGE: ISO-8601 duration (P14D) or "none"
 *   <li>FEED_ADDRESSES: "public" (default: feeds and their redirects may not lead to private, loopback or
 *       link-local addresses) or "public-or-loopback" (local runs and tests)
 *   <li>DEDUPE_TOLERANCE: fraction, 0 to below 1 (0.10)
 *   <li>DEDUPE_WINDOW: ISO-8601 duration (P30D)
 *   <li>FETCH_CONCURRENCY: 1 to 64 (8)
 *   <li>POLL_INTERVAL: the schedule rate, base of the failure backoff (PT15M)
 * </ul>
 */
public record PollerSettings(List<Feed> feeds, PollerConfig config, FetchSettings fetch) {
  /** The bundled default feed list (real public feeds), on the classpath. */
  public static final String BUNDLED_FEEDS = "/feeds.json";

  public static List<Feed> bundledFeeds() {
    return FeedList.fromResource(PollerSettings.class, BUNDLED_FEEDS);
  }

  public static PollerSettings defaults() {
    return fromEnv(Map.of());
  }

  /** @throws IllegalArgumentException listing every invalid variable with the reason */
  public static PollerSettings fromEnv(Map<String, String> env) {
    List<String> errors = new ArrayList<>();
    Reader r = new Reader(env, errors);
    List<Feed> feeds = r.read("FEEDS", FeedList::parse, null);
    if (feeds == null) {
      feeds = bundledFeeds();
    }
    Thresholds global = r.read("THRESHOLD_USD", v -> Thresholds.parse(v, null), Thresholds.defaults());
    Thresholds companies = r.read("COMPANY_THRESHOLDS", v -> Thresholds.parse(null, v), Thresholds.defaults());
    Duration maxAge = r.read("MAX_AGE",
        v -> v.equalsIgnoreCase("none") ? null : atMostTenYears(positive(duration(v, "P14D or none"))),
        PollerConfig.DEFAULT_MAX_AGE);
    BigDecimal tolerance = r.read("DEDUPE_TOLERANCE", PollerSettings::fraction, PollerConfig.DEFAULT_TOLERANCE);
    Duration window = r.read("DEDUPE_WINDOW", v -> positive(duration(v, "P30D")), PollerConfig.DEFAULT_WINDOW);
    int concurrency = r.read("FETCH_CONCURRENCY", PollerSettings::concurrency, PollerConfig.DEFAULT_CONCURRENCY);
    Duration interval = r.read("POLL_INTERVAL", v -> positive(scheduleRate(v)),
        PollerConfig.DEFAULT_POLL_INTERVAL);
    FetchSettings.Addresses addresses = r.read("FEED_ADDRESSES", FetchSettings.Addresses::parse,
        FetchSettings.Addresses.PUBLIC);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("invalid poller configuration: " + String.join("; ", errors));
    }
    Duration maxBackoff = interval.compareTo(PollerConfig.MAX_BACKOFF) > 0 ? interval : PollerConfig.MAX_BACKOFF;
    // Seen records must outlive the max age, else an old item could come back as new.
    Duration seenTtl = maxAge != null && maxAge.plusDays(30).compareTo(PollerConfig.DEFAULT_SEEN_TTL) > 0
        ? maxAge.plusDays(30) : PollerConfig.DEFAULT_SEEN_TTL;
    PollerConfig config = new PollerConfig(
        new Thresholds(global.globalMinimumUsd(), companies.companyMinimums()), maxAge, tolerance, window,
        concurrency, new Backoff(interval, maxBackoff), seenTtl);
    return new PollerSettings(feeds, config, FetchSettings.defaults().withAddresses(addresses));
  }

  public PollerSettings withFetch(FetchSettings f) {
    return new PollerSettings(feeds, config, f);
  }

  private static Duration duration(String text, String example) {
    try {
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration (e.g. " + example + ")");
    }
  }

  private static final java.util.regex.Pattern RATE =
      java.util.regex.Pattern.compile("rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)");

  /** The template passes its EventBridge schedule as is: "rate(5 minutes)"; ISO-8601 (PT5M) works too. */
  static Duration scheduleRate(String text) {
    var m = RATE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return duration(text, "PT15M or rate(15 minutes)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2).charAt(0)) {
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  /** Past ten years "none" is meant; a larger value overflows the date arithmetic and fails every feed. */
  private static Duration atMostTenYears(Duration d) {
    if (d.compareTo(Duration.ofDays(3650)) > 0) {
      throw new IllegalArgumentException(d.toDays() + " days is more than ten years (P3650D); use none for no limit");
    }
    return d;
  }

  private static Duration positive(Duration d) {
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(d + " must be positive");
    }
    return d;
  }

  private static BigDecimal fraction(String text) {
    try {
      BigDecimal f = new BigDecimal(text);
      if (f.signum() < 0 || f.compareTo(BigDecimal.ONE) >= 0) {
        throw new IllegalArgumentException("'" + text + "' must be at least 0 and below 1 (e.g. 0.10)");
      }
      return f;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number (e.g. 0.10)");
    }
  }

  private static int concurrency(String text) {
    try {
      int n = Integer.parseInt(text);
      if (n < 1 || n > 64) {
        throw new IllegalArgumentException("'" + text + "' must be between 1 and 64");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number");
    }
  }

  /** Reads one variable; records "NAME: why" instead of throwing so every problem is reported at once. */
  private record Reader(Map<String, String> env, List<String> errors) {
    <T> T read(String name, Function<String, T> parse, T fallback) {
      String raw = env.get(name);
      if (raw == null || raw.isBlank()) {
        return fallback;
      }
      try {
        return parse.apply(raw.strip());
      } catch (IllegalArgumentException e) {
        errors.add(name + ": " + e.getMessage());
        return fallback;
      }
    }
  }
}
