package com.capexalerts.core.money;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds money amounts in English news text: "$80 billion", "US$80bn", "USD 80 bn", "80 billion dollars",
 * "half a trillion dollars", "RMB380 billion", "¥1.5 trillion", "Rs 25,000 crore", "₹1.5 lakh crore",
 * "$60 billion to $65 billion", "between $70 billion and $72 billion", "380 billion yuan ($53 billion)" and so on.
 *
 * <p>A number is money only when a currency is written next to it (a sign, an ISO code or a currency word);
 * "380 billion" alone is not. Ranges give their upper bound. A qualifier right before the amount ("more than",
 * "up to", "about", ...) is kept in the text as written. A conversion right after the amount, in parentheses or
 * as ", or about $53 billion", belongs to the same span; when it is in US dollars it is returned as
 * {@link MoneySpan#statedUsd()}.
 *
 * <p>Hand-written scanner rather than one large regex: it only does work at digits and at the word "...illion",
 * so text without money costs one pass over its characters. Stateless and thread-safe.
 */
public final class MoneyParser {

  /** Marker for a bare ¥ sign until the caller says whether it is yen or yuan. */
  private static final String YEN_SIGN = "¥";

  private static final Map<String, String> PREFIXES = new HashMap<>();
  private static final int MAX_PREFIX_LENGTH;

  static {
    String[][] prefixes = {
      {"$", "USD"}, {"US$", "USD"}, {"U.S.$", "USD"}, {"USD", "USD"}, {"USD$", "USD"},
      {"€", "EUR"}, {"EUR", "EUR"}, {"£", "GBP"}, {"GBP", "GBP"},
      {"¥", YEN_SIGN}, {"￥", YEN_SIGN}, {"JPY", "JPY"},
      {"RMB", "CNY"}, {"Rmb", "CNY"}, {"rmb", "CNY"}, {"CNY", "CNY"},
      {"₩", "KRW"}, {"KRW", "KRW"},
      {"₹", "INR"}, {"Rs", "INR"}, {"Rs.", "INR"}, {"INR", "INR"},
      {"A$", "AUD"}, {"AU$", "AUD"}, {"AUD", "AUD"},
      {"C$", "CAD"}, {"CA$", "CAD"}, {"CAD", "CAD"},
      {"S$", "SGD"}, {"SG$", "SGD"}, {"SGD", "SGD"},
      {"HK$", "HKD"}, {"HKD", "HKD"},
      {"NT$", "TWD"}, {"TWD", "TWD"},
      {"NZ$", "NZD"}, {"NZD", "NZD"},
      {"R$", "BRL"}, {"BRL", "BRL"},
      {"AED", "AED"}, {"RM", "MYR"}, {"MYR", "MYR"}, {"SAR", "SAR"}, {"CHF", "CHF"},
      {"THB", "THB"}, {"IDR", "IDR"}, {"Rp", "IDR"},
      {"SEK", "SEK"}, {"NOK", "NOK"}, {"DKK", "DKK"}, {"ZAR", "ZAR"}, {"R", "ZAR"}, {"PLN", "PLN"},
      {"MXN", "MXN"}, {"Mex$", "MXN"}, {"QAR", "QAR"}, {"PHP", "PHP"},
    };
    int max = 0;
    for (String[] p : prefixes) {
      PREFIXES.put(p[0], p[1]);
      max = Math.max(max, p[0].length());
    }
    MAX_PREFIX_LENGTH = max;
  }

  private record Word(String text, String value, boolean caseSensitive) {}

  /** Currency words written after the amount, longest first. */
  private static final List<Word> SUFFIXES;

  static {
    String[][] words = {
      {"U.S. dollars", "USD"}, {"US dollars", "USD"}, {"American dollars", "USD"},
      {"Hong Kong dollars", "HKD"}, {"HK dollars", "HKD"},
      {"Australian dollars", "AUD"}, {"Canadian dollars", "CAD"}, {"Singapore dollars", "SGD"},
      {"New Taiwan dollars", "TWD"}, {"Taiwan dollars", "TWD"}, {"Taiwanese dollars", "TWD"},
      {"New Zealand dollars", "NZD"}, {"dollars", "USD"}, {"dollar", "USD"},
      {"Chinese yuan", "CNY"}, {"yuan", "CNY"}, {"renminbi", "CNY"},
      {"Japanese yen", "JPY"}, {"yen", "JPY"},
      {"South Korean won", "KRW"}, {"Korean won", "KRW"}, {"won", "KRW"},
      {"euros", "EUR"}, {"euro", "EUR"},
      {"pounds sterling", "GBP"}, {"British pounds", "GBP"}, {"pounds", "GBP"}, {"pound", "GBP"},
      {"sterling", "GBP"},
      {"Indian rupees", "INR"}, {"rupees", "INR"}, {"rupee", "INR"},
      {"UAE dirhams", "AED"}, {"Emirati dirhams", "AED"}, {"dirhams", "AED"}, {"dirham", "AED"},
      {"Malaysian ringgit", "MYR"}, {"ringgit", "MYR"},
      {"Saudi riyals", "SAR"}, {"riyals", "SAR"}, {"riyal", "SAR"},
      {"Swiss francs", "CHF"}, {"francs", "CHF"},
      {"Brazilian reais", "BRL"}, {"reais", "BRL"}, {"baht", "THB"}, {"rupiah", "IDR"},
      {"Swedish kronor", "SEK"}, {"kronor", "SEK"}, {"Swedish krona", "SEK"}, {"Norwegian kroner", "NOK"},
      {"Swedish crowns", "SEK"}, {"Swedish crown", "SEK"}, {"Norwegian crowns", "NOK"}, {"Norwegian krone", "NOK"},
      {"Danish crowns", "DKK"}, {"Danish krone", "DKK"},
      {"Danish kroner", "DKK"}, {"South African rand", "ZAR"}, {"rand", "ZAR"}, {"zloty", "PLN"},
      {"Mexican pesos", "MXN"}, {"Qatari riyals", "QAR"}, {"Philippine pesos", "PHP"},
    };
    String[] codes = {
      "USD", "CNY", "RMB", "EUR", "GBP", "JPY", "KRW", "INR", "AUD", "CAD", "SGD", "HKD", "AED", "MYR",
      "SAR", "CHF", "TWD", "BRL", "THB", "IDR", "NZD", "SEK", "NOK", "DKK", "ZAR", "PLN", "MXN", "QAR", "PHP"
    };
    List<Word> list = new ArrayList<>();
    for (String[] w : words) {
      list.add(new Word(w[0], w[1], false));
    }
    for (String c : codes) {
      list.add(new Word(c, c.equals("RMB") ? "CNY" : c, true));
    }
    list.sort(Comparator.comparingInt((Word w) -> w.text().length()).reversed());
    SUFFIXES = List.copyOf(list);
  }

  /** Words kept in the amount's text when written right before it. Longest first. */
  private static final List<String> QUALIFIERS;

  static {
    List<String> q =
        new ArrayList<>(
            List.of(
                "as much as", "in excess of", "upwards of", "more than", "less than", "at least", "at most",
                "up to", "close to", "just over", "just under", "well over", "an estimated", "an additional",
                "a further", "another", "about", "around", "roughly", "nearly", "almost", "approximately",
                "approx.", "some", "over", "under", "above", "below", "between"));
    q.sort(Comparator.comparingInt(String::length).reversed());
    QUALIFIERS = List.copyOf(q);
  }

  /** Words allowed between "(" and a stated conversion: "(about $53 billion)". */
  private static final List<String> CONVERSION_LEAD =
      List.of("approximately", "equivalent to", "more than", "roughly", "around", "approx.", "nearly", "almost",
          "about", "some", "over", "or", "c.", "~");

  private static final Map<String, BigDecimal> NUMBER_WORDS = new HashMap<>();

  static {
    String[] small = {
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"
    };
    for (int k = 0; k < small.length; k++) {
      NUMBER_WORDS.put(small[k], BigDecimal.valueOf(k + 1L));
    }
    NUMBER_WORDS.put("a", BigDecimal.ONE);
    NUMBER_WORDS.put("fifteen", BigDecimal.valueOf(15));
    NUMBER_WORDS.put("twenty", BigDecimal.valueOf(20));
    NUMBER_WORDS.put("thirty", BigDecimal.valueOf(30));
    NUMBER_WORDS.put("forty", BigDecimal.valueOf(40));
    NUMBER_WORDS.put("fifty", BigDecimal.valueOf(50));
    NUMBER_WORDS.put("a hundred", BigDecimal.valueOf(100));
    NUMBER_WORDS.put("one hundred", BigDecimal.valueOf(100));
    NUMBER_WORDS.put("half a", new BigDecimal("0.5"));
    NUMBER_WORDS.put("a half", new BigDecimal("0.5"));
    NUMBER_WORDS.put("a quarter of a", new BigDecimal("0.25"));
    NUMBER_WORDS.put("quarter of a", new BigDecimal("0.25"));
  }

  private static final List<String> NUMBER_WORD_KEYS =
      NUMBER_WORDS.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();

  /**
   * All money amounts in {@code text}, in text order, not overlapping.
   *
   * @param yenCurrency what a bare ¥ means here: "JPY" or "CNY" (the span is marked {@code yenSign})
   */
  public List<MoneySpan> find(String text, String yenCurrency) {
    if (!"JPY".equals(yenCurrency) && !"CNY".equals(yenCurrency)) {
      throw new IllegalArgumentException("yenCurrency must be JPY or CNY, was " + yenCurrency);
    }
    List<MoneySpan> out = null;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isDigit(c) && isNumberStart(text, i)) {
        Parsed p = parseAt(text, i, yenCurrency, true, true);
        if (p != null) {
          if (out == null) {
            out = new ArrayList<>(4);
          }
          out.add(p.span);
          i = p.span.end();
          continue;
        }
        while (i < n && (isDigit(text.charAt(i)) || text.charAt(i) == ',' || text.charAt(i) == '.')) {
          i++;
        }
        continue;
      }
      i++;
    }
    if (text.indexOf("illion") >= 0) {
      out = findWordAmounts(text, yenCurrency, out);
    }
    if (out == null) {
      return List.of();
    }
    out.sort(Comparator.comparingInt(MoneySpan::start));
    return out;
  }

  /**
   * All money amounts in Chinese (or mixed Chinese and English) text: the Chinese forms of
   * {@link ChineseMoneyParser} ("3800亿元（约530亿美元）", "逾3800亿", "600亿至650亿美元") and the English ones
   * ("$53 billion", "HK$12 billion"), with full-width digits and signs read as ASCII and ¥ as yuan. Offsets and
   * the text as written refer to {@code text} unchanged.
   */
  public List<MoneySpan> findChinese(String text) {
    List<MoneySpan> out = new ArrayList<>(ChineseMoneyParser.find(text));
    // Ideographs read as spaces, so that "$80 billion建设" ends its amount at the ideograph; lengths are kept.
    char[] latin = ChineseMoneyParser.fold(text).toCharArray();
    for (int i = 0; i < latin.length; i++) {
      if (latin[i] >= '\u2e80' && latin[i] < '\uff00') {
        latin[i] = ' ';
      }
    }
    for (MoneySpan e : find(new String(latin), "CNY")) {
      if (out.stream().noneMatch(c -> c.start() < e.end() && e.start() < c.end())) {
        MoneyAmount a = e.amount();
        String written = text.substring(e.start(), e.start() + a.text().length());
        out.add(new MoneySpan(new MoneyAmount(a.value(), a.currency(), written), e.start(), e.end(), e.statedUsd(),
            e.range(), false));
      }
    }
    out.sort(Comparator.comparingInt(MoneySpan::start));
    return out;
  }

  /** Convenience for texts where ¥ means yen. */
  public List<MoneySpan> find(String text) {
    return find(text, "JPY");
  }

  private record Parsed(MoneySpan span, String currency) {}

  /** A number as read: its value before scaling, where it ends, and how it was written. */
  private record Digits(BigDecimal value, int end, boolean grouped, boolean integral, int digits) {}

  private record Found(String value, int start, int end) {}

  /** Parses the amount whose first digit is at {@code i}; null when it is not money. */
  private static Parsed parseAt(String text, int i, String yen, boolean withQualifier, boolean withConversion) {
    int n = text.length();
    if (numberRunTooLong(text, i)) {
      return null;
    }
    Found prefix = prefixBefore(text, i);
    Digits a = readNumber(text, i);
    int j = a.end;
    if (isPercent(text, j)) {
      return null;
    }
    Scale ma = null;
    Found mFound = readMultiplier(text, j);
    if (mFound != null) {
      ma = Scale.of(mFound.value);
      j = mFound.end;
    }
    j = skipPlus(text, j);
    Found suffix = readSuffix(text, j);
    if (suffix != null) {
      j = suffix.end;
    }
    if (ma == null && suffix == null && j < n && Character.isLetter(text.charAt(j))) {
      return null; // "80th", "5G", "4K"
    }
    if (prefix != null
        && prefix.value.equals("ZAR")
        && text.startsWith("R", prefix.start)
        && !text.startsWith("ZAR", prefix.start)
        && (ma == null || prefix.start + 1 != i)) {
      prefix = null; // a bare "R" is the rand only in "R5.4 billion", not in "R2" or "R 5"
    }
    String currency = prefix != null ? prefix.value : suffix != null ? suffix.value : null;
    if (prefix == null && suffix != null && ma == null && !a.grouped && looksLikeYear(a)) {
      return null; // "in 2024 euro ..." is a year, not money
    }
    if (suffix != null && prefix == null && suffix.value.equals("KRW") && ma == null && !a.grouped) {
      return null; // "won" is also a verb: only "3 trillion won", "5,000 won"
    }
    int spanStart = prefix != null ? prefix.start : i;
    int textStart = spanStart;
    boolean between = false;
    if (withQualifier) {
      int q = qualifierStart(text, spanStart);
      if (q >= 0) {
        between = text.regionMatches(true, q, "between", 0, 7);
        textStart = q;
      }
    }
    boolean afterFrom = wordBefore(text, textStart, "from");

    BigDecimal value = ma == null ? a.value : a.value.multiply(ma.factor());
    boolean range = false;
    int end = j;
    // Range: "$60 billion to $65 billion", "$60-65 billion", "between $70 billion and $72 billion".
    int k = skipSpaces(text, j);
    int bStart = -1;
    if (k < n && (text.charAt(k) == '-' || text.charAt(k) == '–' || text.charAt(k) == '—')) {
      bStart = skipSpaces(text, k + 1);
    } else if (!afterFrom && k > j && text.regionMatches(true, k, "to ", 0, 3)) {
      bStart = skipSpaces(text, k + 3);
    } else if (between && k > j && text.regionMatches(true, k, "and ", 0, 4)) {
      bStart = skipSpaces(text, k + 4);
    }
    if (bStart > 0 && bStart < n) {
      int d = bStart;
      while (d < n && d < bStart + MAX_PREFIX_LENGTH + 1 && !isDigit(text.charAt(d))) {
        d++;
      }
      if (d < n && isDigit(text.charAt(d))) {
        Found pb = prefixBefore(text, d);
        boolean startsRight = pb != null ? pb.start == bStart : d == bStart;
        if (startsRight && !numberRunTooLong(text, d)) {
          Digits b = readNumber(text, d);
          int jb = b.end;
          if (!isPercent(text, jb)) {
            Found mb = readMultiplier(text, jb);
            Scale multB = mb == null ? null : Scale.of(mb.value);
            if (mb != null) {
              jb = mb.end;
            }
            jb = skipPlus(text, jb);
            Found sb = readSuffix(text, jb);
            if (sb != null) {
              jb = sb.end;
            }
            String curB = pb != null ? pb.value : sb != null ? sb.value : null;
            boolean sameCurrency = currency == null || curB == null || currency.equals(curB);
            BigDecimal aValue = a.value.multiply(factor(ma != null ? ma : multB));
            BigDecimal bValue = b.value.multiply(factor(multB != null ? multB : ma));
            // The second number must carry its own scale or currency ("$60 billion to 2030" is no range),
            // and a first number without scale must not outgrow the second once scaled ("2025-26 billion").
            boolean plausible =
                (multB != null || curB != null)
                    && (ma == null || multB != null)
                    && !(ma == null && multB != null && aValue.compareTo(bValue) > 0);
            if (sameCurrency && plausible && (currency != null || curB != null)) {
              if (currency == null) {
                currency = curB;
              }
              value = aValue.max(bValue);
              range = true;
              end = jb;
            }
          }
        }
      }
    }
    if (currency == null) {
      return null;
    }
    // "($1 = 7.2 yuan)" is an exchange-rate note, not an amount.
    if (nextNonSpace(text, end) == '=' || prevNonSpace(text, textStart) == '=') {
      return null;
    }
    boolean yenSign = currency.equals(YEN_SIGN);
    if (yenSign) {
      currency = yen;
    }
    String written = text.substring(textStart, end);
    BigDecimal statedUsd = null;
    int spanEnd = end;
    if (withConversion) {
      Parsed conv = conversionAfter(text, end, currency, yen);
      if (conv != null) {
        spanEnd = conv.span.end();
        if (conv.currency.equals("USD") && !currency.equals("USD")) {
          statedUsd = conv.span.amount().value();
        }
      }
    }
    MoneyAmount amount = new MoneyAmount(wholeUnits(value), currency, written);
    return new Parsed(new MoneySpan(amount, textStart, spanEnd, statedUsd, range, yenSign), currency);
  }

  /** A conversion of the amount just read: "(about $53 billion)" or ", or about $53 billion". */
  private static Parsed conversionAfter(String text, int end, String currency, String yen) {
    int n = text.length();
    int k = skipSpaces(text, end);
    boolean paren = k < n && text.charAt(k) == '(';
    if (paren) {
      k++;
    } else {
      int c = k < n && text.charAt(k) == ',' ? skipSpaces(text, k + 1) : k;
      if (!(c > end && text.regionMatches(true, c, "or ", 0, 3))) {
        return null;
      }
      k = c;
    }
    k = skipSpaces(text, k);
    for (int round = 0; round < 3; round++) {
      boolean moved = false;
      for (String lead : CONVERSION_LEAD) {
        if (text.regionMatches(true, k, lead, 0, lead.length())
            && (lead.equals("~") || !isWordChar(charAt(text, k + lead.length())))) {
          k = skipSpaces(text, k + lead.length());
          moved = true;
          break;
        }
      }
      if (!moved) {
        break;
      }
    }
    int d = k;
    while (d < n && d < k + MAX_PREFIX_LENGTH + 1 && !isDigit(text.charAt(d))) {
      d++;
    }
    if (d >= n || !isDigit(text.charAt(d))) {
      return null;
    }
    Parsed inner = parseAt(text, d, yen, false, false);
    if (inner == null || inner.span.start() != k || inner.currency.equals(currency)) {
      return null;
    }
    if (!paren) {
      return inner;
    }
    int close = text.indexOf(')', inner.span.end());
    int open = text.indexOf('(', inner.span.end());
    if (close < 0 || close - inner.span.end() > 40 || (open >= 0 && open < close)) {
      return null;
    }
    MoneySpan s = inner.span;
    return new Parsed(
        new MoneySpan(s.amount(), s.start(), close + 1, s.statedUsd(), s.range(), s.yenSign()), inner.currency);
  }

  /** "half a trillion dollars", "a billion euros", "two billion yuan". */
  private static List<MoneySpan> findWordAmounts(String text, String yen, List<MoneySpan> out) {
    int from = 0;
    int idx;
    while ((idx = text.indexOf("illion", from)) >= 0) {
      from = idx + 6;
      int wStart;
      BigDecimal factor;
      if (idx >= 2 && text.regionMatches(true, idx - 2, "tr", 0, 2)) {
        wStart = idx - 2;
        factor = Scale.TRILLION;
      } else if (idx >= 1 && (text.charAt(idx - 1) == 'b' || text.charAt(idx - 1) == 'B')) {
        wStart = idx - 1;
        factor = Scale.BILLION;
      } else if (idx >= 1 && (text.charAt(idx - 1) == 'm' || text.charAt(idx - 1) == 'M')) {
        wStart = idx - 1;
        factor = Scale.MILLION;
      } else {
        continue;
      }
      int wEnd = idx + 6;
      if (isWordChar(charAt(text, wEnd)) || (wStart > 0 && isWordChar(text.charAt(wStart - 1)))) {
        continue;
      }
      if (wStart < 2 || text.charAt(wStart - 1) != ' ') {
        continue;
      }
      BigDecimal count = null;
      int numStart = -1;
      for (String w : NUMBER_WORD_KEYS) {
        int s = wStart - 1 - w.length();
        if (s >= 0
            && text.regionMatches(true, s, w, 0, w.length())
            && (s == 0 || !isWordChar(text.charAt(s - 1)))) {
          count = NUMBER_WORDS.get(w);
          numStart = s;
          break;
        }
      }
      if (count == null) {
        continue;
      }
      int j = skipPlus(text, wEnd);
      Found suffix = readSuffix(text, j);
      if (suffix == null) {
        continue;
      }
      int textStart = numStart;
      int q = qualifierStart(text, numStart);
      if (q >= 0) {
        textStart = q;
      }
      int spanStart = textStart;
      if (out != null && out.stream().anyMatch(m -> m.start() < suffix.end && spanStart < m.end())) {
        continue;
      }
      MoneyAmount amount =
          new MoneyAmount(wholeUnits(count.multiply(factor)), suffix.value, text.substring(textStart, suffix.end));
      if (out == null) {
        out = new ArrayList<>(2);
      }
      out.add(new MoneySpan(amount, textStart, suffix.end, null, false, false));
      from = suffix.end;
    }
    return out;
  }

  private static BigDecimal factor(Scale m) {
    return m == null ? BigDecimal.ONE : m.factor();
  }

  private static BigDecimal wholeUnits(BigDecimal v) {
    return v.setScale(0, java.math.RoundingMode.HALF_UP);
  }

  private static boolean looksLikeYear(Digits a) {
    return a.integral && a.digits == 4 && a.value.intValue() >= 1900 && a.value.intValue() <= 2100;
  }

  /** True when the digit at i starts a number (not the middle of "1,500" or "2.5" or "H100"). */
  private static boolean isNumberStart(String text, int i) {
    if (i == 0) {
      return true;
    }
    char p = text.charAt(i - 1);
    if (isDigit(p)) {
      return false;
    }
    if ((p == '.' || p == ',') && i >= 2 && isDigit(text.charAt(i - 2))) {
      return false;
    }
    return true;
  }

  /**
   * The longest run of digits, separators and a point that can be an amount ("1,000,000,000,000.00" is 20). Longer
   * runs (serial numbers, hashes, hostile input) are not money, and reading one as a number would cost time
   * quadratic in its length; each run is then skipped once, so finding amounts stays linear.
   */
  static final int MAX_NUMBER_CHARS = 40;

  private static boolean numberRunTooLong(String text, int i) {
    int end = Math.min(text.length(), i + MAX_NUMBER_CHARS + 1);
    int j = i;
    while (j < end && (isDigit(text.charAt(j)) || text.charAt(j) == ',' || text.charAt(j) == '.')) {
      j++;
    }
    return j - i > MAX_NUMBER_CHARS;
  }

  private static Digits readNumber(String text, int i) {
    int n = text.length();
    long unscaled = 0;
    int scale = 0;
    int digits = 0;
    boolean overflow = false;
    int j = i;
    while (j < n && isDigit(text.charAt(j))) {
      if (digits < 18) {
        unscaled = unscaled * 10 + (text.charAt(j) - '0');
      } else {
        overflow = true;
      }
      digits++;
      j++;
    }
    boolean grouped = false;
    // Indian grouping: "1,05,600" (lakh groups of two digits, then a final group of three)
    if (digits <= 2 && j + 6 <= n && text.charAt(j) == ',' && isDigitAt(text, j + 1) && isDigitAt(text, j + 2)
        && (j + 3 < n && text.charAt(j + 3) == ',')) {
      int k = j;
      while (k + 3 < n && text.charAt(k) == ',' && isDigitAt(text, k + 1) && isDigitAt(text, k + 2)
          && text.charAt(k + 3) == ',') {
        k += 3;
      }
      if (text.charAt(k) == ',' && isDigitAt(text, k + 1) && isDigitAt(text, k + 2) && isDigitAt(text, k + 3)
          && !isDigitAt(text, k + 4)) {
        for (int d = j; d < k + 4; d++) {
          if (isDigit(text.charAt(d))) {
            unscaled = unscaled * 10 + (text.charAt(d) - '0');
            digits++;
          }
        }
        grouped = true;
        j = k + 4;
      }
    }
    while (j < n
        && text.charAt(j) == ','
        && isDigitAt(text, j + 1)
        && isDigitAt(text, j + 2)
        && isDigitAt(text, j + 3)
        && !isDigitAt(text, j + 4)) {
      for (int d = j + 1; d <= j + 3; d++) {
        if (digits < 18) {
          unscaled = unscaled * 10 + (text.charAt(d) - '0');
        } else {
          overflow = true;
        }
        digits++;
      }
      grouped = true;
      j += 4;
    }
    boolean integral = true;
    if (j + 1 < n && text.charAt(j) == '.' && isDigit(text.charAt(j + 1))) {
      integral = false;
      j++;
      while (j < n && isDigit(text.charAt(j))) {
        if (digits < 18) {
          unscaled = unscaled * 10 + (text.charAt(j) - '0');
          scale++;
          digits++;
        }
        j++;
      }
    }
    BigDecimal value =
        overflow
            ? new BigDecimal(text.substring(i, j).replace(",", ""))
            : BigDecimal.valueOf(unscaled, scale);
    return new Digits(value, j, grouped, integral, integral ? digits : digits - scale);
  }

  private static Found readMultiplier(String text, int j) {
    int n = text.length();
    if (j >= n) {
      return null;
    }
    int k = j;
    boolean spaced = false;
    char c = text.charAt(k);
    if (isSpace(c) || c == '-') {
      k++;
      spaced = true;
    }
    for (Scale m : Scale.ALL) {
      if (m.attachedOnly() && spaced) {
        continue;
      }
      int len = m.text().length();
      boolean match =
          m.text().equals("T")
              ? text.startsWith("T", k)
              : text.regionMatches(true, k, m.text(), 0, len);
      if (match && !isWordChar(charAt(text, k + len))) {
        return new Found(m.text(), j, k + len);
      }
    }
    return null;
  }

  /** "-plus" or "+" after an amount ("$80 billion-plus") is part of it. */
  private static int skipPlus(String text, int j) {
    if (j < text.length() && text.charAt(j) == '+') {
      return j + 1;
    }
    if (text.regionMatches(true, j, "-plus", 0, 5) && !isWordChar(charAt(text, j + 5))) {
      return j + 5;
    }
    return j;
  }

  private static Found readSuffix(String text, int j) {
    if (j >= text.length() || !isSpace(text.charAt(j))) {
      return null;
    }
    int k = j + 1;
    for (Word w : SUFFIXES) {
      int len = w.text.length();
      if (text.regionMatches(!w.caseSensitive, k, w.text, 0, len) && !isWordChar(charAt(text, k + len))) {
        return new Found(w.value, j, k + len);
      }
    }
    return null;
  }

  /** The currency sign or code written right before the number at i ("$", "US$", "RMB", "Rs ", "USD "). */
  private static Found prefixBefore(String text, int i) {
    int e = i;
    if (e > 0 && isSpace(text.charAt(e - 1))) {
      e--;
    }
    int p = e;
    while (p > 0 && e - p < MAX_PREFIX_LENGTH && isPrefixChar(text.charAt(p - 1))) {
      p--;
    }
    for (int s = p; s < e; s++) {
      String candidate = text.substring(s, e);
      String iso = PREFIXES.get(candidate);
      if (iso != null && (s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1)))) {
        // A code written with a space must not be glued to the number it precedes in another way.
        return new Found(iso, s, i);
      }
    }
    return null;
  }

  /** Start of a qualifier ("more than", "up to", ...) written right before position s, or -1. */
  private static int qualifierStart(String text, int s) {
    if (s < 2 || !isSpace(text.charAt(s - 1))) {
      return -1;
    }
    int e = s - 1;
    for (String q : QUALIFIERS) {
      int b = e - q.length();
      if (b >= 0
          && text.regionMatches(true, b, q, 0, q.length())
          && (b == 0 || !(isWordChar(text.charAt(b - 1)) || text.charAt(b - 1) == '-'))) {
        return b; // not "start-up to $8 billion"
      }
    }
    return -1;
  }

  private static boolean wordBefore(String text, int s, String word) {
    int e = s;
    while (e > 0 && isSpace(text.charAt(e - 1))) {
      e--;
    }
    int b = e - word.length();
    return b >= 0
        && e < s
        && text.regionMatches(true, b, word, 0, word.length())
        && (b == 0 || !isWordChar(text.charAt(b - 1)));
  }

  private static boolean isPercent(String text, int j) {
    int k = j < text.length() && isSpace(text.charAt(j)) ? j + 1 : j;
    if (k < text.length() && text.charAt(k) == '%') {
      return true;
    }
    return text.regionMatches(true, k, "percent", 0, 7) || text.regionMatches(true, k, "per cent", 0, 8);
  }

  private static boolean isPrefixChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '$' || c == '.' || c == '€' || c == '£'
        || c == '¥' || c == '￥' || c == '₩' || c == '₹';
  }

  private static int skipSpaces(String text, int k) {
    while (k < text.length() && isSpace(text.charAt(k))) {
      k++;
    }
    return k;
  }

  private static char nextNonSpace(String text, int k) {
    k = skipSpaces(text, k);
    return k < text.length() ? text.charAt(k) : 0;
  }

  private static char prevNonSpace(String text, int k) {
    while (k > 0 && isSpace(text.charAt(k - 1))) {
      k--;
    }
    return k > 0 ? text.charAt(k - 1) : 0;
  }

  private static char charAt(String text, int k) {
    return k >= 0 && k < text.length() ? text.charAt(k) : 0;
  }

  private static boolean isDigitAt(String text, int k) {
    return k >= 0 && k < text.length() && isDigit(text.charAt(k));
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\u00a0' || c == '\u202f' || c == '\u2009' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isWordChar(char c) {
    return c != 0 && Character.isLetterOrDigit(c);
  }
}
