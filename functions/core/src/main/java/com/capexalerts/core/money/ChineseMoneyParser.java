package com.capexalerts.core.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Money amounts written the Chinese way: "3800亿元", "1,350億美元", "1.5万亿元", "三千八百亿元", "人民币3800亿元",
 * "HK$120亿", "380 billion 元", "逾3800亿", "约530亿美元", "600亿至650亿美元" (the upper bound) and
 * "3800亿元（约530亿美元）" (one amount, the dollars as {@link MoneySpan#statedUsd()}).
 *
 * <p>Scales: 万/萬 1e4, 亿/億 1e8, 万亿/萬億 and 兆 1e12 (兆 as Chinese finance uses it), 千亿 1e11, also English
 * "billion"/"bn" after the number. A currency (元, 人民币, 美元, 港元, 新台币, 日元, 欧元, 英镑 ... or a sign)
 * must be written next to the number, except that an amount of at least 亿 scale with nothing after it that it
 * counts ("3800亿参数" counts parameters) is yuan: Chinese reports often leave out 元. Vague amounts ("数千亿",
 * "千亿级") are not figures. Full-width digits and signs are read as their ASCII forms; offsets and the text as
 * written refer to the input unchanged. Stateless and thread-safe.
 */
final class ChineseMoneyParser {
  private static final BigDecimal WAN = BigDecimal.valueOf(10_000L);
  private static final BigDecimal YI = BigDecimal.valueOf(100_000_000L);
  private static final BigDecimal ZHAO = BigDecimal.valueOf(1_000_000_000_000L);
  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000L);
  private static final BigDecimal TRILLION = ZHAO;

  private record Word(String text, String value) {}

  private static List<Word> longestFirst(String[][] pairs) {
    List<Word> list = new ArrayList<>();
    for (String[] p : pairs) {
      list.add(new Word(p[0], p[1]));
    }
    list.sort(Comparator.comparingInt((Word w) -> w.text().length()).reversed());
    return List.copyOf(list);
  }

  /** Currency words after the number, longest first. */
  private static final List<Word> SUFFIXES =
      longestFirst(
          new String[][] {
            {"元新台币", "TWD"}, {"元新台幣", "TWD"}, {"元港币", "HKD"}, {"元港幣", "HKD"}, {"元人民币", "CNY"}, {"元人民幣", "CNY"}, {"人民币元", "CNY"}, {"人民幣元", "CNY"}, {"人民币", "CNY"},
            {"人民幣", "CNY"}, {"美元", "USD"}, {"美金", "USD"}, {"港元", "HKD"}, {"港币", "HKD"}, {"港幣", "HKD"},
            {"新台币", "TWD"}, {"新台幣", "TWD"}, {"台币", "TWD"}, {"台幣", "TWD"}, {"日元", "JPY"}, {"日圆", "JPY"},
            {"日圓", "JPY"}, {"日币", "JPY"}, {"日幣", "JPY"}, {"欧元", "EUR"}, {"歐元", "EUR"}, {"英镑", "GBP"},
            {"英鎊", "GBP"}, {"韩元", "KRW"}, {"韓元", "KRW"}, {"韩圆", "KRW"}, {"韓圜", "KRW"}, {"澳元", "AUD"},
            {"澳币", "AUD"}, {"澳幣", "AUD"}, {"加元", "CAD"}, {"加币", "CAD"}, {"新加坡元", "SGD"}, {"新元", "SGD"},
            {"新币", "SGD"}, {"新幣", "SGD"}, {"林吉特", "MYR"}, {"令吉", "MYR"}, {"印度卢比", "INR"}, {"卢比", "INR"},
            {"盧比", "INR"}, {"迪拉姆", "AED"}, {"瑞士法郎", "CHF"}, {"瑞郎", "CHF"}, {"沙特里亚尔", "SAR"},
            {"里亚尔", "SAR"}, {"泰铢", "THB"}, {"泰銖", "THB"}, {"元", "CNY"},
            {"yuan", "CNY"}, {"renminbi", "CNY"}, {"RMB", "CNY"}, {"CNY", "CNY"}, {"USD", "USD"},
            {"dollars", "USD"}, {"HKD", "HKD"}, {"TWD", "TWD"}, {"EUR", "EUR"}, {"euros", "EUR"}, {"JPY", "JPY"},
            {"yen", "JPY"}, {"GBP", "GBP"},
          });

  /** Currency signs, codes and words before the number, longest first. */
  private static final List<Word> PREFIXES =
      longestFirst(
          new String[][] {
            {"人民币", "CNY"}, {"人民幣", "CNY"}, {"美元", "USD"}, {"港币", "HKD"}, {"港幣", "HKD"}, {"港元", "HKD"},
            {"新台币", "TWD"}, {"新台幣", "TWD"}, {"日元", "JPY"}, {"欧元", "EUR"}, {"歐元", "EUR"},
            {"US$", "USD"}, {"USD", "USD"}, {"$", "USD"}, {"HK$", "HKD"}, {"HKD", "HKD"}, {"NT$", "TWD"},
            {"TWD", "TWD"}, {"S$", "SGD"}, {"A$", "AUD"}, {"C$", "CAD"}, {"RM", "MYR"}, {"RMB", "CNY"},
            {"CNY", "CNY"}, {"¥", "CNY"}, {"€", "EUR"}, {"£", "GBP"}, {"₩", "KRW"}, {"JPY", "JPY"},
          });

  /** Kept in the amount's text when written right before it. Longest first. */
  private static final List<String> QUALIFIERS =
      List.of(
              "不少于", "不低于", "不超过", "不超過", "超过", "超過", "高达", "高達", "多达", "多達", "最多", "至少",
              "大约", "大約", "接近", "将近", "將近", "总计", "總計", "共计", "共計", "合计", "合計", "累计", "累計",
              "总额", "總額", "逾", "超", "约", "約", "近", "达", "達", "共", "额外", "額外", "再")
          .stream()
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();

  /** Words between "（" and a stated conversion: "（约合530亿美元）". */
  private static final List<String> CONVERSION_LEADS =
      List.of("约合", "約合", "折合", "相当于", "相當於", "大约", "大約", "约为", "約為", "约", "約", "合", "逾", "超过",
          "超過", "近", "about", "approximately", "roughly", "around", "or", "~", "≈");

  /** Words that restate the amount before it after a comma: "3800亿元，约合530亿美元". */
  private static final List<String> RESTATING = List.of("约合", "約合", "折合", "相当于", "相當於");

  /** After a bare 亿 amount these say it is not money: "1.5万亿参数", "3800亿次". */
  private static final String COUNTED =
      "参參个個次人台张張颗顆块塊件条條部辆輛户戶吨噸度瓦亩畝平株枚只隻字词詞行篇位名家座栋棟层層倍";

  /** The words "数千亿", "几百亿", "上千亿" are vague, not figures. */
  private static final String VAGUE_BEFORE = "数數几幾上成";

  private ChineseMoneyParser() {}

  /** Full-width ASCII forms and the ideographic space read as ASCII; every other character as it is. */
  static char fold(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') {
      return (char) (c - 0xFEE0);
    }
    return c == '\u3000' ? ' ' : c;
  }

  static String fold(String text) {
    char[] out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char f = fold(c);
      if (f != c) {
        if (out == null) {
          out = text.toCharArray();
        }
        out[i] = f;
      }
    }
    return out == null ? text : new String(out);
  }

  /** Amounts with a Chinese scale or currency in {@code text}, in text order, not overlapping. */
  static List<MoneySpan> find(String text) {
    String f = fold(text);
    List<MoneySpan> out = new ArrayList<>(2);
    int n = f.length();
    int i = 0;
    while (i < n) {
      char c = f.charAt(i);
      boolean start = (isDigit(c) && numberStart(f, i)) || (isNumeral(c) && numeralStart(f, i));
      if (start) {
        Amount a = amountAt(f, i, true);
        if (a != null) {
          out.add(a.span(text));
          i = a.spanEnd;
          continue;
        }
        while (i < n && (isDigit(f.charAt(i)) || isNumeral(f.charAt(i)) || f.charAt(i) == ',' || f.charAt(i) == '.')) {
          i++;
        }
        continue;
      }
      i++;
    }
    return out;
  }

  /** One parsed amount: where its words start and end, and any stated conversion after it. */
  private record Amount(
      BigDecimal value, String currency, int textStart, int end, int spanEnd, BigDecimal statedUsd, boolean range) {
    MoneySpan span(String original) {
      MoneyAmount amount =
          new MoneyAmount(value.setScale(0, java.math.RoundingMode.HALF_UP), currency, original.substring(textStart, end));
      return new MoneySpan(amount, textStart, spanEnd, statedUsd, range, false);
    }
  }

  /** A number with its scale and currency as read at one position. */
  private record Piece(BigDecimal number, BigDecimal scale, boolean cjkScale, String currency, boolean cjkCurrency,
      int end, boolean genericYuan) {
    BigDecimal value() {
      return number.multiply(scale);
    }
  }

  private static Amount amountAt(String f, int i, boolean withConversion) {
    Word prefix = prefixBefore(f, i);
    int prefixStart = prefix == null ? i : prefixStartOf(f, i, prefix);
    Piece a = pieceAt(f, i);
    if (a == null) {
      return null;
    }
    BigDecimal value = a.value();
    // A prefix is more precise than the bare unit 元 after the number ("新台币1兆元" is NT dollars).
    String currency =
        prefix != null && (a.currency == null || a.genericYuan) ? prefix.value : a.currency;
    boolean cjk = a.cjkScale || a.cjkCurrency || (prefix != null && !isAscii(prefix.text.charAt(0)));
    int end = a.end;
    boolean range = false;
    // Range: "600亿至650亿美元", "600至650亿美元", "600亿-650亿美元", "600亿到650亿".
    int k = skipSpaces(f, end);
    int bStart = -1;
    if (k < f.length() && "至到~-–—〜".indexOf(f.charAt(k)) >= 0) {
      bStart = skipSpaces(f, k + 1);
    }
    if (bStart > 0 && bStart < f.length()) {
      Word pb = prefixBefore(f, skipPrefix(f, bStart));
      int d = pb == null ? bStart : skipPrefix(f, bStart);
      Piece b = d < f.length() && (isDigit(f.charAt(d)) || isNumeral(f.charAt(d))) ? pieceAt(f, d) : null;
      if (b != null && (b.cjkScale || b.currency != null || pb != null)) {
        BigDecimal aValue = a.cjkScale || a.scale.compareTo(BigDecimal.ONE) != 0 ? a.value() : a.number.multiply(b.scale);
        String curB = b.currency != null ? b.currency : pb == null ? null : pb.value;
        boolean same = currency == null || curB == null || currency.equals(curB);
        if (same && aValue.compareTo(b.value()) <= 0 && (currency != null || curB != null || b.cjkScale)) {
          value = b.value();
          currency = currency == null ? curB : currency;
          cjk = cjk || b.cjkScale || b.cjkCurrency;
          end = b.end;
          range = true;
        }
      }
    }
    if (!cjk) {
      return null; // "$53 billion" and the like are the English parser's
    }
    if (currency == null) {
      // Bare "3800亿": yuan when of 亿 scale and nothing after it is counted.
      if (value.compareTo(YI) < 0 || !a.cjkScale || counted(f, end) || !isDigit(f.charAt(i))) {
        return null;
      }
      currency = "CNY";
    }
    int textStart = qualifierStart(f, prefixStart);
    if (f.startsWith("以上", end)) {
      end += 2;
    }
    int spanEnd = end;
    BigDecimal statedUsd = null;
    if (withConversion) {
      int[] conv = new int[1];
      MoneySpan c = conversionAfter(f, end, currency, conv);
      if (c != null) {
        spanEnd = conv[0];
        if (c.amount().currency().equals("USD") && !currency.equals("USD")) {
          statedUsd = c.amount().value();
        }
      }
    }
    return new Amount(value, currency, textStart, end, spanEnd, statedUsd, range);
  }

  /** A number at i with its scale words and currency word. */
  private static Piece pieceAt(String f, int i) {
    int n = f.length();
    BigDecimal number;
    int j;
    if (isDigit(f.charAt(i))) {
      int[] endOut = new int[1];
      number = readDigits(f, i, endOut);
      j = endOut[0];
      if (j < n && (f.charAt(j) == '%' || f.charAt(j) == '年' || f.charAt(j) == '月' || f.charAt(j) == '日')) {
        return null;
      }
    } else {
      int[] endOut = new int[1];
      number = readNumerals(f, i, endOut);
      if (number == null) {
        return null;
      }
      j = endOut[0];
    }
    if (j < n && "多余餘".indexOf(f.charAt(j)) >= 0 && j + 1 < n && isScaleChar(f.charAt(j + 1))) {
      j++; // "3800多亿": more than 3800亿
    }
    if (j + 1 < n && f.charAt(j) == ' ' && isBigUnit(f.charAt(j + 1))) {
      j++; // "530 亿美元"
    }
    BigDecimal scale = BigDecimal.ONE;
    boolean cjkScale = false;
    // 十/百/千 only as part of a larger unit after digits: "5千亿" = 5000亿, "5千万" = 5e7.
    if (j + 1 < n && "十百千".indexOf(f.charAt(j)) >= 0 && isBigUnit(f.charAt(j + 1)) && isDigit(f.charAt(i))) {
      scale = scale.multiply(BigDecimal.valueOf(f.charAt(j) == '十' ? 10 : f.charAt(j) == '百' ? 100 : 1000));
      j++;
    }
    while (j < n && isBigUnit(f.charAt(j))) {
      char u = f.charAt(j);
      scale = scale.multiply(u == '万' || u == '萬' ? WAN : u == '兆' ? ZHAO : YI);
      cjkScale = true;
      j++;
    }
    if (j < n && "多余餘".indexOf(f.charAt(j)) >= 0 && cjkScale) {
      j++; // "3800亿多元"
    }
    if (cjkScale && j < n && (f.charAt(j) == '级' || f.charAt(j) == '級')) {
      return null; // "千亿级": an order of magnitude
    }
    if (!cjkScale) {
      int s = j < n && f.charAt(j) == ' ' ? j + 1 : j;
      for (String[] m : new String[][] {{"trillion", "T"}, {"billion", "B"}, {"million", "M"}, {"bn", "B"},
          {"tn", "T"}, {"mn", "M"}, {"bln", "B"}}) {
        if (f.regionMatches(true, s, m[0], 0, m[0].length()) && !isLatinOrDigit(charAt(f, s + m[0].length()))) {
          scale = m[1].equals("T") ? TRILLION : m[1].equals("B") ? BILLION : MILLION;
          j = s + m[0].length();
          break;
        }
      }
    }
    int s = skipSpaces(f, j);
    for (Word w : SUFFIXES) {
      if (f.startsWith(w.text, s) && (!isAscii(w.text.charAt(0)) || !isLatinOrDigit(charAt(f, s + w.text.length())))) {
        if (isAscii(w.text.charAt(0)) && s == j && !cjkScale) {
          continue; // "380billionyuan" is not written; "380亿RMB" is
        }
        if (w.text.equals("元") && s + 1 < f.length() && "素件宇首旦".indexOf(f.charAt(s + 1)) >= 0) {
          continue; // 元素, 元件, 元宇宙: not yuan
        }
        boolean cjkCurrency = !isAscii(w.text.charAt(0));
        return new Piece(number, scale, cjkScale, w.value, cjkCurrency, s + w.text.length(), w.text.equals("元"));
      }
    }
    return new Piece(number, scale, cjkScale, null, false, j, false);
  }

  private static boolean counted(String f, int end) {
    int k = skipSpaces(f, end);
    return k < f.length() && COUNTED.indexOf(f.charAt(k)) >= 0
        || f.regionMatches(true, k, "token", 0, 5)
        || f.startsWith("用户", k) || f.startsWith("用戶", k) || f.startsWith("美分", k);
  }

  private static MoneySpan conversionAfter(String f, int end, String currency, int[] spanEnd) {
    int n = f.length();
    int k = skipSpaces(f, end);
    boolean paren = k < n && f.charAt(k) == '(';
    if (paren) {
      k = skipSpaces(f, k + 1);
    } else if (k < n && (f.charAt(k) == ',' || f.charAt(k) == '、')) {
      k = skipSpaces(f, k + 1);
      int lead = k;
      if (RESTATING.stream().noneMatch(w -> f.startsWith(w, lead))) {
        return null; // without parentheses only "，约合…", "，折合…", "，相当于…" restate the amount
      }
    } else {
      return null;
    }
    for (int round = 0; round < 2; round++) {
      for (String lead : CONVERSION_LEADS) {
        if (f.regionMatches(true, k, lead, 0, lead.length())) {
          k = skipSpaces(f, k + lead.length());
          break;
        }
      }
    }
    int d = k;
    while (d < n && d < k + 4 && !isDigit(f.charAt(d)) && !isNumeral(f.charAt(d))) {
      d++;
    }
    if (d >= n) {
      return null;
    }
    MoneySpan inner = null;
    Amount a = amountAt(f, d, false);
    if (a != null && a.textStart <= k) {
      inner = a.span(f);
    } else {
      int stop = paren ? f.indexOf(')', k) : Math.min(n, k + 30);
      if (stop > k) {
        List<MoneySpan> en = new MoneyParser().find(f.substring(k, stop), "CNY");
        if (!en.isEmpty() && en.get(0).start() == 0) {
          MoneySpan e = en.get(0);
          inner = new MoneySpan(e.amount(), k, k + e.end(), e.statedUsd(), e.range(), false);
        }
      }
    }
    if (inner == null || inner.amount().currency().equals(currency)) {
      return null;
    }
    int close = inner.end();
    if (paren) {
      close = f.indexOf(')', inner.end());
      int open = f.indexOf('(', inner.end());
      if (close < 0 || close - inner.end() > 20 || (open >= 0 && open < close)) {
        return null;
      }
      close++;
    }
    spanEnd[0] = close;
    return inner;
  }

  private static int qualifierStart(String f, int s) {
    int e = s;
    while (e > 0 && f.charAt(e - 1) == ' ') {
      e--;
    }
    for (String q : QUALIFIERS) {
      int b = e - q.length();
      if (b >= 0 && f.startsWith(q, b)) {
        return b;
      }
    }
    for (String q : new String[] {"more than", "over", "about", "around", "up to", "nearly", "almost", "roughly"}) {
      int b = e - q.length();
      if (b >= 0 && e < s && f.regionMatches(true, b, q, 0, q.length()) && !isLatinOrDigit(charAt(f, b - 1))) {
        return b;
      }
    }
    return s;
  }

  private static Word prefixBefore(String f, int i) {
    int e = i;
    if (e > 0 && f.charAt(e - 1) == ' ') {
      e--;
    }
    for (Word w : PREFIXES) {
      int b = e - w.text.length();
      if (b >= 0 && f.startsWith(w.text, b)) {
        if (isAscii(w.text.charAt(0)) && Character.isLetter(w.text.charAt(0)) && isLatinOrDigit(charAt(f, b - 1))) {
          continue; // "FORM$" is no prefix
        }
        return w;
      }
    }
    return null;
  }

  private static int prefixStartOf(String f, int i, Word prefix) {
    int e = i > 0 && f.charAt(i - 1) == ' ' ? i - 1 : i;
    return e - prefix.text.length();
  }

  /** Position of the number after a currency prefix written at b ("US$650亿"), or b. */
  private static int skipPrefix(String f, int b) {
    for (Word w : PREFIXES) {
      if (f.startsWith(w.text, b)) {
        return skipSpaces(f, b + w.text.length());
      }
    }
    return b;
  }

  private static BigDecimal readDigits(String f, int i, int[] endOut) {
    int n = f.length();
    StringBuilder sb = new StringBuilder();
    int j = i;
    while (j < n && isDigit(f.charAt(j))) {
      sb.append(f.charAt(j++));
    }
    while (j + 3 < n && f.charAt(j) == ',' && isDigit(f.charAt(j + 1)) && isDigit(f.charAt(j + 2))
        && isDigit(f.charAt(j + 3)) && (j + 4 >= n || !isDigit(f.charAt(j + 4)))) {
      sb.append(f, j + 1, j + 4);
      j += 4;
    }
    if (j + 1 < n && f.charAt(j) == '.' && isDigit(f.charAt(j + 1))) {
      sb.append('.');
      j++;
      while (j < n && isDigit(f.charAt(j))) {
        sb.append(f.charAt(j++));
      }
    }
    endOut[0] = j;
    return new BigDecimal(sb.toString());
  }

  /** "三千八百" = 3800, "两千" = 2000, "十" = 10, "五" = 5; null when the numerals are not followed by a unit. */
  private static BigDecimal readNumerals(String f, int i, int[] endOut) {
    int n = f.length();
    long total = 0;
    long digit = -1;
    int j = i;
    while (j < n && isNumeral(f.charAt(j))) {
      char c = f.charAt(j);
      int d = "零一二三四五六七八九".indexOf(c);
      if (c == '两' || c == '兩') {
        d = 2;
      } else if (c == '〇') {
        d = 0;
      }
      if (d >= 0) {
        digit = d;
      } else {
        long unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
        total += (digit < 0 ? 1 : digit) * unit;
        digit = -1;
      }
      j++;
    }
    if (digit > 0) {
      total += digit;
    }
    if (total == 0 || j >= n || !(isBigUnit(f.charAt(j)) || "多余餘".indexOf(f.charAt(j)) >= 0)) {
      return null;
    }
    endOut[0] = j;
    return BigDecimal.valueOf(total);
  }

  private static boolean numberStart(String f, int i) {
    if (i == 0) {
      return true;
    }
    char p = f.charAt(i - 1);
    if (isDigit(p) || (isLatin(p) && prefixBefore(f, i) == null)) {
      return false; // "H100", "A800"
    }
    return !((p == '.' || p == ',') && i >= 2 && isDigit(f.charAt(i - 2)));
  }

  private static boolean numeralStart(String f, int i) {
    return i == 0 || !(isNumeral(f.charAt(i - 1)) || VAGUE_BEFORE.indexOf(f.charAt(i - 1)) >= 0);
  }

  private static boolean isNumeral(char c) {
    return "零〇一二两兩三四五六七八九十百千".indexOf(c) >= 0;
  }

  private static boolean isBigUnit(char c) {
    return c == '万' || c == '萬' || c == '亿' || c == '億' || c == '兆';
  }

  private static boolean isScaleChar(char c) {
    return isBigUnit(c) || c == '十' || c == '百' || c == '千';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAscii(char c) {
    return c < 128;
  }

  private static boolean isLatin(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  private static boolean isLatinOrDigit(char c) {
    return isLatin(c) || isDigit(c);
  }

  private static char charAt(String f, int k) {
    return k >= 0 && k < f.length() ? f.charAt(k) : 0;
  }

  private static int skipSpaces(String f, int k) {
    while (k < f.length() && (f.charAt(k) == ' ' || f.charAt(k) == '\u00a0')) {
      k++;
    }
    return k;
  }
}
