package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class ExplainCommandTest {
  private static final String TITLE = "Alibaba pledges 380 billion yuan for AI over three years";
  private static final String SUMMARY =
      "Alibaba said on Monday it will invest more than 380 billion yuan ($53 billion) in cloud and AI infrastructure"
          + " over the next three years. The budget still trails the biggest US spenders: Microsoft has said it"
          + " expects to spend about $80 billion on AI data centres this fiscal year, and Meta Platforms has set"
          + " aside up to $65 billion of capital spending for 2025. Alibaba's shares fell 2.5% to HK$130.20 in"
          + " Hong Kong.";

  @TempDir Path dir;

  /** The report's lines for one amount: from its heading line to the next heading at the same indent. */
  private static List<String> block(String report, String amountHeading) {
    List<String> out = new ArrayList<>();
    boolean in = false;
    for (String line : report.split("\n")) {
      if (line.startsWith("  " + amountHeading)) {
        in = true;
        continue;
      }
      if (in && !line.startsWith("    ")) {
        break;
      }
      if (in) {
        out.add(line.strip());
      }
    }
    return out;
  }

  @Test
  void explainsWhyTheAlibabaPledgeAlertsAndTheContextFiguresAndShareMoveDoNot() {
    Cli.Result r = Cli.run("explain", "--title", TITLE, "--summary", SUMMARY);

    assertEquals(0, r.exit(), r.err());
    String out = r.out();
    List<String> pledge = block(out, "more than 380 billion yuan ($53 billion)  (sentence 1)");
    assertTrue(pledge.contains("role: invest, by 'invest'"), pledge.toString());
    assertTrue(pledge.stream().anyMatch(l -> l.startsWith("spender: Alibaba, by resolving 'it'")), pledge.toString());
    assertTrue(pledge.stream().anyMatch(l -> l.startsWith("kind: announcement, Alibaba is a subject")), pledge.toString());
    assertTrue(pledge.stream().anyMatch(l -> l.startsWith("merge: finding #1 (announcement)")), pledge.toString());

    List<String> microsoft = block(out, "about $80 billion  (sentence 2)");
    assertTrue(microsoft.contains("spender: Microsoft, by resolving 'it' to 'Microsoft'"), microsoft.toString());
    assertTrue(microsoft.stream().anyMatch(l -> l.startsWith("kind: mention, dated: ") && l.contains("'has said'")
        && l.endsWith("Microsoft is not a subject of the item")), microsoft.toString());

    List<String> meta = block(out, "up to $65 billion  (sentence 2)");
    assertTrue(meta.stream().anyMatch(l -> l.startsWith("spender: Meta, by 'Meta Platforms'")), meta.toString());
    assertTrue(meta.stream().anyMatch(l -> l.startsWith("kind: mention") && l.contains("Meta is not a subject")),
        meta.toString());
    assertTrue(meta.stream().anyMatch(l -> l.startsWith("merge: finding #3 (mention)")), meta.toString());

    List<String> shares = block(out, "HK$130.20  (sentence 3)");
    assertEquals(List.of("role: not an investment, by 'fell'"), shares, "the share price goes no further than role");

    assertTrue(out.contains("finding #1: Alibaba announcement more than 380 billion yuan over the next three years"), out);
    assertTrue(out.contains("finding #2: Microsoft mention about $80 billion"), out);
    assertTrue(out.contains("finding #3: Meta mention up to $65 billion for 2025"), out);
    assertFalse(out.contains("finding #4"), out);
  }

  @Test
  void detectExplainAddsTheDecisionsToEachLineAndKeepsTheFindings() throws IOException {
    Path in = dir.resolve("items.jsonl");
    Path plain = dir.resolve("plain.jsonl");
    Path explained = dir.resolve("explained.jsonl");
    JsonNode item = Json.MAPPER.createObjectNode().put("id", "ali").put("title", TITLE).put("summary", SUMMARY)
        .put("published", "2025-02-24T08:00:00Z");
    Files.writeString(in, Json.MAPPER.writeValueAsString(item) + "\n{\"id\":\"quiet\",\"title\":\"Nothing here\"}\n");

    assertEquals(0, Cli.run("detect", "--input", in.toString(), "--output", plain.toString()).exit());
    Cli.Result r = Cli.run("detect", "--explain", "--input", in.toString(), "--output", explained.toString());

    assertEquals(0, r.exit(), r.err());
    List<String> a = Files.readAllLines(plain, StandardCharsets.UTF_8);
    List<String> b = Files.readAllLines(explained, StandardCharsets.UTF_8);
    assertEquals(2, b.size());
    JsonNode first = Json.MAPPER.readTree(b.get(0));
    assertEquals(Json.MAPPER.readTree(a.get(0)).get("findings"), first.get("findings"), "explaining changes no finding");
    JsonNode explain = first.get("explain");
    assertTrue(explain.get(0).get("item").asBoolean());
    assertEquals("subjects", explain.get(0).get("decisions").get(0).get("stage").asText());
    assertEquals(6, explain.size(), "the item entry and five amounts");
    JsonNode share = explain.get(5);
    assertEquals("HK$130.20", share.get("amount").asText());
    assertEquals("role", share.get("decisions").get(0).get("stage").asText());
    assertEquals("not an investment", share.get("decisions").get(0).get("outcome").asText());
    JsonNode quiet = Json.MAPPER.readTree(b.get(1)).get("explain").get(0).get("decisions").get(0);
    assertEquals("skipped", quiet.get("outcome").asText());
    assertEquals("no money amount in the item", quiet.get("reason").asText());
  }

  @Test
  void malformedLinesAreReportedAndTheOthersExplained() throws IOException {
    Path in = dir.resolve("items.jsonl");
    Files.writeString(in, "{broken\n{\"id\":\"x\",\"title\":\"Meta to spend $10 billion on AI data centers\"}\n");

    Cli.Result r = Cli.run("explain", "--input", in.toString());

    assertEquals(CapexAlerts.EXIT_BAD_LINES, r.exit());
    assertTrue(r.err().contains("line 1: not valid JSON"), r.err());
    assertTrue(r.out().contains("== x  Meta to spend $10 billion on AI data centers"), r.out());
    assertTrue(r.out().contains("finding #1: Meta announcement $10 billion"), r.out());
  }
}
