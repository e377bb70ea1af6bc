package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.Announcement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * A Slack incoming-webhook message with Block Kit blocks: a header, a section with company and amounts, the evidence
 * as a quote, and the link.
 *
 * <p>Slack reads {@code <...>} in mrkdwn as links and mentions ({@code <!channel>}, {@code <http://x|click>}), so
 * every feed text has {@code &}, {@code <} and {@code >} escaped; links come only from checked http(s) URLs, which
 * cannot contain {@code <}, {@code >} or {@code |}.
 */
public final class SlackPayloadRenderer implements PayloadRenderer {
  /** Slack's limits: header text 150, section text 3000, fallback text kept short for notifications. */
  static final int HEADER_MAX = 150;

  static final int SECTION_MAX = 3000;
  static final int FALLBACK_MAX = 500;
  static final int TITLE_MAX = 300;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Override
  public WebhookPayload render(Announcement announcement) {
    AlertView v = AlertView.of(announcement);
    ObjectNode root = MAPPER.createObjectNode();
    // Notification / fallback text: mrkdwn, so escaped like the rest.
    root.put("text", ChatText.fit(v.label() + ": " + v.headline(), FALLBACK_MAX, SlackPayloadRenderer::escape));
    ArrayNode blocks = root.putArray("blocks");

    ObjectNode header = blocks.addObject().put("type", "header");
    header.putObject("text").put("type", "plain_text").put("emoji", false)
        .put("text", ChatText.fit(v.label() + ": " + v.company(), HEADER_MAX, SlackPayloadRenderer::escape));

    StringBuilder facts = new StringBuilder();
    facts.append('*').append(ChatText.fit(v.company(), 200, SlackPayloadRenderer::escape)).append("* · ")
        .append(ChatText.fit(v.amountText(), 300, SlackPayloadRenderer::escape));
    if (v.foreign()) {
      facts.append(" (≈ ").append(v.usdText()).append(')');
    }
    if (!v.period().isEmpty()) {
      facts.append(" · ").append(ChatText.fit(v.period(), 200, SlackPayloadRenderer::escape));
    }
    if (!v.updates().isEmpty()) {
      facts.append("\nRaises earlier event `").append(ChatText.fit(v.updates(), 200, SlackPayloadRenderer::escape))
          .append('`');
    }
    section(blocks, facts.toString());

    // The quote marker must start a line; clean() already made the evidence a single line.
    section(blocks, "> " + ChatText.fit(v.evidence(), SECTION_MAX - 2, SlackPayloadRenderer::escape));

    String title = ChatText.fit(v.title(), TITLE_MAX, SlackPayloadRenderer::escape);
    // A link too long for the section is left out rather than cut (a cut URL leads somewhere else).
    boolean linked = v.link() != null && v.link().length() <= SECTION_MAX - TITLE_MAX - 50;
    StringBuilder source = new StringBuilder(linked ? "<" + v.link() + "|" + title + ">" : title);
    int more = Math.max(0, v.sources().size() - 1);
    if (more > 0) {
      source.append(" (and ").append(more).append(more == 1 ? " more source)" : " more sources)");
    }
    section(blocks, source.toString());

    ObjectNode context = blocks.addObject().put("type", "context");
    context.putArray("elements").addObject().put("type", "mrkdwn").put("text", "Published " + v.published());
    try {
      return new WebhookPayload(WebhookPayload.JSON_UTF8, MAPPER.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write Slack message for " + announcement.key(), e);
    }
  }

  private static void section(ArrayNode blocks, String mrkdwn) {
    blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
  }

  /** Slack's three control characters in mrkdwn. */
  static String escape(String text, int index, int codePoint) {
    return switch (codePoint) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      default -> Character.toString(codePoint);
    };
  }
}
