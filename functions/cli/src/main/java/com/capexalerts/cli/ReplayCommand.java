package com.capexalerts.cli;

import com.capexalerts.core.eval.EvalJson;
import com.capexalerts.core.eval.EventScorer;
import com.capexalerts.core.eval.LabelledItem;
import com.capexalerts.core.eval.Parsed;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replays a labelled corpus as one news feed through the real `run` path and scores its alerts as events:"
          + " is each alert the right, first alert of a real new commitment?",
      "Items are sorted by `published` and written to a temporary RSS file; `run --max-age none` polls it once"
          + " into --state (default: a fresh temporary folder).",
      "An alert is right when its item labels an announcement of that company within ±25 %% of its USD whose"
          + " commitment had no alert yet; repeat when it hits a commitment already alerted; wrong otherwise."
          + " A commitment is the labels' \"event\" id when they give one, else the labelled announcements of one"
          + " company within 8 %% of each other.",
      "stdout: one line per alert with its verdict, the commitments never alerted, then the totals."
    })
final class ReplayCommand implements Callable<Integer> {
  private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Option(names = "--labels", paramLabel = "FILE", required = true, description = "the labelled corpus (JSON Lines)")
  Path labels;

  @Option(names = "--state", paramLabel = "DIR", description = "embedded state for the run (default: a fresh temporary"
      + " folder, deleted afterwards)")
  Path state;

  @Option(names = "--ledger-seed", paramLabel = "bundled|none|FILE",
      description = "passed to `run`: the ledger a fresh state starts from (default: bundled)")
  String ledgerSeed;

  @Option(names = "--verbose", description = "also print the run's own log (stderr)")
  boolean verbose;

  @Option(names = "--explain", description = "print the run's decision per finding (stderr; implies --verbose)")
  boolean explain;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Parsed<List<LabelledItem>> corpus;
    try {
      corpus = EvalJson.readCorpus(labels);
    } catch (IOException e) {
      throw new UnreadableInputException("cannot read --labels " + labels + ": " + DetectCommand.describe(e), e);
    }
    corpus.errors().forEach(e -> err.println("capex-alerts replay: " + e));
    List<LabelledItem> items = new ArrayList<>(corpus.value());
    items.sort(LabelledItem.PUBLICATION_ORDER);

    Path work = Files.createTempDirectory("capex-replay");
    Path feed = work.resolve("corpus.rss");
    Files.writeString(feed, rss(items));
    Path runState = state != null ? state : work.resolve("state");
    List<String> args = new ArrayList<>(List.of("run", "--feed", feed.toString(), "--max-age", "none",
        "--state", runState.toString()));
    if (ledgerSeed != null) {
      args.addAll(List.of("--ledger-seed", ledgerSeed));
    }
    if (explain) {
      args.add("--explain");
      verbose = true;
    }
    StringWriter runOut = new StringWriter();
    StringWriter runErr = new StringWriter();
    CommandLine run = CapexAlerts.newCommandLine();
    run.setOut(new PrintWriter(runOut, true));
    run.setErr(new PrintWriter(runErr, true));
    int exit = run.execute(args.toArray(String[]::new));
    if (verbose || exit != 0) {
      err.print(runErr);
      err.flush();
    }
    if (exit != 0) {
      err.println("capex-alerts replay: run exited " + exit);
    }

    List<EventScorer.Alert> alerts = new ArrayList<>();
    for (String line : runOut.toString().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = Json.MAPPER.readTree(line);
      alerts.add(new EventScorer.Alert(n.path("event_key").asText(null), n.path("company").asText(),
          new BigDecimal(n.path("amount_usd").asText()), n.path("link").asText(null), n.path("title").asText(null)));
    }
    EventScorer.Report report = EventScorer.score(items, alerts);
    out.println(report.format());
    out.flush();
    if (state == null) {
      deleteTree(work);
    } else {
      Files.deleteIfExists(feed);
      Files.deleteIfExists(work);
    }
    return exit == 0 && corpus.errors().isEmpty() ? 0 : 1;
  }

  /** The items as one RSS 2.0 channel, in the given order. */
  static String rss(List<LabelledItem> items) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
        + "<title>Replayed corpus</title><link>https://example.com/</link><description>replay</description>\n");
    for (LabelledItem i : items) {
      b.append("<item><guid isPermaLink=\"false\">").append(xml(i.id())).append("</guid><title>")
          .append(xml(i.title())).append("</title>");
      if (i.link() != null) {
        b.append("<link>").append(xml(i.link())).append("</link>");
      }
      b.append("<description>").append(xml(i.summary())).append("</description>");
      if (i.source() != null && !i.source().isBlank()) {
        b.append("<source url=\"https://example.com/\">").append(xml(i.source())).append("</source>");
      }
      if (i.published() != null) {
        b.append("<pubDate>").append(RFC_822.format(i.published())).append("</pubDate>");
      }
      b.append("</item>\n");
    }
    return b.append("</channel></rss>\n").toString();
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
