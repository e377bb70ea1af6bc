package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.Announcement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * A message for a Microsoft Teams Workflows webhook ("Post to a channel when a webhook request is received"): one
 * Adaptive Card (schema 1.4) with TextBlocks, a FactSet and an Action.OpenUrl.
 *
 * <p>TextBlock and Fact values render a markdown subset (bold, italic, lists, {@code [text](url)} links), so every
 * feed text has markdown-significant characters backslash-escaped (parentheses matter only after a ']', which is
 * escaped), list and heading markers at its start escaped, and every opening brace followed by a zero-width space so
 * no double brace can form a DATE()/TIME() function. Links appear only as the OpenUrl action's url, which is not
 * markdown.
 */
public final class TeamsPayloadRenderer implements PayloadRenderer {
  static final String CARD_VERSION = "1.4";
  static final String CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  /** Teams caps a whole message at about 28 KB; these keep a card far below it. */
  static final int TITLE_MAX = 300;

  static final int EVIDENCE_MAX = 2000;
  static final int FACT_MAX = 300;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Override
  public WebhookPayload render(Announcement announcement) {
    AlertView v = AlertView.of(announcement);
    ObjectNode root = MAPPER.createObjectNode().put("type", "message");
    ObjectNode attachment = root.putArray("attachments").addObject()
        .put("contentType", CARD_CONTENT_TYPE)
        .putNull("contentUrl");
    ObjectNode card = attachment.putObject("content")
        .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
        .put("type", "AdaptiveCard")
        .put("version", CARD_VERSION);
    ArrayNode body = card.putArray("body");
    body.addObject().put("type", "TextBlock").put("size", "Medium").put("weight", "Bolder").put("wrap", true)
        .put("text", fit(v.label() + ": " + v.company(), TITLE_MAX));

    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    fact(facts, "Company", fit(v.company(), FACT_MAX));
    fact(facts, "Amount", fit(v.amountText(), FACT_MAX));
    fact(facts, "USD", fit(v.usdText(), FACT_MAX));
    if (!v.period().isEmpty()) {
      fact(facts, "Period", fit(v.period(), FACT_MAX));
    }
    fact(facts, "Published", v.published().toString());
    if (!v.updates().isEmpty()) {
      fact(facts, "Raises", fit(v.updates(), FACT_MAX));
    }
    if (v.sources().size() > 1) {
      fact(facts, "Sources", Integer.toString(v.sources().size()));
    }

    body.addObject().put("type", "TextBlock").put("wrap", true).put("isSubtle", true)
        .put("text", fit(v.evidence(), EVIDENCE_MAX));
    body.addObject().put("type", "TextBlock").put("wrap", true).put("text", fit(v.title(), TITLE_MAX));
    if (v.link() != null) {
      card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Read the article")
          .put("url", v.link());
    }
    try {
      return new WebhookPayload(WebhookPayload.JSON_UTF8, MAPPER.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write Teams card for " + announcement.key(), e);
    }
  }

  private static void fact(ArrayNode facts, String title, String value) {
    facts.addObject().put("title", title).put("value", value);
  }

  private static String fit(String cleaned, int max) {
    return ChatText.fit(cleaned, max, TeamsPayloadRenderer::escape);
  }

  /** Backslash-escapes the markdown subset; breaks "{{"; escapes block markers at the start of the text. */
  static String escape(String text, int index, int codePoint) {
    return switch (codePoint) {
      case '\\', '*', '_', '[', ']', '`', '~', '<', '>' -> "\\" + (char) codePoint;
      case '{' -> "{\u200B";
      case '#', '-', '+' -> index == 0 ? "\\" + (char) codePoint : Character.toString(codePoint);
      // "2025. A year" or "3) three" would start a numbered list.
      case '.', ')' ->
          ChatText.onlyDigitsBefore(text, index) ? "\\" + (char) codePoint : Character.toString(codePoint);
      default -> Character.toString(codePoint);
    };
  }
}
