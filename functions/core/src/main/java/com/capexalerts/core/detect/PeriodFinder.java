package com.capexalerts.core.detect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the time span stated for an amount: "over the next three years", "in fiscal 2025", "by 2028". */
final class PeriodFinder {
  private PeriodFinder() {}

  private static final String N =
      "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|few|several)";

  private static final Pattern PERIOD =
      Pattern.compile(
          String.join(
              "|",
              "\\b(?:over|across|during|in|within|for)\\s+(?:the\\s+)?(?:next|coming|following)\\s+(?:" + N
                  + "\\s+)?(?:years?|months|quarters|decades?)\\b",
              "\\bover\\s+(?:a\\s+|the\\s+)?" + N + "[-\\s]years?(?:\\s+period)?\\b",
              "\\b(?:through|thru|until|till|by)\\s+(?:the\\s+end\\s+of\\s+)?(?:fiscal\\s+(?:year\\s+)?)?(?:19|20)\\d\\d\\b",
              "\\bby\\s+(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+|next\\s+)?(?:year|decade)\\b",
              "\\b(?:in|for|during)\\s+(?:its\\s+|the\\s+)?(?:fiscal|financial)\\s+(?:year\\s+)?(?:20\\d\\d|'?\\d\\d)(?:[-/]\\d\\d)?\\b",
              "\\b(?:in|for|during)\\s+FY\\s?'?\\d{2,4}\\b",
              "\\b(?:in|for|during)\\s+the\\s+(?:current|coming|next)\\s+(?:fiscal\\s+|financial\\s+|calendar\\s+)?year\\b",
              "\\b(?:this|next)\\s+(?:fiscal\\s+|financial\\s+|calendar\\s+)?year\\b",
              "\\bbetween\\s+20\\d\\d\\s+and\\s+20\\d\\d\\b",
              "\\bfrom\\s+20\\d\\d\\s+(?:to|through|until)\\s+20\\d\\d\\b",
              "\\b(?:in|for|during)\\s+20\\d\\d\\b",
              "\\b(?:annually|per\\s+year|each\\s+year|every\\s+year|per\\s+annum|per\\s+quarter|each\\s+quarter)\\b",
              "\\ba\\s+year\\b(?!\\s+(?:ago|earlier|before|after))",
              "\\b20\\d\\d(?=\\s+(?:capex|capital\\s+(?:expenditures?|spending)|spending|budget|investment|forecast|guidance)\\b)"),
          Pattern.CASE_INSENSITIVE);

  /** First words of the patterns above: the regex is tried only where one of them starts a word. */
  private static final java.util.Set<String> TRIGGERS =
      java.util.Set.of(
          "over", "across", "during", "in", "within", "for", "through", "thru", "until", "till", "by", "this",
          "next", "between", "from", "annually", "per", "each", "every", "a");

  /**
   * The period nearest to the amount at [{@code amountStart}, {@code amountEnd}) within [{@code from},
   * {@code to}) of {@code s}, as written; null when none is stated there.
   */
  static String find(String s, int from, int to, int amountStart, int amountEnd) {
    if (from >= to) {
      return null;
    }
    Matcher m = null;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c) || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))) {
        i++;
        continue;
      }
      int e = i;
      while (e < to && Character.isLetterOrDigit(s.charAt(e))) {
        e++;
      }
      boolean candidate =
          (c == '2' && e - i == 4) || (e - i <= 8 && TRIGGERS.contains(s.substring(i, e).toLowerCase(java.util.Locale.ROOT)));
      if (candidate && (i >= amountEnd || e <= amountStart)) {
        if (m == null) {
          m = PERIOD.matcher(s);
        }
        m.region(i, to);
        if (m.lookingAt() && (m.end() <= amountStart || m.start() >= amountEnd)) {
          int distance = m.start() >= amountEnd ? m.start() - amountEnd : amountStart - m.end();
          if (m.start() >= amountEnd && Character.isDigit(m.group().charAt(0))) {
            // "2026 capital expenditures of $185 billion, more than double its 2025 spending": a year's spending
            // written after the amount is the comparison, the one before it the amount's own
            distance += 10_000;
          }
          if (distance < bestDistance) {
            bestDistance = distance;
            best = m.group();
          }
        }
      }
      i = e;
    }
    return best == null ? null : best.replaceAll("\\s+", " ");
  }
}
