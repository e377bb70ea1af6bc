package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {
  @TempDir Path dir;

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> result = new ArrayList<>();
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      result.add(Json.MAPPER.readTree(l));
    }
    return result;
  }

  @Test
  void malformedLinesAreReportedWithLineNumbersAndTheRestIsProcessed() throws IOException {
    Path in = dir.resolve("items.jsonl");
    Path out = dir.resolve("out.jsonl");
    Files.writeString(in, String.join("\n",
        "{\"id\":\"a\",\"title\":\"Quiet day\",\"extra\":42}",
        "{not json",
        "",
        "{\"title\":\"no id\"}",
        "{\"id\":\"b\",\"title\":\"Another\",\"published\":\"yesterday\"}",
        "{\"id\":\"c\",\"title\":\"Last\",\"published\":\"2025-02-24T08:00:00Z\"}"));

    Cli.Result r = Cli.run("detect", "--input", in.toString(), "--output", out.toString());

    assertEquals(CapexAlerts.EXIT_BAD_LINES, r.exit());
    assertTrue(r.err().contains("line 2: not valid JSON"), r.err());
    assertTrue(r.err().contains("line 4: missing required field \"id\""), r.err());
    assertTrue(r.err().contains("line 5: field \"published\""), r.err());
    List<JsonNode> results = lines(out);
    assertEquals(5, results.size(), "one output line per non-blank input line");
    assertEquals("a", results.get(0).get("id").asText());
    assertTrue(results.get(0).get("findings").isArray());
    assertEquals(2, results.get(1).get("line").asInt());
    assertEquals("b", results.get(3).get("id").asText());
    assertEquals("c", results.get(4).get("id").asText());
    assertTrue(results.get(4).get("error") == null);
  }

  @Test
  void missingInputFileIsAClearErrorWithNonZeroExit() {
    Cli.Result r = Cli.run("detect", "--input", dir.resolve("nope.jsonl").toString());
    assertEquals(CapexAlerts.EXIT_UNREADABLE, r.exit());
    assertTrue(r.err().contains("cannot read --input"), r.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    Cli.Result r = Cli.run("detect", "--bogus");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("Unknown option"), r.err());
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd : List.of("detect", "feed")) {
      Cli.Result r = Cli.run(cmd, "--help");
      assertEquals(0, r.exit(), cmd);
      assertTrue(r.out().contains("Usage: capex-alerts " + cmd), r.out());
    }
  }

  @Test
  void rateOverridesAndBadRatesOnTheCommandLine() throws IOException {
    Path in = dir.resolve("alibaba.jsonl");
    Path out = dir.resolve("alibaba-out.jsonl");
    Files.writeString(in, "{\"id\":\"x\",\"title\":\"Alibaba to invest 380 billion yuan in AI infrastructure\"}\n");

    Cli.Result r = Cli.run("detect", "--input", in.toString(), "--output", out.toString(), "--usd-rates", "CNY=0.2");
    assertEquals(0, r.exit(), r.err());
    assertEquals(76_000_000_000L, lines(out).getFirst().at("/findings/0/amount_usd").asLong());

    Cli.Result bad = Cli.run("detect", "--input", in.toString(), "--usd-rates", "CNY=cheap");
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("USD_RATES: 'cheap' is not a number"), bad.err());
  }
}
