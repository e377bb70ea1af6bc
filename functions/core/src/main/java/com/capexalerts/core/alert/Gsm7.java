package com.capexalerts.core.alert;

/**
 * The GSM 03.38 default alphabet (3GPP TS 23.038) that a single-segment SMS is measured in.
 *
 * <p>A message stays in one segment only while every character is in this alphabet and the total is at most 160
 * septets; a single character outside it switches the whole message to UCS-2 (70 characters per segment). Characters
 * of the extension table (such as the euro sign) take two septets each, because they are sent as ESC plus a code.
 */
public final class Gsm7 {
  /** Septets in one SMS segment. */
  public static final int SINGLE_SEGMENT_SEPTETS = 160;

  /** The 128 characters of the basic table, in code order (ESC at 0x1B is left out: it is no character). */
  private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
      + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  /** The extension table: each costs two septets. */
  private static final String EXTENSION = "\f^{}\\[~]|€";

  private Gsm7() {}

  /** True when the code point is in the basic table (ESC excluded). */
  public static boolean isBasic(int codePoint) {
    return codePoint != 0x1B && codePoint < 0x10000 && BASIC.indexOf(codePoint) >= 0;
  }

  /** True when the code point is in the extension table. */
  public static boolean isExtension(int codePoint) {
    return codePoint < 0x10000 && EXTENSION.indexOf(codePoint) >= 0;
  }

  /** True when the code point can be sent in the default alphabet at all. */
  public static boolean isEncodable(int codePoint) {
    return isBasic(codePoint) || isExtension(codePoint);
  }

  /** True when every character of the text can be sent in the default alphabet. */
  public static boolean isEncodable(CharSequence text) {
    return text.codePoints().allMatch(Gsm7::isEncodable);
  }

  /**
   * Septets the text takes in the default alphabet.
   *
   * @throws IllegalArgumentException naming the first character that is not in the alphabet
   */
  public static int septets(CharSequence text) {
    int total = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      total += septets(cp, text, i);
      i += Character.charCount(cp);
    }
    return total;
  }

  private static int septets(int cp, CharSequence text, int index) {
    if (isBasic(cp)) {
      return 1;
    }
    if (isExtension(cp)) {
      return 2;
    }
    throw new IllegalArgumentException("character U+%04X at index %d of \"%s\" is not in the GSM 03.38 alphabet"
        .formatted(cp, index, text));
  }

  /**
   * Rewrites any text into the default alphabet: typographic quotes and dashes become their plain forms, accented
   * letters outside the alphabet lose their accents, other characters (CJK, emoji, ...) are dropped; whitespace is
   * collapsed to single spaces.
   */
  public static TextFolding.Folded transliterate(String text) {
    return TextFolding.fold(text, Gsm7::isEncodable);
  }

  /**
   * Cuts default-alphabet text to at most {@code maxSeptets}: at a word boundary when one is near, marked with
   * "...", never splitting a two-septet character.
   *
   * @throws IllegalArgumentException when the text is not in the alphabet
   */
  public static String truncate(String text, int maxSeptets) {
    if (septets(text) <= maxSeptets) {
      return text;
    }
    String ellipsis = "...";
    int budget = maxSeptets - ellipsis.length();
    if (budget <= 0) {
      return ellipsis.substring(0, Math.max(0, maxSeptets));
    }
    int used = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int cost = isExtension(cp) ? 2 : 1;
      if (used + cost > budget) {
        break;
      }
      used += cost;
      end += Character.charCount(cp);
    }
    return TextFolding.cutAtWord(text, end) + ellipsis;
  }
}
