package com.capexalerts.core.detect;

import java.util.Set;

/** Token windows shared by the stages: clause bounds, neighbouring amounts, cue look-ups over a range. */
final class Clauses {
  private Clauses() {}

  static final String QUOTE_MARKS = "'\"‘’“”";

  static final Set<String> RIGHT_STOPS = Lexicon.words("clauses/right-stops");

  /** Index of the first word or amount of a sentence (leading dashes and bullets skipped). */
  static int firstWord(Token[] t) {
    for (int k = 0; k < t.length; k++) {
      if (t[k].kind != Token.Kind.PUNCT) {
        return k;
      }
    }
    return -1;
  }

  /**
   * A quotation that closes before the amount is a clause of its own ("'the biggest investment we have made,' Smith
   * said as the company set out plans to spend £2.5 billion"): the window starts after it.
   */
  static int afterQuote(Token[] t, int from, int m) {
    int quotes = 0;
    int lastClose = -1;
    for (int k = 0; k < m; k++) {
      if (t[k].kind == Token.Kind.PUNCT && QUOTE_MARKS.indexOf(t[k].norm.charAt(0)) >= 0) {
        quotes++;
        if (quotes % 2 == 0) {
          lastClose = k;
        }
      }
    }
    return quotes % 2 == 0 && lastClose >= from ? lastClose + 1 : from;
  }

  /**
   * Where the words that date or frame the amount start: at the spender (or the previous amount), or at the
   * clause start when the spender is the clause's first company ("Earlier this year, Microsoft said ...").
   */
  static int windowStart(Token[] t, int base, int anchor, int m) {
    if (anchor < base || anchor >= m) {
      return base;
    }
    for (int k = base; k < anchor; k++) {
      if (t[k].kind == Token.Kind.COMPANY || t[k].kind == Token.Kind.MONEY) {
        return anchor;
      }
    }
    return base;
  }

  /**
   * The words right after the amount that still describe it: up to a comma, another amount or a company that
   * is not an object ("commitment to OpenAI was proceeding as planned" runs on).
   */
  static int rightEnd(Token[] t, int m, int maxWords) {
    int words = 0;
    int k = m + 1;
    for (; k < t.length && words < maxWords; k++) {
      Token x = t[k];
      if (x.kind == Token.Kind.MONEY) {
        break;
      }
      if (x.kind == Token.Kind.COMPANY && !(t[k - 1].isWord() && Spender.OBJECT_PREPS.contains(t[k - 1].norm))) {
        break;
      }
      if (x.kind == Token.Kind.PUNCT && !x.is("-")) {
        break;
      }
      if (x.isWord()) {
        words++;
      }
    }
    return k;
  }

  /** To the end of the clause: for a spender named after the amount ("the yen AWS spent between 2011 and 2022"). */
  static int clauseRightEnd(Token[] t, int m) {
    int k = m + 1;
    while (k < t.length && t[k].kind != Token.Kind.MONEY && !(t[k].kind == Token.Kind.PUNCT && !t[k].is("-"))) {
      k++;
    }
    return k;
  }

  static int clauseStart(Token[] t, int m) {
    for (int k = m - 1; k >= 0; k--) {
      if (t[k].is(";")) {
        return k + 1;
      }
    }
    return 0;
  }

  static int clauseEnd(Token[] t, int m) {
    for (int k = m + 1; k < t.length; k++) {
      if (t[k].is(";")) {
        return k;
      }
    }
    return t.length;
  }

  static int prevMoney(Token[] t, int m) {
    for (int k = m - 1; k >= 0; k--) {
      if (t[k].kind == Token.Kind.MONEY) {
        return k;
      }
    }
    return -1;
  }

  static int nextMoney(Token[] t, int m) {
    for (int k = m + 1; k < t.length; k++) {
      if (t[k].kind == Token.Kind.MONEY) {
        return k;
      }
    }
    return -1;
  }

  static boolean anyFlag(Token[] t, int from, int to, int flags) {
    for (int k = Math.max(0, from); k < to && k < t.length; k++) {
      if (t[k].isWord() && t[k].has(flags)) {
        return true;
      }
    }
    return false;
  }

  /** Index of the first word in [from, to) with one of the flags, or -1 (for explanations). */
  static int firstFlag(Token[] t, int from, int to, int flags) {
    for (int k = Math.max(0, from); k < to && k < t.length; k++) {
      if (t[k].isWord() && t[k].has(flags)) {
        return k;
      }
    }
    return -1;
  }
  /**
   * "Nvidia and Microsoft agreed to invest up to $10 billion and $5 billion respectively": the index of the amount
   * at m among the amounts listed before "respectively", when there are as many as spenders; -1 otherwise.
   */
  static int respectively(Token[] t, int m, int spenders) {
    if (spenders < 2) {
      return -1;
    }
    int first = m;
    while (first >= 2 && (t[first - 1].is("and") || t[first - 1].is(",")) && t[first - 2].kind == Token.Kind.MONEY) {
      first -= 2;
    }
    int last = m;
    while (last + 2 < t.length && (t[last + 1].is("and") || t[last + 1].is(",")) && t[last + 2].kind == Token.Kind.MONEY) {
      last += 2;
    }
    int end = last + 1;
    while (end < t.length && t[end].isWord() && !t[end].is("respectively") && end <= last + 6) {
      end++;
    }
    if (end >= t.length || !t[end].is("respectively") || (last - first) / 2 + 1 != spenders) {
      return -1;
    }
    return (m - first) / 2;
  }

  /** A comma in [from, to) that is not one of a company list's ("OpenAI, SoftBank and Oracle"). */
  static boolean clauseComma(Token[] t, int from, int to) {
    for (int k = Math.max(1, from); k < to && k + 1 < t.length; k++) {
      if (t[k].is(",") && !(t[k - 1].kind == Token.Kind.COMPANY && t[k + 1].kind == Token.Kind.COMPANY)) {
        return true;
      }
    }
    return false;
  }
}
