package com.capexalerts.core.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Web links as the pipeline compares them: resolving relative links, and one canonical spelling per article so that
 * the same article reached through a newsletter, a social share or the feed is recognised as one.
 */
public final class Links {
  /** Query parameters that only say how the reader arrived (click and campaign tracking). */
  private static final Set<String> TRACKING_PARAMS = Set.of(
      "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
      "ref_src", "ref_url", "_hsenc", "_hsmi", "_ga", "_gl", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
      "wickedid", "rb_clickid", "cmpid", "sr_share");
  private static final String TRACKING_PREFIX = "utm_";

  private Links() {}

  /**
   * The canonical form of an absolute http(s) link: scheme and host lower-cased, default port removed, empty path
   * made "/", fragment removed, tracking parameters (utm_*, fbclid, gclid, mc_cid, ...) removed, other parameters
   * kept in their order and spelling.
   *
   * @throws IllegalArgumentException when the link is not an absolute http or https URL (the message says why)
   */
  public static String canonical(String link) {
    if (link == null || link.isBlank()) {
      throw new IllegalArgumentException("link is empty");
    }
    URI uri = parseLenient(link.strip())
        .orElseThrow(() -> new IllegalArgumentException("not a valid URL: " + link));
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("not an absolute http(s) URL: " + link);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("URL has no host: " + link);
    }
    var out = new StringBuilder(link.length()).append(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      out.append(uri.getRawUserInfo()).append('@');
    }
    out.append(uri.getHost().toLowerCase(Locale.ROOT));
    int port = uri.getPort();
    boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
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

  /**
   * For keys and dedupe of sources: the canonical form of a web link, any other non-blank text stripped (urn:, tag:
   * ids stay comparable), null for null or blank.
   */
  public static String canonicalOrAsIs(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      return canonical(link);
    } catch (IllegalArgumentException notAWebLink) {
      return link.strip();
    }
  }

  /** True when {@link #canonical} accepts the link. */
  public static boolean isWebLink(String link) {
    try {
      canonical(link);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Resolves {@code href} against {@code base} (either may be null). Returns an absolute http(s) link, or empty when
   * href is blank, not a web link (mailto:, javascript:, ...) or relative with no usable base.
   */
  public static Optional<String> resolve(String base, String href) {
    if (href == null || href.isBlank()) {
      return Optional.empty();
    }
    Optional<URI> ref = parseLenient(href.strip());
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    URI resolved = ref.get();
    if (!resolved.isAbsolute()) {
      Optional<URI> baseUri = base == null ? Optional.empty() : parseLenient(base.strip()).filter(URI::isAbsolute);
      if (baseUri.isEmpty() || baseUri.get().isOpaque()) {
        return Optional.empty();
      }
      resolved = withRootPath(baseUri.get()).resolve(resolved);
    }
    String text = resolved.toString();
    return isWebLink(text) ? Optional.of(text) : Optional.empty();
  }

  /** java.net.URI glues "a" onto "https://host" as "https://hosta"; give the base a "/" path first. */
  private static URI withRootPath(URI base) {
    if (base.getRawPath() == null || !base.getRawPath().isEmpty()) {
      return base;
    }
    try {
      return new URI(base.getScheme(), base.getRawAuthority(), "/", base.getRawQuery(), null);
    } catch (URISyntaxException e) {
      return base;
    }
  }

  private static String keptQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    var kept = new StringJoiner("&");
    for (String param : rawQuery.split("&")) {
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (!name.startsWith(TRACKING_PREFIX) && !TRACKING_PARAMS.contains(name)) {
        kept.add(param);
      }
    }
    return kept.toString();
  }

  /** Parses a link as published, percent-encoding what browsers tolerate but URI rejects (spaces, |, stray %). */
  private static Optional<URI> parseLenient(String link) {
    try {
      return Optional.of(ascii(new URI(link)));
    } catch (URISyntaxException e) {
      try {
        return Optional.of(new URI(encodeIllegal(link)));
      } catch (URISyntaxException again) {
        return Optional.empty();
      }
    }
  }

  /** URI accepts non-ASCII letters as they are; one spelling per link needs them percent-encoded (UTF-8). */
  private static URI ascii(URI uri) throws URISyntaxException {
    String ascii = uri.toASCIIString();
    return ascii.equals(uri.toString()) ? uri : new URI(ascii);
  }

  private static String encodeIllegal(String link) {
    var out = new StringBuilder(link.length() + 16);
    int fragmentAt = link.indexOf('#');
    for (int i = 0; i < link.length(); i++) {
      char c = link.charAt(i);
      boolean hexEscape = c == '%' && i + 2 < link.length() && isHex(link.charAt(i + 1)) && isHex(link.charAt(i + 2));
      if (c == '%' && !hexEscape) {
        out.append("%25");
      } else if (c == '#' && i != fragmentAt) {
        out.append("%23");
      } else if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?#[]@!$&'()*+,;=%".indexOf(c) >= 0)) {
        out.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < link.length() ? i + 2 : i + 1;
        for (byte b : link.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
              .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
        i = end - 1;
      }
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }
}
