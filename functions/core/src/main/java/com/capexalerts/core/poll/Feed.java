package com.capexalerts.core.poll;

import java.util.Objects;

/**
 * One feed to poll.
 *
 * @param url  http(s) URL, {@code file:} URL or file path
 * @param name a short human name ("NVIDIA Newsroom"), used as outlet when items name none
 */
public record Feed(String url, String name) {
  public Feed {
    Objects.requireNonNull(url, "url");
    url = url.strip();
    if (url.isEmpty()) {
      throw new IllegalArgumentException("feed url must not be blank");
    }
    name = name == null || name.isBlank() ? defaultName(url) : name.strip();
  }

  /** The host of a URL, else the file name. */
  static String defaultName(String url) {
    try {
      String host = java.net.URI.create(url).getHost();
      if (host != null) {
        return host.startsWith("www.") ? host.substring(4) : host;
      }
    } catch (IllegalArgumentException notAUri) {
      // a plain path
    }
    int slash = Math.max(url.lastIndexOf('/'), url.lastIndexOf('\\'));
    return url.substring(slash + 1);
  }
}
