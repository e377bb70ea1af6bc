package com.capexalerts.core.eval;

import java.util.List;

/**
 * What a human says the detector should find in one corpus item.
 *
 * @param announcements the commitments made in this item (scored strictly)
 * @param mentions      earlier commitments cited as context (informative only)
 * @param note          why the item is labelled this way
 */
public record CorpusLabel(List<LabelledAmount> announcements, List<LabelledAmount> mentions, String note) {
  public CorpusLabel {
    announcements = List.copyOf(announcements);
    mentions = List.copyOf(mentions);
    note = note == null ? "" : note;
  }
}
