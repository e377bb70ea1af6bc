package com.capexalerts.cli;

import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.eval.EvalJson;
import com.capexalerts.core.eval.LabelledItem;
import com.capexalerts.core.eval.Parsed;
import com.capexalerts.core.eval.PredictedFinding;
import com.capexalerts.core.eval.ScoreReport;
import com.capexalerts.core.eval.Scorer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Precision and recall of announcement findings against a labelled corpus (JSON Lines with a \"label\" per"
          + " item, e.g. functions/core/src/test/resources/corpus/dev-corpus.jsonl).",
      "With --predictions, scores that `detect` output; without, runs the detector on the corpus itself.",
      "Prints every miss and false alarm. Exit 0 when both reach --target, 1 otherwise."
    })
final class ScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin DetectorOptions detectorOptions;

  @Option(names = "--labels", paramLabel = "FILE", required = true, description = "the labelled corpus")
  Path labels;

  @Option(names = "--predictions", paramLabel = "FILE", description = "`detect` output for the corpus")
  Path predictions;

  @Option(names = "--target", paramLabel = "X", defaultValue = "0.95",
      description = "precision and recall needed for exit 0 (default: ${DEFAULT-VALUE})")
  double target;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Parsed<List<LabelledItem>> corpus = read(() -> EvalJson.readCorpus(labels), "--labels " + labels);
    corpus.errors().forEach(e -> err.println("capex-alerts score: " + e));
    Map<String, List<PredictedFinding>> predicted;
    if (predictions != null) {
      Parsed<Map<String, List<PredictedFinding>>> p =
          read(() -> EvalJson.readPredictions(predictions), "--predictions " + predictions);
      p.errors().forEach(e -> err.println("capex-alerts score: " + e));
      predicted = p.value();
    } else {
      Detector detector = detectorOptions.detector();
      predicted = new LinkedHashMap<>();
      for (LabelledItem item : corpus.value()) {
        predicted.put(item.id(), detector.detect(item.toFeedItem()).stream().map(PredictedFinding::of).toList());
      }
    }
    ScoreReport report = Scorer.score(corpus.value(), predicted);
    out.println(report.format());
    out.flush();
    return report.precision() >= target && report.recall() >= target ? 0 : 1;
  }

  private interface Reading<T> {
    T read() throws IOException;
  }

  private static <T> T read(Reading<T> r, String what) {
    try {
      return r.read();
    } catch (IOException e) {
      throw new UnreadableInputException("cannot read " + what + ": " + DetectCommand.describe(e), e);
    }
  }
}
