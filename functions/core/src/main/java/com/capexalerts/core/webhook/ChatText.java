package com.capexalerts.core.webhook;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/**
 * Helpers for putting untrusted feed text (titles, evidence, outlet names) into chat messages: clean it to one line,
 * escape it for the target markup and cut it to a length limit without splitting an escape or a surrogate pair.
 */
final class ChatText {
  static final String ELLIPSIS = "…";

  /** Escapes one code point at {@code index} of {@code text}; may look at the text around it. */
  @FunctionalInterface
  interface Escaper {
    String escape(String text, int index, int codePoint);
  }

  private ChatText() {}

  /**
   * One line of text: control characters and line/paragraph separators become spaces (so a title cannot start a new
   * markdown block), bidi overrides are dropped (they can make text read differently from what it is), runs of
   * whitespace collapse. Null gives "".
   */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isBidiControl(cp)) {
        continue;
      }
      int type = Character.getType(cp);
      boolean blank = Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.CONTROL
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
      if (blank) {
        space = true;
        continue;
      }
      if (space && !out.isEmpty()) {
        out.append(' ');
      }
      space = false;
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  private static boolean isBidiControl(int cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
        || cp == 0x061C;
  }

  /**
   * Escapes {@code cleaned} code point by code point and keeps at most {@code max} UTF-16 chars (a conservative measure
   * of every service's limit), ending with "…" when cut. An escape sequence or surrogate pair is never split.
   */
  static String fit(String cleaned, int max, Escaper escaper) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be positive: " + max);
    }
    String whole = escapeWithin(cleaned, Integer.MAX_VALUE, escaper);
    if (whole.length() <= max) {
      return whole;
    }
    return escapeWithin(cleaned, max - ELLIPSIS.length(), escaper) + ELLIPSIS;
  }

  /** Escaped pieces of {@code cleaned}, as many whole pieces as fit in {@code budget} chars. */
  private static String escapeWithin(String cleaned, int budget, Escaper escaper) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cleaned.length(); ) {
      int cp = cleaned.codePointAt(i);
      String piece = escaper.escape(cleaned, i, cp);
      i += Character.charCount(cp);
      if (out.length() + piece.length() > budget) {
        break;
      }
      out.append(piece);
    }
    return out.toString();
  }

  /** True when {@code text} before {@code end} is one or more digits ("2025." would start a numbered list). */
  static boolean onlyDigitsBefore(String text, int end) {
    if (end == 0) {
      return false;
    }
    for (int k = 0; k < end; k++) {
      if (!Character.isDigit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** No escaping: for fields the service shows as plain text. */
  static String plain(String text, int index, int codePoint) {
    return Character.toString(codePoint);
  }

  /** The link if it is an absolute http(s) URL, in ASCII form (so it holds no space, '<', '>' or '|'). */
  static Optional<String> httpLink(String link) {
    if (link == null || link.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(link.strip());
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null
          || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
        return Optional.empty();
      }
      return Optional.of(uri.toASCIIString());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** "$53 billion", "$1.25 trillion", "$850 million", "$12,345". */
  static String usd(BigDecimal amount) {
    BigDecimal abs = amount.abs();
    String[] names = {"trillion", "billion", "million"};
    BigDecimal[] scales = {new BigDecimal("1e12"), new BigDecimal("1e9"), new BigDecimal("1e6")};
    for (int k = 0; k < names.length; k++) {
      if (abs.compareTo(scales[k]) >= 0) {
        BigDecimal scaled = amount.divide(scales[k]).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return "$" + scaled.toPlainString() + " " + names[k];
      }
    }
    DecimalFormat grouping = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return "$" + grouping.format(amount.setScale(0, RoundingMode.HALF_UP));
  }
}
