package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.eval.EvalJson;
import com.capexalerts.core.eval.LabelledItem;
import com.capexalerts.core.feed.FeedItem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExplainTest {
  private final Detector detector = Detector.withDefaults();

  @ParameterizedTest
  @ValueSource(strings = {"dev", "holdout", "blind3", "blind4", "blind5", "blind6"})
  void explainingFindsWhatDetectingFindsAndEveryAmountEndsSomewhere(String corpus) throws IOException {
    String resource = "/corpus/" + corpus + "-corpus.jsonl";
    InputStream in = getClass().getResourceAsStream(resource);
    assertNotNull(in, resource);
    List<LabelledItem> items;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      items = EvalJson.readCorpus(r, resource).value();
    }
    assertFalse(items.isEmpty());
    for (LabelledItem li : items) {
      FeedItem item = li.toFeedItem();
      Explanation e = detector.explain(item);
      assertEquals(detector.detect(item), e.findings(), item.id());
      for (Explanation.Amount a : e.amounts()) {
        assertFalse(a.decisions().isEmpty(), item.id() + " " + a.text());
        String first = a.decisions().get(0).stage();
        assertTrue(first.equals("role") || first.equals("old figure"), item.id() + " starts with " + first);
      }
      for (int n = 1; n <= e.findings().size(); n++) {
        String number = "finding #" + n + " ";
        assertTrue(e.amounts().stream().flatMap(a -> a.decisions().stream())
            .anyMatch(d -> d.stage().equals("merge") && d.outcome().startsWith(number)), item.id() + " " + number);
      }
    }
  }

  @Test
  void anAnalystsFigureIsDroppedWithTheSpeaker() {
    Explanation e = detector.explain("Microsoft capex in focus",
        "Analysts at Morgan Stanley expect Microsoft to spend $90 billion on AI data centers next year.");
    assertTrue(e.findings().isEmpty());
    Decision last = e.amounts().get(0).decisions().getLast();
    assertEquals("commitment", last.stage());
    assertEquals("dropped", last.outcome());
    assertEquals("someone else's estimate, speaker 'Analysts'", last.reason());
  }

  @Test
  void anItemWithoutAWatchedCompanyIsSkippedWithItsReason() {
    Explanation e = detector.explain("City budget", "The council will spend $2 billion on roads.");
    assertEquals(List.of(new Decision("item", "skipped",
        "no watched company named, and not from a watched company's newsroom")), e.item());
    assertTrue(e.amounts().isEmpty());
  }

  @Test
  void aDecisionPrintsAsStageOutcomeAndReason() {
    assertEquals("role: invest, by 'will invest'", new Decision("role", "invest", "by 'will invest'").toString());
    assertEquals("raise: raised plan", new Decision("raise", "raised plan", null).toString());
  }

  @Test
  void laterStepsAppendTheirDecisionsAfterTheDetectors() {
    Explanation e = detector.explain("Meta to spend $10 billion on AI data centers", "");
    Decision ledger = new Decision("ledger", "known commitment", "Meta $10 billion: source added");
    Explanation more = e.with(ledger);
    assertEquals(ledger, more.item().getLast());
    assertEquals(e.item().size() + 1, more.item().size());
    assertEquals(e.findings(), more.findings());
    assertFalse(e.item().contains(ledger), "the original is unchanged");
  }
}
