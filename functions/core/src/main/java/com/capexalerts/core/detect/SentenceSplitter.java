package com.capexalerts.core.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits news text into sentences without breaking on abbreviations ("U.S.", "Inc.", "Corp.", "Mr.", "approx."),
 * initials ("J. P. Morgan") or decimals ("$1.5 billion"). A period after an abbreviation that can also end a
 * sentence ("... in the U.S. The company ...") splits only when a typical sentence opener follows. Thread-safe.
 */
public final class SentenceSplitter {

  /** A sentence: its text (trimmed) and where it is in the input. */
  public record Sentence(String text, int start, int end) {}

  /** Never end a sentence: titles, "approx.", month abbreviations before a day, "No. 1". */
  private static final Set<String> NEVER_FINAL =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "st", "jr",
          "sr", "mt", "ft", "no", "nos", "vs", "v", "approx", "est", "e.g", "i.e", "cf", "al", "jan", "feb",
          "apr", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "figs", "rev", "hon", "messrs", "ave", "blvd",
          "dept", "univ", "pres", "min", "max", "ca", "c", "incl", "excl", "ref", "vol", "pp");

  /** Abbreviations that may also end a sentence. */
  private static final Set<String> MAYBE_FINAL =
      Set.of("inc", "corp", "co", "ltd", "plc", "llc", "bros", "etc", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u",
          "u.a.e", "s.a", "n.v", "ag", "bhd");

  /** Words that typically open a sentence, used after a MAYBE_FINAL abbreviation. */
  private static final Set<String> OPENERS =
      Set.of(
          "The", "It", "Its", "He", "She", "They", "Their", "We", "Our", "This", "That", "These", "Those", "But",
          "And", "However", "Meanwhile", "In", "On", "At", "For", "A", "An", "Shares", "Analysts", "Separately",
          "Last", "Earlier", "According", "Also", "Still", "Yet", "Under", "Over", "While", "After", "Before",
          "As", "With", "Since", "If", "When", "Investors", "There", "Such", "Both", "Some", "Many",
          "Other", "Others", "Most", "Reuters", "Bloomberg");

  /** Sentences of {@code text}, in order; empty text gives none. */
  public List<Sentence> split(String text) {
    List<Sentence> out = new ArrayList<>();
    int n = text.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' && i + 1 < n && (text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r')) {
        add(out, text, start, i);
        start = i + 1;
        continue;
      }
      if (isBullet(c) && (i == 0 || isSpace(text.charAt(i - 1)))) {
        add(out, text, start, i); // "Here's what to know: • $2.9 billion for AI infrastructure • ..."
        start = i + 1;
        continue;
      }
      if (c != '.' && c != '!' && c != '?' && c != '…') {
        continue;
      }
      int j = i + 1;
      while (j < n && isCloser(text.charAt(j))) {
        j++;
      }
      if (j < n && !isSpace(text.charAt(j))) {
        continue; // "$1.5", "U.S.-based", "Amazon.com"
      }
      int k = j;
      while (k < n && isSpace(text.charAt(k))) {
        k++;
      }
      if (k >= n) {
        break;
      }
      char next = text.charAt(k);
      boolean camelBrand =
          Character.isLowerCase(next) && k + 1 < n && Character.isUpperCase(text.charAt(k + 1)); // "xAI", "iPhone"
      if (!(Character.isUpperCase(next) || Character.isDigit(next) || isOpener(next) || camelBrand)) {
        continue;
      }
      if (c == '.' && !endsSentence(text, i, k)) {
        continue;
      }
      add(out, text, start, j);
      start = k;
      i = k - 1;
    }
    add(out, text, start, n);
    return out;
  }

  private static boolean endsSentence(String text, int dot, int next) {
    int w = dot;
    while (w > 0 && !isSpace(text.charAt(w - 1)) && text.charAt(w - 1) != '(' && text.charAt(w - 1) != '"') {
      w--;
    }
    String word = text.substring(w, dot);
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return false; // an initial: "J. P. Morgan"
    }
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    if (NEVER_FINAL.contains(lower)) {
      return false;
    }
    boolean dotted = lower.indexOf('.') > 0; // "U.S", "a.m"
    if (MAYBE_FINAL.contains(lower) || dotted) {
      int e = next;
      while (e < text.length() && Character.isLetter(text.charAt(e))) {
        e++;
      }
      return OPENERS.contains(text.substring(next, e));
    }
    return true;
  }

  private static void add(List<Sentence> out, String text, int from, int to) {
    while (from < to && isSpace(text.charAt(from))) {
      from++;
    }
    while (to > from && isSpace(text.charAt(to - 1))) {
      to--;
    }
    if (to > from) {
      out.add(new Sentence(text.substring(from, to), from, to));
    }
  }

  /** A list bullet: each item of a list is a sentence of its own. */
  private static boolean isBullet(char c) {
    return c == '•' || c == '▪' || c == '◦' || c == '‣' || c == '●' || c == '■';
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '”' || c == '’' || c == '\'' || c == ')' || c == ']' || c == '.' || c == '!'
        || c == '?';
  }

  private static boolean isOpener(char c) {
    return c == '"' || c == '“' || c == '‘' || c == '\'' || c == '(' || c == '[';
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\u00a0' || c == '\u202f' || c == '\u2009' || c == '\t' || c == '\n' || c == '\r';
  }
}
