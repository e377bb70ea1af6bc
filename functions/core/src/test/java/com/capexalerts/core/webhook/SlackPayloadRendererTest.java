package com.capexalerts.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SlackPayloadRendererTest {
  private static final String OUR_LINK = "<https://news.example.com/alibaba-ai?id=1|";
  private final SlackPayloadRenderer renderer = new SlackPayloadRenderer();

  @Test
  void showsCompanyAmountsEvidenceQuoteAndLink() {
    JsonNode n = Json.parse(renderer.render(TestAlerts.alibaba()));
    JsonNode blocks = n.get("blocks");
    assertEquals("header", blocks.get(0).get("type").textValue());
    assertEquals("New AI investment: Alibaba", blocks.get(0).get("text").get("text").textValue());
    String facts = blocks.get(1).get("text").get("text").textValue();
    assertEquals("mrkdwn", blocks.get(1).get("text").get("type").textValue());
    assertTrue(facts.contains("*Alibaba*") && facts.contains("over 380 billion yuan (≈ $53 billion)")
        && facts.contains("over the next three years"), facts);
    assertEquals("> " + TestAlerts.EVIDENCE, blocks.get(2).get("text").get("text").textValue());
    assertEquals(OUR_LINK + "Alibaba to invest $53 billion in AI infrastructure> (and 1 more source)",
        blocks.get(3).get("text").get("text").textValue());
    assertTrue(n.get("text").textValue().startsWith("New AI investment: Alibaba: over 380 billion yuan"));
  }

  @Test
  void hostileMarkupIsEscapedEverywhere() {
    String title = "<!channel> Alibaba <http://evil.example|click here> & <@U123> <#C1>";
    String evidence = "Breaking\n> fake quote <!here> &amp; more\n\n*bold*";
    JsonNode n = Json.parse(renderer.render(TestAlerts.alibaba(title, evidence)));
    List<String> texts = Json.strings(n);
    for (String s : texts) {
      assertFalse(s.contains("<!channel>") || s.contains("<!here>") || s.contains("<@U123>") || s.contains("<#C1>")
          || s.contains("<http://evil"), s);
      int links = count(s, OUR_LINK);
      assertEquals(links, count(s, "<"), "only our own link may open a '<': " + s);
      assertEquals(links + (s.startsWith("> ") ? 1 : 0), count(s, ">"), "no '>' but ours: " + s);
    }
    String all = String.join("\n", texts);
    assertTrue(all.contains("&lt;!channel&gt; Alibaba &lt;http://evil.example|click here&gt; &amp; &lt;@U123&gt;"),
        all);
    // The evidence stays one quoted line: its newline and its own "> " cannot start a new block.
    String quote = n.get("blocks").get(2).get("text").get("text").textValue();
    assertEquals("> Breaking &gt; fake quote &lt;!here&gt; &amp;amp; more *bold*", quote);
  }

  @Test
  void nonHttpLinksAreNotLinked() {
    var a = TestAlerts.alibaba();
    var js = new com.capexalerts.core.alert.Announcement(a.key(), a.company(), a.kind(), a.amount(), a.amountUsd(),
        a.period(), a.evidence(), a.title(), "javascript:alert(1)", a.published(), a.detectedAt(), List.of(), null);
    String body = renderer.render(js).body();
    assertFalse(body.contains("javascript"), body);
  }

  private static final Pattern ENTITY_OR_AMP = Pattern.compile("&(?!amp;|lt;|gt;)");

  @Test
  void veryLongTextsStayWithinSlackLimitsAndKeepEscapesWhole() {
    String huge = "A&B <x> ".repeat(2000) + "end";
    JsonNode n = Json.parse(renderer.render(TestAlerts.everywhere(huge, 300)));
    JsonNode blocks = n.get("blocks");
    assertTrue(blocks.size() <= 50);
    assertTrue(blocks.get(0).get("text").get("text").textValue().length() <= SlackPayloadRenderer.HEADER_MAX);
    for (JsonNode block : blocks) {
      if (block.get("type").textValue().equals("section")) {
        String text = block.get("text").get("text").textValue();
        assertTrue(text.length() <= SlackPayloadRenderer.SECTION_MAX, "section of " + text.length());
      }
    }
    assertTrue(n.get("text").textValue().length() <= SlackPayloadRenderer.FALLBACK_MAX);
    for (String s : Json.strings(n)) {
      assertFalse(ENTITY_OR_AMP.matcher(s).find(), "a cut entity or bare '&' in: " + s);
    }
    assertTrue(blocks.get(2).get("text").get("text").textValue().endsWith("…"));
    assertTrue(blocks.get(3).get("text").get("text").textValue().endsWith("(and 299 more sources)"));
  }

  static int count(String s, String what) {
    int n = 0;
    for (int k = s.indexOf(what); k >= 0; k = s.indexOf(what, k + what.length())) {
      n++;
    }
    return n;
  }
}
