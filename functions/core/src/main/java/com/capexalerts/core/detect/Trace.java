package com.capexalerts.core.detect;

import com.capexalerts.core.company.Company;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the stages' decisions while one item is explained. Detection passes none (null) and the stages skip
 * their reasons then, so ordinary detection builds no strings for them.
 */
final class Trace {
  private final List<Decision> item = new ArrayList<>();
  private final List<Entry> entries = new ArrayList<>();
  private Entry current;

  /** One amount under way: its decisions, and the reasons kept for the kind decision after the item is read. */
  private static final class Entry {
    final Sent sent;
    final int position;
    final String text;
    final List<Decision> decisions = new ArrayList<>();
    String dated;
    String framed;

    Entry(Sent sent, int position, String text) {
      this.sent = sent;
      this.position = position;
      this.text = text;
    }
  }

  /** An item-level decision. */
  void item(String stage, String outcome, String reason) {
    item.add(new Decision(stage, outcome, reason));
  }

  /** The amount at token m of s is next. */
  void amount(Sent s, int m) {
    Token x = s.tokens[m];
    current = new Entry(s, x.start, s.text.substring(x.start, x.end));
    entries.add(current);
  }

  /** A decision about the current amount. */
  void decide(String stage, String outcome, String reason) {
    current.decisions.add(new Decision(stage, outcome, reason));
  }

  /** A decision about the amount a candidate came from. */
  void decide(Candidate c, String stage, String outcome, String reason) {
    Entry e = entry(c);
    if (e != null) {
      e.decisions.add(new Decision(stage, outcome, reason));
    }
  }

  /** What dates the current amount, for its kind decision. */
  void dated(String reason) {
    current.dated = reason;
  }

  /** What frames the current amount as context, for its kind decision. */
  void framed(String reason) {
    current.framed = reason;
  }

  /** What frames a candidate's amount, found after the amount itself (a roundup). */
  void framed(Candidate c, String reason) {
    Entry e = entry(c);
    if (e != null && e.framed == null) {
      e.framed = reason;
    }
  }

  String dated(Candidate c) {
    Entry e = entry(c);
    return e == null ? null : e.dated;
  }

  String framed(Candidate c) {
    Entry e = entry(c);
    return e == null ? null : e.framed;
  }

  private Entry entry(Candidate c) {
    for (Entry e : entries) {
      if (e.sent == c.sent() && e.position == c.position()) {
        return e;
      }
    }
    return null;
  }

  Explanation explanation(List<Finding> findings) {
    List<Explanation.Amount> amounts = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      amounts.add(new Explanation.Amount(e.text, e.sent.isTitle, e.sent.index, e.decisions));
    }
    return new Explanation(item, amounts, findings);
  }

  /** The words of tokens [from, to) as written, in quotes. */
  static String quote(Sent s, int from, int to) {
    Token[] t = s.tokens;
    if (from < 0 || from >= to || to > t.length) {
      return "";
    }
    return "'" + s.text.substring(t[from].start, t[to - 1].end) + "'";
  }

  /** The phrase starting at token k (a cue may span several words), in quotes. */
  static String phrase(Sent s, int k) {
    Token x = s.tokens[k];
    return quote(s, k, Math.max(k + 1, Math.min(x.phraseEnd, s.tokens.length)));
  }

  /** "Microsoft" or "OpenAI, SoftBank and Oracle". */
  static String names(List<Company> companies) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < companies.size(); i++) {
      if (i > 0) {
        b.append(i == companies.size() - 1 ? " and " : ", ");
      }
      b.append(companies.get(i).name());
    }
    return b.toString();
  }
}
