package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The not-a-commitment stage: estimates, talks, pooled totals and reported results give no finding. */
class CommitmentTest {
  private static final Detector DETECTOR = Detector.withDefaults();

  private static List<String> companies(String title, String text) {
    return DETECTOR.detect(title, text).stream().map(f -> f.company() + " " + f.kind()).toList();
  }

  @Test
  void aFigureComparedWithTheSamePeriodBeforeIsAReportedResult() {
    assertEquals(List.of(), companies("Nvidia quarter beats forecasts",
        "Nvidia reported revenue of $40 billion, with its networking unit contributing $6 billion, up 90% from a"
            + " year earlier, on demand for AI chips."));
  }
}
