package com.capexalerts.core.fetch;

import java.util.Locale;

/** Why a feed failed, in the classes an operator acts on differently. */
public enum FailureClass {
  /** The host name does not resolve: a typo, or the site is gone. */
  DNS,
  /** Resolved, but the connection was refused or the address unreachable. */
  CONNECT,
  /** The TLS handshake failed (certificate, protocol). */
  TLS,
  /** No complete answer in time (connect or read). */
  TIMEOUT,
  /** The server answered with a status other than 2xx or 304. */
  HTTP_STATUS,
  /** The body passed the size cap. */
  TOO_LARGE,
  /** A body came, but it is no RSS or Atom document (HTML, JSON, plain text, an unknown root element). */
  NOT_A_FEED,
  /** An RSS or Atom document that could not be read (malformed XML, a refused DTD, a bad encoding). */
  PARSE,
  /** A local feed file is missing or unreadable. */
  FILE,
  /** Our own state store failed, not the feed. */
  STORE,
  /** Anything else (a bug, an unusual I/O error). */
  OTHER;

  /** "dns", "http-status", "not-a-feed", ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The class of a wire name; null for null, OTHER for a name this version does not know. */
  public static FailureClass fromWire(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException unknown) {
      return OTHER;
    }
  }

  /**
   * The class of a feed reader's refusal, from its message: the reader's messages name what the body was ("not RSS
   * or Atom", "an HTML page", "root element <…>", "over the limit").
   */
  public static FailureClass ofParseMessage(String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (m.contains("over the limit")) {
      return TOO_LARGE;
    }
    if (m.contains("not rss or atom") || m.contains("html page") || m.contains("root element")
        || m.contains("body is not xml") || m.contains("is json")) {
      return NOT_A_FEED;
    }
    return PARSE;
  }
}
