package com.capexalerts.core.detect;

import com.capexalerts.core.company.CompanyMention;
import com.capexalerts.core.money.MoneySpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a sentence into tokens; each money span and company mention becomes one token. */
final class Tokenizer {
  private Tokenizer() {}

  /**
   * @param money    money spans with offsets relative to {@code s}, in order
   * @param mentions mentions with offsets relative to {@code s}, in order
   */
  static Token[] tokenize(String s, List<MoneySpan> money, List<CompanyMention> mentions) {
    List<Token> out = new ArrayList<>(s.length() / 5 + 4);
    int n = s.length();
    int mi = 0;
    int ci = 0;
    int i = 0;
    while (i < n) {
      while (mi < money.size() && money.get(mi).start() < i) {
        mi++;
      }
      while (ci < mentions.size() && mentions.get(ci).start() < i) {
        ci++;
      }
      if (mi < money.size() && money.get(mi).start() == i) {
        MoneySpan m = money.get(mi);
        out.add(new Token(Token.Kind.MONEY, i, m.end(), null, mi, false, false));
        i = Math.max(m.end(), i + 1);
        continue;
      }
      if (ci < mentions.size() && mentions.get(ci).start() == i) {
        CompanyMention c = mentions.get(ci);
        out.add(new Token(Token.Kind.COMPANY, i, c.end(), null, ci, c.possessive(), true));
        i = c.possessive() ? c.end() + 2 : c.end();
        continue;
      }
      char c = s.charAt(i);
      if (SentenceSplitter.isSpace(c)) {
        i++;
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        int j = i + 1;
        while (j < n) {
          char d = s.charAt(j);
          if (Character.isLetterOrDigit(d)) {
            j++;
          } else if ((d == '.' || d == '\'' || d == '’' || d == '-' || d == '&')
              && j + 1 < n
              && Character.isLetterOrDigit(s.charAt(j + 1))
              && !startsSpan(money, mentions, j + 1)) {
            j += 2;
          } else {
            break;
          }
        }
        boolean possessive = false;
        int wordEnd = j;
        if (j - i > 2
            && (s.charAt(j - 1) == 's' || s.charAt(j - 1) == 'S')
            && (s.charAt(j - 2) == '\'' || s.charAt(j - 2) == '’')) {
          possessive = true;
          wordEnd = j - 2;
        } else if (j < n && (s.charAt(j) == '\'' || s.charAt(j) == '’') && (s.charAt(j - 1) == 's')) {
          possessive = true; // "analysts' estimates"
          j++;
        }
        String norm = s.substring(i, wordEnd).toLowerCase(Locale.ROOT);
        out.add(new Token(Token.Kind.WORD, i, j, norm, -1, possessive, Character.isUpperCase(c)));
        i = j;
        continue;
      }
      out.add(new Token(Token.Kind.PUNCT, i, i + 1, String.valueOf(c), -1, false, false));
      i++;
    }
    return out.toArray(Token[]::new);
  }

  private static boolean startsSpan(List<MoneySpan> money, List<CompanyMention> mentions, int pos) {
    for (MoneySpan m : money) {
      if (m.start() == pos) {
        return true;
      }
    }
    for (CompanyMention c : mentions) {
      if (c.start() == pos) {
        return true;
      }
    }
    return false;
  }
}
