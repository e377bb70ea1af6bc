package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.company.Company;

/** Builds the per-item context the stages read from a headline and a text, as the detector does. */
final class Stages {
  private Stages() {}

  /** The item read into sentences (the headline is sentence 0 when given); fails when there is nothing to read. */
  static ItemContext item(String title, String text) {
    return item(title, text, 0, null);
  }

  static ItemContext item(String title, String text, int year, Company publisher) {
    ItemContext ctx = new ItemContext(Detector.withDefaults(), title, text, year, null, null, () -> publisher);
    String unread = ctx.read();
    assertTrue(unread == null, "the item should be readable, but: " + unread);
    for (Sent s : ctx.sents) {
      s.tokens(); // the stages read the tokens the orchestrator made
    }
    Subjects.findTitleSubjects(ctx);
    return ctx;
  }

  /** A context with only a body sentence, no headline. */
  static ItemContext sentence(String text) {
    return item("", text);
  }

  /** Token index of the n-th (0-based) money amount of the sentence. */
  static int money(Sent s, int n) {
    Token[] t = s.tokens();
    for (int k = 0; k < t.length; k++) {
      if (t[k].kind == Token.Kind.MONEY && n-- == 0) {
        return k;
      }
    }
    throw new AssertionError("no money amount #" + n + " in: " + s.text);
  }

  /** Token index of the first word equal to w. */
  static int word(Sent s, String w) {
    Token[] t = s.tokens();
    for (int k = 0; k < t.length; k++) {
      if (t[k].is(w)) {
        return k;
      }
    }
    throw new AssertionError("no word '" + w + "' in: " + s.text);
  }

  static Company company(String name) {
    return Detector.withDefaults().watchlist().companies().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not on the watchlist: " + name));
  }
}
