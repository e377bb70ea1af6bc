package com.capexalerts.core.detect.zh;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese text as the detector reads it: which items are Chinese, full-width forms folded to ASCII, sentences and
 * clauses. Folding keeps every character in place (one for one), so offsets into the folded text are offsets
 * into the original, and evidence is quoted as written.
 */
public final class ChineseText {
  private ChineseText() {}

  /** A sentence of an item: its folded text and the same span as written. */
  public record Sentence(String text, String original, boolean title) {}

  /**
   * True when the item is written in Chinese: most of its words are ideographs (a Latin word counts as about
   * five letters' worth), and it is not Japanese (kana). Mixed items ("Meta今年將砸650億美元投資AI") are Chinese.
   */
  public static boolean isChinese(String title, String text) {
    int[] counts = new int[3];
    count(title, counts);
    count(text, counts);
    int ideographs = counts[0];
    int latin = counts[1];
    int kana = counts[2];
    if (ideographs < 4 || kana * 5 > ideographs) {
      return false;
    }
    return ideographs * 5 >= latin;
  }

  private static void count(String s, int[] counts) {
    if (s == null) {
      return;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isIdeograph(c)) {
        counts[0]++;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        counts[1]++;
      } else if (c >= '\u3040' && c <= '\u30ff') {
        counts[2]++;
      }
    }
  }

  public static boolean isIdeograph(char c) {
    return (c >= '\u4e00' && c <= '\u9fff') || (c >= '\u3400' && c <= '\u4dbf') || (c >= '\uf900' && c <= '\ufaff');
  }

  /**
   * Full-width ASCII forms as ASCII and the ideographic space as a clause break (，), other characters unchanged;
   * same length.
   */
  public static String fold(String s) {
    char[] out = s.toCharArray();
    for (int i = 0; i < out.length; i++) {
      char c = out[i];
      if (c >= '\uFF01' && c <= '\uFF5E') {
        out[i] = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        out[i] = '，'; // in headlines the ideographic space separates two statements
      }
    }
    return new String(out);
  }

  /** Sentence ends: 。！？； and their ASCII forms (after folding), and line breaks. */
  private static boolean isEnd(char c) {
    return c == '。' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '…';
  }

  private static boolean isCloser(char c) {
    return c == '”' || c == '’' || c == '」' || c == '』' || c == ')' || c == '"' || c == '》';
  }

  /**
   * The title as one sentence, then the text split into sentences. A period followed by a space ends a sentence
   * too (an English sentence inside a Chinese item), but not inside a number ("1.5万亿").
   */
  public static List<Sentence> sentences(String title, String text) {
    List<Sentence> out = new ArrayList<>();
    if (title != null && !title.isBlank()) {
      String t = withoutOutlet(title.strip());
      out.add(new Sentence(fold(t), t, true));
    }
    if (text == null) {
      return out;
    }
    String f = fold(text);
    int start = 0;
    int n = f.length();
    for (int i = 0; i < n; i++) {
      char c = f.charAt(i);
      boolean end = isEnd(c) || (c == '.' && i + 1 < n && f.charAt(i + 1) == ' ' && i > 0 && !Character.isDigit(f.charAt(i - 1)));
      if (!end) {
        continue;
      }
      int j = i + 1;
      while (j < n && (isCloser(f.charAt(j)) || isEnd(f.charAt(j)))) {
        j++;
      }
      add(out, f, text, start, j);
      start = j;
      i = j - 1;
    }
    add(out, f, text, start, n);
    return out;
  }

  /** "阿里巴巴宣布投入3800亿元 - 新浪财经" (a Google News title) without its outlet, which is no actor. */
  static String withoutOutlet(String title) {
    int dash = title.lastIndexOf(" - ");
    if (dash > 0 && title.length() - dash - 3 <= 24 && title.length() - dash - 3 > 0) {
      String outlet = title.substring(dash + 3);
      if (outlet.chars().noneMatch(c -> Character.isDigit(c) || c == '亿' || c == '億')) {
        return title.substring(0, dash).strip();
      }
    }
    return title;
  }

  private static void add(List<Sentence> out, String f, String original, int from, int to) {
    while (from < to && Character.isWhitespace(f.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(f.charAt(to - 1))) {
      to--;
    }
    if (to > from) {
      out.add(new Sentence(f.substring(from, to), original.substring(from, to), false));
    }
  }

  /** True at a clause boundary of a folded sentence: a comma, colon, bracket, or a space between ideographs. */
  static boolean isClauseBreak(String s, int i) {
    char c = s.charAt(i);
    if (c == ',' || c == ':' || c == '，' || c == '：' || c == '(' || c == ')' || c == '「' || c == '」') {
      return !(c == ',' && i > 0 && i + 1 < s.length() && Character.isDigit(s.charAt(i - 1))
          && Character.isDigit(s.charAt(i + 1)));
    }
    if (c == ' ' && i > 0 && i + 1 < s.length()) {
      // In headlines a space before Chinese words separates two statements ("拚AI 傳字節跳動明年砸230億美元").
      return isIdeograph(s.charAt(i + 1)) && !Character.isDigit(s.charAt(i - 1));
    }
    return false;
  }

  /** Start of the clause containing position i. */
  static int clauseStart(String s, int i) {
    for (int k = Math.min(i, s.length()) - 1; k >= 0; k--) {
      if (isClauseBreak(s, k)) {
        return k + 1;
      }
    }
    return 0;
  }

  /** End of the clause containing position i. */
  static int clauseEnd(String s, int i) {
    for (int k = i; k < s.length(); k++) {
      if (isClauseBreak(s, k)) {
        return k;
      }
    }
    return s.length();
  }
}
