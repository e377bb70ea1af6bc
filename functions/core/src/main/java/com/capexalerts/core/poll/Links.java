package com.capexalerts.core.poll;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Canonical links, so one article reached through different tracking parameters counts as one source: scheme and
 * host lower-cased, default port, fragment and common campaign parameters dropped. Everything else is kept as is
 * (paths and other parameters can matter to the site).
 */
public final class Links {
  private static final Set<String> TRACKING = Set.of(
      "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid", "cmpid", "guccounter", "_hsenc", "_hsmi");

  private Links() {}

  /** The canonical form, or the stripped input when it is not an absolute http(s) URL; null stays null. */
  public static String canonical(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    String stripped = link.strip();
    URI uri;
    try {
      uri = new URI(stripped);
    } catch (URISyntaxException e) {
      return stripped;
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
      return stripped;
    }
    int port = uri.getPort();
    boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    StringBuilder out = new StringBuilder(scheme).append("://").append(uri.getHost().toLowerCase(Locale.ROOT));
    if (!defaultPort) {
      out.append(':').append(port);
    }
    String path = uri.getRawPath();
    out.append(path == null || path.isEmpty() ? "/" : path);
    String query = keptQuery(uri.getRawQuery());
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  private static String keptQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (!pair.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
        kept.add(pair);
      }
    }
    return String.join("&", kept);
  }
}
