package com.capexalerts.core.webhook;

import static org.junit.jupiter.api.Assertions.fail;

/** Test checks on escaped markdown. */
final class Markup {
  private Markup() {}

  /** Fails when {@code s} has one of {@code specials} not preceded by a backslash escape. */
  static void assertAllEscaped(String s, String specials) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++; // the escaped char
        continue;
      }
      if (specials.indexOf(c) >= 0) {
        fail("unescaped '" + c + "' at " + k + " in: " + s);
      }
    }
  }

  /** Fails when {@code s} holds a lone surrogate (a cut emoji). */
  static void assertWholeCodePoints(String s) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (Character.isHighSurrogate(c)) {
        if (k + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(k + 1))) {
          fail("lone high surrogate at " + k);
        }
        k++;
      } else if (Character.isLowSurrogate(c)) {
        fail("lone low surrogate at " + k);
      }
    }
  }
}
