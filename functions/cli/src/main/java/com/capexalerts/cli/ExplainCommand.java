package com.capexalerts.cli;

import com.capexalerts.core.detect.Decision;
import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.detect.Explanation;
import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.feed.FeedItem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Why did this alert (or not)? For each item, prints every money amount with each detection stage's decision"
          + " and its reason (role, spender, scope, commitment, kind, raise, merge), then the findings.",
      "Reads the same JSON Lines as detect (--input FILE, default stdin), or one item given by --title and"
          + " --summary. A malformed line is reported on stderr with its line number and the rest is still"
          + " explained (exit code 65 at the end)."
    })
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DetectorOptions detectorOptions;

  @Option(names = "--input", paramLabel = "FILE", description = "JSON Lines input (default: stdin)")
  Path input;

  @Option(names = "--title", paramLabel = "TEXT", description = "explain one item with this headline")
  String title;

  @Option(names = "--summary", paramLabel = "TEXT", description = "the text of the --title item")
  String summary;

  @Override
  public Integer call() throws IOException {
    Detector detector = detectorOptions.detector();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (title != null || summary != null) {
      if (input != null) {
        throw new ParameterException(spec.commandLine(), "give either --input or --title/--summary, not both");
      }
      report(out, "item", detector.explain(title == null ? "" : title, summary == null ? "" : summary));
      out.flush();
      return 0;
    }
    String where = input == null ? "stdin" : input.toString();
    int bad = 0;
    try (BufferedReader in = open()) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          FeedItem item = DetectCommand.parse(line);
          report(out, item.id() + "  " + item.title(), detector.explain(item));
        } catch (DetectCommand.BadLineException e) {
          bad++;
          err.println("capex-alerts explain: " + where + " line " + lineNo + ": " + e.getMessage());
        }
      }
    }
    out.flush();
    if (bad > 0) {
      err.println("capex-alerts explain: " + bad + " malformed line(s) in " + where + "; the others were explained");
      return CapexAlerts.EXIT_BAD_LINES;
    }
    return 0;
  }

  /** The readable report of one item. */
  static void report(PrintWriter out, String heading, Explanation e) {
    out.println("== " + heading);
    for (Decision d : e.item()) {
      out.println("  " + d);
    }
    for (Explanation.Amount a : e.amounts()) {
      out.println("  " + a.text() + "  (" + (a.headline() ? "headline" : "sentence " + a.sentence()) + ")");
      for (Decision d : a.decisions()) {
        out.println("    " + d);
      }
    }
    if (e.findings().isEmpty()) {
      out.println("  findings: none");
    }
    int n = 0;
    for (Finding f : e.findings()) {
      n++;
      out.println("  finding #" + n + ": " + f.company() + " " + f.kind().wireName() + " " + f.amount().text()
          + (f.period() == null ? "" : " " + f.period()) + (f.raise() ? " (raise)" : ""));
    }
    out.println();
  }

  private BufferedReader open() {
    if (input == null) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    try {
      return Files.newBufferedReader(input, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UnreadableInputException("cannot read --input " + input + ": " + DetectCommand.describe(e), e);
    }
  }
}
