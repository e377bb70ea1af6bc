package com.capexalerts.core.alert;

import java.text.Normalizer;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Folds Unicode text into a narrow character set (ASCII for e-mail subjects, GSM 03.38 for SMS) and says whether
 * anything meaningful was lost, so a caller can fall back to a safer rendering (e.g. "CNY 380 billion" instead of a
 * Chinese amount that would lose its digits' unit).
 */
public final class TextFolding {
  /**
   * Plain replacements for typography that has an exact plain meaning. Applied only to characters the target set
   * lacks, so GSM keeps its own euro sign while ASCII spells it out.
   */
  private static final Map<Integer, String> PLAIN = Map.ofEntries(
      Map.entry((int) '‘', "'"), Map.entry((int) '’', "'"), Map.entry((int) '‚', "'"), Map.entry((int) '‛', "'"),
      Map.entry((int) '′', "'"), Map.entry((int) '`', "'"), Map.entry((int) '´', "'"),
      Map.entry((int) '“', "\""), Map.entry((int) '”', "\""), Map.entry((int) '„', "\""), Map.entry((int) '‟', "\""),
      Map.entry((int) '″', "\""), Map.entry((int) '«', "\""), Map.entry((int) '»', "\""),
      Map.entry((int) '‐', "-"), Map.entry((int) '‑', "-"), Map.entry((int) '‒', "-"), Map.entry((int) '–', "-"),
      Map.entry((int) '—', "-"), Map.entry((int) '―', "-"), Map.entry((int) '−', "-"),
      Map.entry((int) '•', "-"), Map.entry((int) '·', "-"), Map.entry((int) '×', "x"), Map.entry((int) '÷', "/"),
      Map.entry((int) '€', "EUR "), Map.entry((int) '£', "GBP "), Map.entry((int) '₹', "INR "),
      Map.entry((int) '₩', "KRW "), Map.entry((int) '©', "(c)"), Map.entry((int) '®', "(R)"),
      Map.entry((int) 'ł', "l"), Map.entry((int) 'Ł', "L"), Map.entry((int) 'đ', "d"), Map.entry((int) 'Đ', "D"),
      Map.entry((int) 'ø', "o"), Map.entry((int) 'Ø', "O"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'Æ', "AE"),
      Map.entry((int) 'ß', "ss"), Map.entry((int) 'œ', "oe"), Map.entry((int) 'Œ', "OE"));

  /** The folded text and whether every character survived with its meaning. */
  public record Folded(String text, boolean lossless) {}

  private TextFolding() {}

  /** Folds into printable ASCII (0x20..0x7E). */
  public static Folded ascii(String text) {
    return fold(text, cp -> cp >= 0x20 && cp < 0x7F);
  }

  /**
   * Folds text into the characters {@code keep} accepts. Per character: whitespace becomes a space; a kept character
   * stays; known typography gets its plain form; otherwise its compatibility decomposition (NFKD) without accents is
   * used when all of that is kept (é becomes e, ﬁ becomes fi, full-width digits become digits); anything else is
   * dropped and the result is marked lossy. Runs of spaces collapse and the ends are trimmed.
   */
  public static Folded fold(String text, IntPredicate keep) {
    StringBuilder out = new StringBuilder(text.length());
    boolean lossless = true;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      String folded = foldOne(cp, keep);
      if (folded == null) {
        lossless = false;
      } else {
        out.append(folded);
      }
    }
    return new Folded(collapseSpaces(out), lossless);
  }

  private static String foldOne(int cp, IntPredicate keep) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return " ";
    }
    if (keep.test(cp)) {
      return Character.toString(cp);
    }
    String plain = PLAIN.get(cp);
    if (plain != null && plain.codePoints().allMatch(keep)) {
      return plain;
    }
    if (Character.getType(cp) == Character.FORMAT) {
      return ""; // zero-width joiners, soft hyphens, direction marks: invisible, nothing is lost
    }
    String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD);
    StringBuilder base = new StringBuilder();
    for (int j = 0; j < decomposed.length(); ) {
      int d = decomposed.codePointAt(j);
      j += Character.charCount(d);
      int type = Character.getType(d);
      if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK) {
        continue;
      }
      if (Character.isSpaceChar(d)) {
        base.append(' ');
      } else if (keep.test(d)) {
        base.appendCodePoint(d);
      } else {
        return null;
      }
    }
    return base.isEmpty() ? null : base.toString();
  }

  private static String collapseSpaces(CharSequence s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = true; // drops leading spaces
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ') {
        if (!space) {
          out.append(' ');
        }
        space = true;
      } else {
        out.append(c);
        space = false;
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    return out.substring(0, end);
  }

  /**
   * The prefix {@code text[0, end)} cut back to the last word boundary when that keeps at least two thirds of it
   * (otherwise the hard cut), without trailing spaces or joining punctuation.
   */
  static String cutAtWord(String text, int end) {
    if (end <= 0) {
      return "";
    }
    String head = text.substring(0, end);
    boolean midWord = end < text.length() && !Character.isWhitespace(text.charAt(end))
        && !Character.isWhitespace(text.charAt(end - 1));
    if (midWord) {
      int space = head.lastIndexOf(' ');
      if (space >= end * 2 / 3) {
        head = head.substring(0, space);
      }
    }
    int cut = head.length();
    while (cut > 0 && " ,;:-(".indexOf(head.charAt(cut - 1)) >= 0) {
      cut--;
    }
    return head.substring(0, cut);
  }

  /** Cuts plain text to at most {@code maxChars} characters, at a word boundary when one is near, marked "...". */
  public static String truncate(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int end = maxChars - 3;
    if (end > 0 && Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    return end <= 0 ? "...".substring(0, Math.max(0, maxChars)) : cutAtWord(text, end) + "...";
  }
}
