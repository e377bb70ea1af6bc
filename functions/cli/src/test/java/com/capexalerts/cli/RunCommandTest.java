package com.capexalerts.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `run` over the sample feeds shipped in events/: the "done when", through the real command. */
class RunCommandTest {
  private static final String SAMPLES = Path.of("../../events/sample-feeds").toString();
  private static final String MORE = Path.of("../../events/sample-feeds-more").toString();
  private static final String CHINESE = Path.of("../../events/sample-feeds-zh").toString();

  @TempDir Path state;

  record Run(int exit, List<JsonNode> alerts, String err) {}

  private Run run(String... feeds) throws IOException {
    // the sample feeds retell real pledges, some of which the bundled seed ledger knows: replay them as news
    List<String> args =
        new ArrayList<>(List.of("run", "--state", state.toString(), "--max-age", "none", "--ledger-seed", "none"));
    for (String f : feeds) {
      args.add("--feed");
      args.add(f);
    }
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    List<JsonNode> alerts = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      if (!line.isBlank()) {
        alerts.add(Json.MAPPER.readTree(line));
      }
    }
    return new Run(r.exit(), alerts, r.err());
  }

  private static List<String> companies(Run r) {
    return r.alerts().stream().map(a -> a.get("company").asText()).sorted().toList();
  }

  @Test
  void eachEventOnceThenNothingThenOnlyTheNewOne() throws IOException {
    Run first = run(SAMPLES);
    assertEquals(0, first.exit(), first.err());
    assertEquals(List.of("Alibaba", "Meta", "Microsoft"), companies(first),
        "three outlets carry three events; the budgets cited as context and the share move do not alert");
    JsonNode alibaba = first.alerts().stream().filter(a -> a.get("company").asText().equals("Alibaba"))
        .findFirst().orElseThrow();
    assertEquals("CNY", alibaba.get("currency").asText());
    assertEquals(53_000_000_000L, alibaba.get("amount_usd").asLong(), 1_500_000_000L);
    for (String field : List.of("event_key", "kind", "amount", "amount_usd", "period", "title", "link", "published")) {
      assertTrue(alibaba.has(field), field);
    }
    List<String> outbox = Files.readAllLines(state.resolve("outbox.jsonl"));
    assertEquals(3, outbox.size(), "one SNS Publish request per alert in the outbox");
    assertEquals("json", Json.MAPPER.readTree(outbox.getFirst()).get("MessageStructure").asText());

    Run second = run(SAMPLES);
    assertEquals(0, second.exit(), second.err());
    assertEquals(List.of(), second.alerts(), "the same feeds again: nothing");

    Run third = run(SAMPLES, MORE);
    assertEquals(0, third.exit(), third.err());
    assertEquals(List.of("Amazon"), companies(third), "only the new event of the added feed");
    assertEquals(4, Files.readAllLines(state.resolve("outbox.jsonl")).size());
  }

  @Test
  void aChineseOutletAlertsItsOwnNewsAndJoinsTheKnownEvent() throws IOException {
    Run first = run(SAMPLES);
    assertEquals(0, first.exit(), first.err());
    Run chinese = run(SAMPLES, CHINESE);
    assertEquals(0, chinese.exit(), chinese.err());
    assertEquals(List.of("ByteDance"), companies(chinese),
        "the Chinese retelling of Alibaba's pledge is the known event; Tencent's results are nothing");
    JsonNode bytedance = chinese.alerts().getFirst();
    assertEquals("CNY", bytedance.get("currency").asText());
    assertEquals("1600亿元人民币", bytedance.get("amount_text").asText());
    List<String> outbox = Files.readAllLines(state.resolve("outbox.jsonl"));
    JsonNode message = Json.MAPPER.readTree(Json.MAPPER.readTree(outbox.getLast()).get("Message").asText());
    String sms = message.get("sms").asText();
    assertEquals("AI investment - ByteDance: 160bn CNY (~$22.5bn) AI chips, next year - source: huaxia-tech.example.cn",
        sms);
    assertTrue(message.get("email").asText().contains("1600亿元人民币 (as written)"), message.get("email").asText());
  }

  @Test
  void aMissingFeedIsAUsageError() {
    Cli.Result r = Cli.run("run", "--state", state.toString(), "--feed", state.resolve("nope.xml").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no such file or folder"), r.err());
  }

  @Test
  void aBadMaxAgeIsAUsageError() {
    Cli.Result r = Cli.run("run", "--state", state.toString(), "--feed", SAMPLES, "--max-age", "fortnight");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--max-age"), r.err());
  }
}
