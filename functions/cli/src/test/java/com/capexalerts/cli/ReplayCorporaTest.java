package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The event-level figures of the real-modelled held-out sets: each replayed as one feed, in publication order, from an
 * empty ledger, through the real `run` path. A repeat (an alert for a commitment already alerted) counts as wrong, so
 * these floors guard the ledger as much as the detector. They sit a little below what each set reached.
 */
class ReplayCorporaTest {
  private static final Pattern TOTALS = Pattern.compile(
      "alerts (\\d+)\\s+right (\\d+)\\s+wrong (\\d+)\\s+repeats (\\d+).*precision ([0-9.]+)\\s+event recall ([0-9.]+)");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "real-holdout-a, 0.90, 0.93",
      "real-holdout-b, 0.93, 0.93",
      "real-holdout-c, 0.95, 0.95",
      "real-holdout-d, 0.97, 0.89",
      "real-holdout-e, 0.95, 0.92",
      "real-holdout-f, 0.93, 0.96",
      "real-holdout-g, 0.90, 0.96",
      "real-holdout-h, 0.92, 0.88",
      "real-holdout-i, 0.93, 0.90",
      "real-holdout-j, 0.90, 0.80",
      "real-holdout-k, 0.82, 0.82",
  })
  void eachAlertIsTheFirstAlertOfARealNewCommitment(String corpus, double precisionFloor, double recallFloor) {
    Path labels = Path.of("../core/src/test/resources/corpus/" + corpus + ".jsonl");
    assertTrue(Files.isRegularFile(labels), labels + " is missing");
    Cli.Result r = Cli.run("replay", "--labels", labels.toString(), "--ledger-seed", "none");
    assertEquals(0, r.exit(), r.err());
    Matcher m = TOTALS.matcher(r.out());
    assertTrue(m.find(), "no totals line in:\n" + r.out());
    double precision = Double.parseDouble(m.group(5));
    double recall = Double.parseDouble(m.group(6));
    assertTrue(precision >= precisionFloor && recall >= recallFloor,
        corpus + ": event precision " + precision + " (floor " + precisionFloor + "), event recall " + recall
            + " (floor " + recallFloor + ")\n" + r.out());
  }
}
