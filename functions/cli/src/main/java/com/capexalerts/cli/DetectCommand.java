package com.capexalerts.cli;

import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.detect.Explanation;
import com.capexalerts.core.feed.FeedItem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Reads feed items as JSON Lines ({\"id\",\"title\",\"summary\",\"link\",\"published\",\"source\"}; only id and"
          + " title are required, unknown fields are ignored) and prints one line per item, in the same order:",
      "  {\"id\": ..., \"findings\": [{\"company\",\"kind\",\"amount\",\"currency\",\"amount_text\",\"amount_usd\","
          + "\"period\",\"evidence\"}]}",
      "kind is announcement or mention. A malformed line is reported on stderr with its line number, printed as"
          + " {\"id\":...,\"line\":N,\"error\":...,\"findings\":[]}, and the rest is still processed"
          + " (exit code 65 at the end).",
      "With --explain each line also has an \"explain\" array: why each money amount became a finding or not"
          + " (see the explain command)."
    })
final class DetectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin DetectorOptions detectorOptions;

  @Option(names = "--input", paramLabel = "FILE", description = "JSON Lines input (default: stdin)")
  Path input;

  @Option(names = "--output", paramLabel = "FILE", description = "JSON Lines output (default: stdout)")
  Path output;

  @Option(names = "--explain", description = "add each amount's stage decisions to every line, as \"explain\"")
  boolean explain;

  @Override
  public Integer call() throws IOException {
    Detector detector = detectorOptions.detector();
    PrintWriter err = spec.commandLine().getErr();
    String where = input == null ? "stdin" : input.toString();
    int bad = 0;
    try (BufferedReader in = open(); PrintWriter out = create()) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        ObjectNode result;
        try {
          FeedItem item = parse(line);
          if (explain) {
            Explanation why = detector.explain(item);
            result = Json.findings(item.id(), why.findings());
            result.set("explain", Json.explain(why));
          } else {
            result = Json.findings(item.id(), detector.detect(item));
          }
        } catch (BadLineException e) {
          bad++;
          err.println("capex-alerts detect: " + where + " line " + lineNo + ": " + e.getMessage());
          result = Json.MAPPER.createObjectNode();
          result.put("id", e.id);
          result.put("line", lineNo);
          result.put("error", e.getMessage());
          result.putArray("findings");
        }
        out.println(Json.MAPPER.writeValueAsString(result));
      }
    }
    if (bad > 0) {
      err.println("capex-alerts detect: " + bad + " malformed line(s) in " + where + "; the others were processed");
      return CapexAlerts.EXIT_BAD_LINES;
    }
    return 0;
  }

  private BufferedReader open() {
    if (input == null) {
      return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    try {
      return Files.newBufferedReader(input, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UnreadableInputException("cannot read --input " + input + ": " + describe(e), e);
    }
  }

  private PrintWriter create() {
    if (output == null) {
      return new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    }
    try {
      return new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UnreadableInputException("cannot write --output " + output + ": " + describe(e), e);
    }
  }

  static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }

  static FeedItem parse(String line) throws BadLineException {
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadLineException(null, "not valid JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw new BadLineException(null, "expected a JSON object");
    }
    String id = text(n, "id");
    if (id == null || id.isBlank()) {
      throw new BadLineException(null, "missing required field \"id\"");
    }
    String title = text(n, "title");
    if (title == null) {
      throw new BadLineException(id, "missing required field \"title\"");
    }
    Instant published = null;
    String p = text(n, "published");
    if (p != null && !p.isBlank()) {
      try {
        published = Instant.parse(p);
      } catch (DateTimeParseException e) {
        try {
          published = java.time.LocalDate.parse(p).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e2) {
          throw new BadLineException(id, "field \"published\" is not an ISO-8601 date or time: " + p);
        }
      }
    }
    return new FeedItem(id, title, text(n, "summary"), text(n, "link"), published, text(n, "source"));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  static final class BadLineException extends Exception {
    final String id;

    BadLineException(String id, String message) {
      super(message);
      this.id = id;
    }
  }
}
