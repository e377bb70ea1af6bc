package com.capexalerts.core.detect.zh;

import com.capexalerts.core.detect.zh.ChineseLexicon.Cue;
import com.capexalerts.core.detect.zh.ChineseLexicon.Hit;
import com.capexalerts.core.money.MoneySpan;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind stage of the Chinese rules ({@link ChineseAnalysis}): what dates a figure or frames it as context (an
 * earlier pledge, progress, a comparison, a plan referred to, the old figure of a raise), what makes it a raise, a
 * part or an additional amount. Dates are judged against the item's publication year and month (0 when unknown).
 */
final class ChineseKind {
  /** Before an amount after an earlier figure: it is additional, not the earlier one. */
  private static final List<String> ADDITIONAL =
      List.of("再", "额外", "額外", "追加", "另外", "进一步", "進一步", "加码", "加碼", "新增", "增加");
  /** Words after a headline amount-noun that make it the topic of another statement. */
  private static final String REFERENCE_PREDICATES = "受遭引中或恐遇";
  private static final Pattern PLAN =
      Pattern.compile("的(?:AI|人工智能|云|雲|基础设施|基礎設施|基建|AI基建|投资|投資|投入)*(?:计划|計劃|规划|規劃)");
  private static final Pattern MONTH = Pattern.compile("(\\d{1,2})月");
  private static final Pattern YEAR = Pattern.compile("(20\\d\\d)年");

  private final int year;
  private final int month;

  ChineseKind(int year, int month) {
    this.year = year;
    this.month = month;
  }

  boolean pastYearBefore(String t, int from, int to) {
    if (year == 0) {
      return false;
    }
    Matcher y = YEAR.matcher(t);
    y.region(from, to);
    while (y.find()) {
      if (Integer.parseInt(y.group(1)) < year) {
        return true;
      }
    }
    return false;
  }

  /** "較9月預期多150億": the difference to an earlier figure, part of the new total beside it. */
  static boolean difference(String t, MoneySpan m, int cs) {
    String before = t.substring(cs, m.start());
    boolean compared = before.contains("較") || before.contains("较") || before.contains("比");
    String tail = before.replaceAll("[約约近逾超過过]+$", "");
    return compared && (tail.endsWith("多") || tail.endsWith("多出") || tail.endsWith("高出") || tail.endsWith("增加"));
  }


  /** "由3,800億元提高至4,800億元", "高於先前的850億美元": the earlier figure of a raise. */
  static boolean oldFigure(String t, MoneySpan m, int cs, int ce) {
    int b = m.start();
    String before = t.substring(Math.max(cs, b - 6), b);
    boolean from = before.endsWith("由") || before.endsWith("从") || before.endsWith("從") || before.contains("由原")
        || before.endsWith("从原定的") || before.endsWith("由原定的");
    if (from) {
      int k = ChineseAnalysis.skip(t, m.end());
      String rest = t.substring(k, Math.min(t.length(), k + 8));
      return rest.contains("至") || rest.contains("到") || rest.contains("增");
    }
    return false;
  }

  /** What dates the amount or frames it as context, or null when nothing does. */
  String dated(ChineseSentence s, MoneySpan m, int cs) {
    String t = s.text();
    Hit d = s.last(0, m.start(), Cue.DATED);
    if (d != null && !additionalBetween(t, d.end(), m.start()) && !raise(s, m, cs)) {
      return "dated " + ChineseAnalysis.quote(d);
    }
    // A comparison in the amount's own clause, or opening the sentence ("相比之下，…"); not "為追趕美國對手".
    Hit c = s.last(0, m.start(), Cue.COMPARE);
    if (c != null && (c.start() >= cs || c.start() == 0 && ChineseText.clauseEnd(t, 0) == c.end())) {
      return "a comparison " + ChineseAnalysis.quote(c);
    }
    if (additionalBefore(s, m) && !raise(s, m, cs) && (t.substring(cs, m.start()).contains("总") || t.substring(cs, m.start()).contains("總")
        || s.last(cs, m.start(), Cue.PROGRESS) != null)) {
      // "再投资40亿美元，使其总投资达到80亿美元"; a raised pledge ("由5000億美元提高至6000億美元") stays the news
      return "the resulting total after an additional amount";
    }
    if (pastSpendingBefore(s, m) && (t.substring(cs, m.start()).contains("总") || t.substring(cs, m.start()).contains("總"))) {
      return "a running total after past spending"; // "已在新加坡投入115亿新元，至2028年计划总投资将超过230亿新元"
    }
    Hit progress = s.first(0, m.start(), Cue.PROGRESS);
    if (progress == null) {
      progress = s.first(m.end(), ChineseText.clauseEnd(t, m.end()), Cue.PROGRESS);
    }
    if (progress != null) {
      return "progress or reaffirmation " + ChineseAnalysis.quote(progress); // "正推进…", "…的投资计划正按节奏推进"
    }
    if (pastMonthBefore(t, cs, m.start())) {
      return "announced in an earlier month";
    }
    return !s.title() && pastYearBefore(t, 0, m.start()) && announcedBefore(t, m) ? "announced in an earlier year" : null;
  }

  /** An earlier amount of the sentence is past spending ("已投入", "截至2023年"). */
  private static boolean pastSpendingBefore(ChineseSentence s, MoneySpan m) {
    for (MoneySpan o : s.money()) {
      if (o.end() <= m.start()) {
        int cs = ChineseText.clauseStart(s.text(), o.start());
        if (s.first(cs, o.start(), Cue.RESULTS) != null) {
          return true;
        }
      }
    }
    return false;
  }

  /** An earlier amount of the sentence is an additional one ("再投资40亿美元"). */
  private static boolean additionalBefore(ChineseSentence s, MoneySpan m) {
    for (MoneySpan o : s.money()) {
      if (o.end() <= m.start() && additionalBetween(s.text(), ChineseText.clauseStart(s.text(), o.start()), o.start())) {
        return true;
      }
    }
    return false;
  }

  static boolean additionalBetween(String t, int from, int to) {
    String gap = t.substring(from, to);
    return ADDITIONAL.stream().anyMatch(gap::contains);
  }

  /** "輝達9月承諾向OpenAI投資": a month before the item's own. */
  private boolean pastMonthBefore(String t, int from, int to) {
    if (month == 0) {
      return false;
    }
    Matcher mo = MONTH.matcher(t);
    mo.region(Math.max(0, from - 12), to);
    while (mo.find()) {
      int v = Integer.parseInt(mo.group(1));
      if (v >= 1 && v <= 12 && v < month && !(mo.end() < t.length() && t.charAt(mo.end()) == '底')) {
        String after = t.substring(mo.end(), Math.min(to, mo.end() + 8));
        if (after.contains("宣布") || after.contains("承诺") || after.contains("承諾") || after.contains("表示")
            || after.contains("公布") || after.contains("曾")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean announcedBefore(String t, MoneySpan m) {
    String before = t.substring(0, m.start());
    return before.contains("宣布") || before.contains("承诺") || before.contains("承諾") || before.contains("公布");
  }

  /**
   * A plan referred to as a noun: the company right before the amount and the investment word right after it,
   * in the body ("阿里3800亿元投入中"), or in a headline that goes on to say something else about it
   * ("輝達千億美元投資OpenAI受關注").
   */
  static boolean referenced(ChineseSentence s, MoneySpan m, int cs, int ce) {
    if (s.last(cs, m.start(), Cue.INVEST, Cue.PURCHASE, Cue.ACQUIRE, Cue.FUTURE) != null) {
      return false;
    }
    String t = s.text();
    if (!s.title() && m.end() < t.length() && t.charAt(m.end()) == '的' && PLAN.matcher(t).region(m.end(), ce).lookingAt()) {
      return true; // "三年3800亿元的投资计划": a plan known already
    }
    boolean named = s.names().stream().anyMatch(c -> c.end() == m.start() || c.end() + 1 == m.start()
        && t.charAt(c.end()) == '的');
    if (!named) {
      return false;
    }
    Hit after = s.first(m.end(), Math.min(ce, m.end() + 10), Cue.INVEST, Cue.PURCHASE);
    if (after == null) {
      return false;
    }
    String rest = t.substring(after.end(), ce);
    if (!s.title()) {
      return true;
    }
    for (int i = 0; i < rest.length(); i++) {
      if (REFERENCE_PREDICATES.indexOf(rest.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  static boolean raise(ChineseSentence s, MoneySpan m, int cs) {
    String before = s.text().substring(cs, m.start());
    return before.contains("上调") || before.contains("上調") || before.contains("提高") || before.contains("调高")
        || before.contains("調高") || before.contains("增至") || before.contains("提升至");
  }

}
