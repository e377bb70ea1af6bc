package com.capexalerts.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordPayloadRendererTest {
  private static final String MARKDOWN = "*_~`|[]<>";
  private final DiscordPayloadRenderer renderer = new DiscordPayloadRenderer();

  @Test
  void oneEmbedWithFactsSourcesAndNoMentionsAllowed() {
    JsonNode n = Json.parse(renderer.render(TestAlerts.alibaba()));
    assertTrue(n.get("allowed_mentions").get("parse").isArray());
    assertEquals(0, n.get("allowed_mentions").get("parse").size());
    JsonNode embed = n.get("embeds").get(0);
    assertEquals("New AI investment: Alibaba · over 380 billion yuan", embed.get("title").textValue());
    assertEquals("https://news.example.com/alibaba-ai?id=1", embed.get("url").textValue());
    assertEquals("> " + TestAlerts.EVIDENCE + "\n\nAlibaba to invest $53 billion in AI infrastructure",
        embed.get("description").textValue());
    assertEquals("2025-02-24T08:30:00Z", embed.get("timestamp").textValue());
    assertEquals("$53 billion", field(embed, "USD"));
    assertEquals("over the next three years", field(embed, "Period"));
    assertEquals("[Example News](https://news.example.com/alibaba-ai?id=1)\n"
        + "[Other Outlet](https://other.example.org/a/b)", field(embed, "Sources"));
  }

  @Test
  void mentionsAreNeutralisedAndMarkdownEscaped() {
    String hostile = "@everyone @here <@123> <@&456> <#789> **bold** [x](http://evil.example) ||spoiler|| `code`";
    JsonNode n = Json.parse(renderer.render(TestAlerts.everywhere(hostile, 2)));
    JsonNode embed = n.get("embeds").get(0);
    List<String> shown = new ArrayList<>();
    shown.add(embed.get("title").textValue());
    shown.add(embed.get("description").textValue().substring(2)); // after our own "> "
    embed.get("fields").forEach(f -> shown.add(f.get("value").textValue()));
    for (String s : shown) {
      assertFalse(s.contains("@everyone") || s.contains("@here"), s);
      for (int k = s.indexOf('@'); k >= 0; k = s.indexOf('@', k + 1)) {
        assertEquals('\u200B', s.charAt(k + 1), "'@' not neutralised in: " + s);
      }
    }
    // The sources field has our own masked links; escape-check the outlet names inside them.
    for (String s : shown.subList(0, shown.size() - 1)) {
      Markup.assertAllEscaped(s.replace("\n\n", " "), MARKDOWN);
    }
    assertTrue(shown.get(0).contains("\\*\\*bold\\*\\* \\[x\\](http://evil.example) \\|\\|spoiler\\|\\|"),
        shown.get(0));
    String sources = shown.get(shown.size() - 1);
    assertTrue(sources.startsWith("[@\u200Beveryone"), sources);
    assertEquals(2, SlackPayloadRendererTest.count(sources, "](https://outlet"), sources);
  }

  @Test
  void blockMarkersAtTheStartAreEscaped() {
    JsonNode embed = Json.parse(renderer.render(TestAlerts.alibaba("# Heading", "- not a list"))).get("embeds").get(0);
    assertEquals("> \\- not a list\n\n\\# Heading", embed.get("description").textValue());
  }

  @Test
  void veryLongTextsStayWithinEveryDiscordLimit() {
    String huge = "*x* @here ".repeat(3000) + "\uD83D\uDE80".repeat(2000);
    JsonNode embed = Json.parse(renderer.render(TestAlerts.everywhere(huge, 400))).get("embeds").get(0);
    int total = 0;
    String title = embed.get("title").textValue();
    assertTrue(title.length() <= DiscordPayloadRenderer.TITLE_MAX, "title " + title.length());
    total += title.length();
    String description = embed.get("description").textValue();
    assertTrue(description.length() <= DiscordPayloadRenderer.DESCRIPTION_MAX, "description " + description.length());
    total += description.length();
    JsonNode fields = embed.get("fields");
    assertTrue(fields.size() <= DiscordPayloadRenderer.FIELDS_MAX);
    for (JsonNode f : fields) {
      String name = f.get("name").textValue();
      String value = f.get("value").textValue();
      assertTrue(name.length() <= DiscordPayloadRenderer.FIELD_NAME_MAX, name);
      assertTrue(value.length() <= DiscordPayloadRenderer.FIELD_VALUE_MAX, name + " value " + value.length());
      Markup.assertWholeCodePoints(value);
      total += name.length() + value.length();
    }
    String footer = embed.get("footer").get("text").textValue();
    assertTrue(footer.length() <= DiscordPayloadRenderer.FOOTER_MAX);
    total += footer.length();
    assertTrue(total <= DiscordPayloadRenderer.TOTAL_MAX, "total " + total);
    assertTrue(field(embed, "Sources").endsWith("more"), field(embed, "Sources"));
    Markup.assertWholeCodePoints(title);
    Markup.assertWholeCodePoints(description);
  }

  static String field(JsonNode embed, String name) {
    for (JsonNode f : embed.get("fields")) {
      if (f.get("name").textValue().equals(name)) {
        return f.get("value").textValue();
      }
    }
    throw new AssertionError("no field " + name + " in " + embed);
  }
}
