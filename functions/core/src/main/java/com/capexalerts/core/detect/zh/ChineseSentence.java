package com.capexalerts.core.detect.zh;

import com.capexalerts.core.company.CompanyMention;
import com.capexalerts.core.detect.zh.ChineseLexicon.Cue;
import com.capexalerts.core.detect.zh.ChineseLexicon.Hit;
import com.capexalerts.core.money.MoneySpan;
import java.util.List;

/** One sentence of an item as the Chinese rules see it: its text, cue words, companies and amounts. */
record ChineseSentence(int index, ChineseText.Sentence s, List<Hit> hits, List<CompanyMention> names,
    List<MoneySpan> money) {
  String text() {
    return s.text();
  }

  boolean title() {
    return s.title();
  }

  boolean has(Cue cue) {
    return hits.stream().anyMatch(h -> h.is(cue));
  }

  Hit last(int from, int to, Cue... cues) {
    Hit best = null;
    for (Hit h : hits) {
      if (h.start() >= from && h.end() <= to && any(h, cues)) {
        best = h;
      }
    }
    return best;
  }

  Hit first(int from, int to, Cue... cues) {
    for (Hit h : hits) {
      if (h.start() >= from && h.end() <= to && any(h, cues)) {
        return h;
      }
    }
    return null;
  }

  private static boolean any(Hit h, Cue... cues) {
    for (Cue c : cues) {
      if (h.is(c)) {
        return true;
      }
    }
    return false;
  }
}
