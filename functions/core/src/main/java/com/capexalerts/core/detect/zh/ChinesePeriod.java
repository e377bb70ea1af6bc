package com.capexalerts.core.detect.zh;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time spans written in Chinese ("未来三年", "2025财年", "到2028年", "本財年") and their English reading for renderings
 * that cannot carry Chinese (SMS in GSM-7, ASCII subjects).
 */
public final class ChinesePeriod {
  private ChinesePeriod() {}

  private static final String NUM = "(?:\\d+|[一二两兩三四五六七八九十]+)";

  private static final Pattern PERIOD =
      Pattern.compile(
          String.join(
              "|",
              "(?:未来|未來|今后|今後|接下来|接下來|此后|此後)" + NUM + "年(?:内|內|间|間)?",
              "20\\d\\d(?:年)?(?:至|到|-|–|~)20\\d\\d年(?:间|間)?",
              "(?:到|至|在|截至)20\\d\\d年(?:前|底|以前|之前)?",
              "20\\d\\d(?:财年|財年|会计年度|會計年度|财政年度|財政年度)",
              "(?:本|今|下一|下个|下個|明)(?:财年|財年|会计年度|會計年度|财政年度|財政年度)",
              "(?<![\\d年])" + NUM + "年(?:内|內|间|間)",
              "(?<![\\d年第])(?:[一二两兩三四五六七八九十]|\\d{1,2})年(?=[^\\d前后後来來级級度]|$)",
              "20\\d\\d年(?:全年)?",
              "今年(?:全年)?",
              "明年(?:全年)?",
              "每年"));

  /** The period nearest to the amount at [start, end) in the folded sentence, or null. */
  static String find(String s, int start, int end) {
    Matcher m = PERIOD.matcher(s);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    while (m.find()) {
      if (m.start() < end && m.end() > start) {
        continue;
      }
      int d = m.start() >= end ? m.start() - end : start - m.end();
      if (d < bestDistance) {
        bestDistance = d;
        best = m.group();
      }
    }
    return best;
  }

  private static final Pattern NEXT = Pattern.compile("(?:未来|未來|今后|今後|接下来|接下來|此后|此後)(" + NUM + ")年.*");
  private static final Pattern WITHIN = Pattern.compile("(" + NUM + ")年(?:内|內|间|間)");
  private static final Pattern YEARS = Pattern.compile("(" + NUM + ")年");
  private static final Pattern SPAN = Pattern.compile("(20\\d\\d)(?:年)?(?:至|到|-|–|~)(20\\d\\d)年.*");
  private static final Pattern BY = Pattern.compile("(?:到|至|在|截至)(20\\d\\d)年.*");
  private static final Pattern FISCAL = Pattern.compile("(20\\d\\d)(?:财年|財年|会计年度|會計年度|财政年度|財政年度)");
  private static final Pattern YEAR = Pattern.compile("(20\\d\\d)年.*");

  /**
   * The period in English ("over the next three years", "in fiscal 2025", "by 2028"); a period already in ASCII
   * is returned as it is, one not recognised gives null.
   */
  public static String english(String period) {
    if (period == null) {
      return null;
    }
    String p = ChineseText.fold(period).strip();
    if (p.chars().allMatch(c -> c < 128)) {
      return p;
    }
    Matcher m;
    if ((m = NEXT.matcher(p)).matches()) {
      return "over the next " + words(m.group(1)) + " years";
    }
    if ((m = SPAN.matcher(p)).matches()) {
      return "in " + m.group(1) + "-" + m.group(2);
    }
    if ((m = BY.matcher(p)).matches()) {
      return "by " + m.group(1);
    }
    if ((m = FISCAL.matcher(p)).matches()) {
      return "in fiscal " + m.group(1);
    }
    if (p.matches("(?:本|今)(?:财年|財年|会计年度|會計年度|财政年度|財政年度)")) {
      return "this fiscal year";
    }
    if (p.matches("(?:下一|下个|下個|明)(?:财年|財年|会计年度|會計年度|财政年度|財政年度)")) {
      return "next fiscal year";
    }
    if ((m = WITHIN.matcher(p)).matches()) {
      return "within " + words(m.group(1)) + " years";
    }
    if ((m = YEARS.matcher(p)).matches()) {
      return "over " + words(m.group(1)) + " years";
    }
    if ((m = YEAR.matcher(p)).matches()) {
      return "in " + m.group(1);
    }
    if (p.startsWith("今年")) {
      return "this year";
    }
    if (p.startsWith("明年")) {
      return "next year";
    }
    if (p.equals("每年")) {
      return "a year";
    }
    return null;
  }

  private static final String[] ENGLISH = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"
  };

  /** "三" → "three", "5" → "five", "十" → "ten"; larger numbers as digits. */
  private static String words(String n) {
    int v = value(n);
    if (v == 1) {
      return "one"; // "over the next one years" reads badly, but the form is rare
    }
    return v >= 0 && v <= 10 ? ENGLISH[v] : String.valueOf(v);
  }

  static int value(String n) {
    if (n.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(n);
    }
    int total = 0;
    int digit = -1;
    for (char c : n.toCharArray()) {
      int d = "零一二三四五六七八九".indexOf(c);
      if (c == '两' || c == '兩') {
        d = 2;
      }
      if (d >= 0) {
        digit = d;
      } else if (c == '十') {
        total += (digit < 0 ? 1 : digit) * 10;
        digit = -1;
      }
    }
    return total + Math.max(digit, 0);
  }
}
