package com.capexalerts.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamsPayloadRendererTest {
  private static final String MARKDOWN = "*_[]`~<>";
  private final TeamsPayloadRenderer renderer = new TeamsPayloadRenderer();

  @Test
  void isAnAdaptiveCardMessageWithFactsAndAnOpenUrlAction() {
    JsonNode n = Json.parse(renderer.render(TestAlerts.alibaba()));
    assertEquals("message", n.get("type").textValue());
    JsonNode attachment = n.get("attachments").get(0);
    assertEquals("application/vnd.microsoft.card.adaptive", attachment.get("contentType").textValue());
    JsonNode card = attachment.get("content");
    assertEquals("AdaptiveCard", card.get("type").textValue());
    assertEquals("1.4", card.get("version").textValue());
    Map<String, String> facts = facts(card);
    assertEquals("Alibaba", facts.get("Company"));
    assertEquals("over 380 billion yuan", facts.get("Amount"));
    assertEquals("$53 billion", facts.get("USD"));
    assertEquals("over the next three years", facts.get("Period"));
    assertEquals("2025-02-24T08:30:00Z", facts.get("Published"));
    assertTrue(textBlocks(card).contains(TestAlerts.EVIDENCE), textBlocks(card).toString());
    JsonNode action = card.get("actions").get(0);
    assertEquals("Action.OpenUrl", action.get("type").textValue());
    assertEquals("https://news.example.com/alibaba-ai?id=1", action.get("url").textValue());
  }

  @Test
  void hostileMarkdownIsEscapedInEveryTextAndFact() {
    String title = "**Click** [here](http://evil.example) _x_ `code` ~~s~~ <b>hi</b> \\ "
        + "{{DATE(2017-02-14T06:08:39Z, SHORT)}}";
    String evidence = "- item\n1. two\n# head";
    JsonNode card = Json.parse(renderer.render(TestAlerts.alibaba(title, evidence)))
        .get("attachments").get(0).get("content");
    List<String> shown = new ArrayList<>(textBlocks(card));
    shown.addAll(facts(card).values());
    for (String s : shown) {
      Markup.assertAllEscaped(s, MARKDOWN);
      assertFalse(s.contains("{{"), s);
      assertFalse(s.startsWith("-") || s.startsWith("#") || s.startsWith("+"), s);
    }
    assertTrue(shown.contains("\\*\\*Click\\*\\* \\[here\\](http://evil.example) \\_x\\_ \\`code\\` \\~\\~s\\~\\~ "
        + "\\<b\\>hi\\</b\\> \\\\ {\u200B{\u200BDATE(2017-02-14T06:08:39Z, SHORT)}}"), shown.toString());
    assertTrue(shown.contains("\\- item 1. two # head"), shown.toString());
  }

  @Test
  void aNumberAtTheStartCannotBecomeAList() {
    JsonNode card = Json.parse(renderer.render(TestAlerts.alibaba("2025. A year of AI", "3) three"))).get(
        "attachments").get(0).get("content");
    assertTrue(textBlocks(card).contains("2025\\. A year of AI"), textBlocks(card).toString());
    assertTrue(textBlocks(card).contains("3\\) three"), textBlocks(card).toString());
  }

  @Test
  void veryLongTextsAreCutAndTheMessageStaysSmall() {
    String huge = "**x** ".repeat(5000) + "\uD83D\uDE80".repeat(3000);
    var payload = renderer.render(TestAlerts.everywhere(huge, 300));
    assertTrue(payload.body().getBytes(StandardCharsets.UTF_8).length < 28_000,
        "bytes: " + payload.body().getBytes(StandardCharsets.UTF_8).length);
    JsonNode card = Json.parse(payload).get("attachments").get(0).get("content");
    for (String s : textBlocks(card)) {
      assertTrue(s.length() <= TeamsPayloadRenderer.EVIDENCE_MAX, "text block of " + s.length());
      Markup.assertAllEscaped(s, MARKDOWN);
    }
    for (String s : facts(card).values()) {
      assertTrue(s.length() <= TeamsPayloadRenderer.FACT_MAX, "fact of " + s.length());
      Markup.assertAllEscaped(s, MARKDOWN);
      assertTrue(s.endsWith("…") || s.length() < 100, s);
    }
    assertEquals("300", facts(card).get("Sources"));
  }

  @Test
  void emojiAreNeverCutInHalf() {
    String rockets = "\uD83D\uDE80".repeat(3000);
    JsonNode card = Json.parse(renderer.render(TestAlerts.alibaba(rockets, rockets))).get("attachments").get(0)
        .get("content");
    for (String s : textBlocks(card)) {
      Markup.assertWholeCodePoints(s);
    }
  }

  static List<String> textBlocks(JsonNode card) {
    List<String> out = new ArrayList<>();
    for (JsonNode element : card.get("body")) {
      if (element.get("type").textValue().equals("TextBlock")) {
        out.add(element.get("text").textValue());
      }
    }
    return out;
  }

  static Map<String, String> facts(JsonNode card) {
    Map<String, String> out = new HashMap<>();
    for (JsonNode element : card.get("body")) {
      if (element.get("type").textValue().equals("FactSet")) {
        element.get("facts").forEach(f -> out.put(f.get("title").textValue(), f.get("value").textValue()));
      }
    }
    return out;
  }
}
