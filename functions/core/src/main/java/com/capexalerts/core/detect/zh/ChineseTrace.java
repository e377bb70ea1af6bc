package com.capexalerts.core.detect.zh;

import com.capexalerts.core.detect.Decision;
import com.capexalerts.core.detect.Explanation;
import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.money.MoneySpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the Chinese stages' decisions while one item is explained, in the same {@link Decision} form as the
 * English rules, so {@code explain} tells the same story for either language. Detection passes none (null).
 */
final class ChineseTrace {
  private final List<Decision> item = new ArrayList<>();
  private final List<Entry> entries = new ArrayList<>();
  private Entry current;

  private record Entry(ChineseSentence sent, MoneySpan money, List<Decision> decisions) {}

  void item(String stage, String outcome, String reason) {
    item.add(new Decision(stage, outcome, reason));
  }

  /** The amount m of s is next. */
  void amount(ChineseSentence s, MoneySpan m) {
    current = new Entry(s, m, new ArrayList<>());
    entries.add(current);
  }

  /** A decision about the current amount. */
  void decide(String stage, String outcome, String reason) {
    current.decisions.add(new Decision(stage, outcome, reason));
  }

  /** A decision about the amount a candidate came from (the merge stage, after every amount is read). */
  void decide(ChineseCandidate c, String stage, String outcome, String reason) {
    for (Entry e : entries) {
      if (e.sent == c.sent() && e.money == c.money()) {
        e.decisions.add(new Decision(stage, outcome, reason));
        return;
      }
    }
  }

  Explanation explanation(List<Finding> findings) {
    List<Explanation.Amount> amounts = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      String text = e.sent.text().substring(e.money.start(), e.money.end());
      amounts.add(new Explanation.Amount(text, e.sent.title(), e.sent.index(), e.decisions));
    }
    return new Explanation(item, amounts, findings);
  }
}
