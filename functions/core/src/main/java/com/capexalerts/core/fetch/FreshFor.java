package com.capexalerts.core.fetch;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A fetch result with the server's Cache-Control max-age: the feed will not change before that. */
public record FreshFor(FetchResult result, Duration maxAge) {
  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})\"?");

  /** The max-age of a Cache-Control header (null when absent, unparsable or no-cache/no-store). */
  public static Duration maxAge(String cacheControl) {
    if (cacheControl == null) {
      return null;
    }
    String lower = cacheControl.toLowerCase(Locale.ROOT);
    if (lower.contains("no-cache") || lower.contains("no-store")) {
      return null;
    }
    Matcher m = MAX_AGE.matcher(lower);
    return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
  }

  static Duration maxAge(HttpHeaders headers) {
    return maxAge(String.join(",", headers.allValues("Cache-Control")));
  }
}
