package com.capexalerts.core.detect;

import java.util.List;

/**
 * Why an item gave the findings it gave: the decisions about the item as a whole (who its subjects are), then,
 * for every money amount in it, each stage's decision in the order taken, and the findings themselves (the same as
 * {@link Detector#detect}).
 *
 * @param item     item-level decisions (skipped for want of money or companies, subjects)
 * @param amounts  one entry per money amount, in text order (headline first)
 * @param findings the findings of the item
 */
public record Explanation(List<Decision> item, List<Amount> amounts, List<Finding> findings) {
  public Explanation {
    item = List.copyOf(item);
    amounts = List.copyOf(amounts);
    findings = List.copyOf(findings);
  }

  /**
   * This explanation with a later step's decision about the item appended (a ledger's "known commitment", a
   * threshold), so one report tells the whole way from the text to the alert.
   */
  public Explanation with(Decision decision) {
    List<Decision> more = new java.util.ArrayList<>(item);
    more.add(decision);
    return new Explanation(more, amounts, findings);
  }

  /**
   * One money amount and what the stages decided about it.
   *
   * @param text      the amount as written ("more than 380 billion yuan")
   * @param headline  the amount is in the headline
   * @param sentence  index of its sentence (the headline, when there is one, is 0)
   * @param decisions the stages' decisions, in order; the last says where it ended (dropped, or a finding)
   */
  public record Amount(String text, boolean headline, int sentence, List<Decision> decisions) {
    public Amount {
      decisions = List.copyOf(decisions);
    }
  }
}
