package com.capexalerts.core.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces a stated period to a comparable token, so that "in fiscal 2025", "for 2025" and "this year" (published in
 * 2025) compare equal and "fiscal 2026" differs. Tokens: {@code Y2025} (a year; fiscal years count as their number),
 * {@code D3} (a span of three years), {@code E2027} (through or by a year), {@code R2025-2028} (a range of years).
 * Anything else ("this fiscal year", "a year") gives null: unknown, so it never makes two commitments distinct.
 */
public final class Periods {
  private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
      Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
      Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("fifteen", 15),
      Map.entry("twenty", 20));
  private static final String YEAR = "((?:19|20)\\d\\d)";
  private static final Pattern RANGE = Pattern.compile("(?:from |between )?" + YEAR + "\\s*(?:to|and|-|–|through)\\s*"
      + YEAR);
  private static final Pattern END = Pattern.compile("(?:through|by|until|to|thru)(?: the end of)? " + YEAR);
  private static final Pattern FISCAL = Pattern.compile("(?:fiscal(?: year)?|fy)\\s*'?(\\d{2,4})\\b");
  private static final Pattern SPAN = Pattern.compile("(?:over|across|during|within|in)? ?(?:the )?(?:next |coming |"
      + "following )?(\\d+|[a-z]+)[ -]years?\\b");
  private static final Pattern PLAIN_YEAR = Pattern.compile("(?:^|\\b(?:in|for|during|of|calendar)\\s)" + YEAR
      + "\\b|^" + YEAR + "$");

  private Periods() {}

  /** The token of {@code period} as of {@code published}, or null when there is none or it is not understood. */
  public static String token(String period, Instant published) {
    if (period == null || period.isBlank()) {
      return null;
    }
    String p = period.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    int year = published == null ? -1 : published.atOffset(ZoneOffset.UTC).getYear();
    Matcher m = RANGE.matcher(p);
    if (m.find()) {
      return "R" + m.group(1) + "-" + m.group(2);
    }
    m = END.matcher(p);
    if (m.find()) {
      return "E" + m.group(1);
    }
    m = FISCAL.matcher(p);
    if (m.find()) {
      int y = Integer.parseInt(m.group(1));
      return "Y" + (y < 100 ? 2000 + y : y);
    }
    if (p.contains("fiscal")) {
      return null; // "this fiscal year": which year depends on the company's calendar
    }
    m = SPAN.matcher(p);
    if (m.find()) {
      Integer n = m.group(1).chars().allMatch(Character::isDigit) ? Integer.valueOf(m.group(1))
          : NUMBERS.get(m.group(1));
      if (n != null) {
        return "D" + n;
      }
    }
    if (year > 0 && p.matches("(?:in |for |during )?this year|(?:in |for )?the current year")) {
      return "Y" + year;
    }
    if (year > 0 && p.matches("(?:in |for )?next year")) {
      return "Y" + (year + 1);
    }
    m = PLAIN_YEAR.matcher(p);
    if (m.find()) {
      return "Y" + (m.group(1) != null ? m.group(1) : m.group(2));
    }
    return null;
  }

  /** Two tokens are different periods only when both are known and of the same kind. */
  public static boolean distinct(String a, String b) {
    return a != null && b != null && a.charAt(0) == b.charAt(0) && !a.equals(b);
  }

  /** Both known and equal: the same stated period. */
  public static boolean same(String a, String b) {
    return a != null && a.equals(b);
  }
}
