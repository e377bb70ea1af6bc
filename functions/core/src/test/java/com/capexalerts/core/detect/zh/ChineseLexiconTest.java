package com.capexalerts.core.detect.zh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.detect.zh.ChineseLexicon.Cue;
import com.capexalerts.core.detect.zh.ChineseLexicon.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseLexiconTest {
  private final ChineseLexicon lexicon = ChineseLexicon.defaults();

  private List<String> terms(String s) {
    return lexicon.scan(s).stream().map(Hit::term).toList();
  }

  @Test
  void everySectionOfTheDataFileHasTerms() {
    for (Cue cue : Cue.values()) {
      String probe = switch (cue) {
        case INVEST -> "投资";
        case ACQUIRE -> "收购";
        case PURCHASE -> "采购";
        case DROP -> "营收";
        case ROUND -> "融资";
        case ANALYST -> "分析师";
        case DATED -> "此前";
        case PROGRESS -> "重申";
        case COMPARE -> "相比之下";
        case RESULTS -> "同比";
        case FUTURE -> "计划";
        case AGGREGATE -> "合计";
        case RESPECTIVELY -> "分别";
        case PART -> "其中";
        case AI -> "算力";
        case PRONOUN -> "该公司";
        case NEUTRAL -> "投行";
        case POOLED -> "云厂商";
      };
      assertTrue(lexicon.sectionsOf(probe).containsKey(cue), cue + " should contain " + probe);
    }
  }

  @Test
  void longestTermWinsAndNeutralWordsHideTheirCueCharacters() {
    assertEquals(List.of("资本开支", "将"), terms("资本开支将"));
    assertEquals(List.of("投行"), terms("投行"));
    assertEquals(List.of("其他"), terms("其他"));
    assertEquals(List.of("AI"), terms("投入AI"). subList(1, 2));
    assertEquals(List.of("投入"), terms("投入MAIL")); // Latin terms only on word boundaries
  }
}
