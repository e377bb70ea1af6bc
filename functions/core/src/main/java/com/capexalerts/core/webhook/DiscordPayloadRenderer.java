package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.Announcement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Discord webhook message with one embed, kept within Discord's embed limits (title 256, description 4096, 25
 * fields, field name 256, field value 1024, footer 2048, all of them together 6000).
 *
 * <p>Feed texts have Discord markdown backslash-escaped, and every {@code @} is followed by a zero-width space so
 * {@code @everyone}, {@code @here} and {@code <@id>} stay text; {@code allowed_mentions.parse = []} tells Discord not
 * to ping anyone even if a mention slipped through.
 */
public final class DiscordPayloadRenderer implements PayloadRenderer {
  static final int TITLE_MAX = 256;
  static final int DESCRIPTION_MAX = 4096;
  static final int FIELDS_MAX = 25;
  static final int FIELD_NAME_MAX = 256;
  static final int FIELD_VALUE_MAX = 1024;
  static final int FOOTER_MAX = 2048;
  static final int TOTAL_MAX = 6000;

  /** Our own budgets inside Discord's: short facts, a readable evidence quote. */
  private static final int FACT_MAX = 256;

  private static final int ITEM_TITLE_MAX = 300;
  private static final int EVIDENCE_MAX = 3000;
  private static final int COLOR = 0x2E7D32;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private record Field(String name, String value, boolean inline) {}

  @Override
  public WebhookPayload render(Announcement announcement) {
    AlertView v = AlertView.of(announcement);
    String title = fit(v.label() + ": " + v.company() + " · " + v.amountText(), TITLE_MAX);

    List<Field> fields = new ArrayList<>();
    fields.add(new Field("Company", fit(v.company(), FACT_MAX), true));
    fields.add(new Field("Amount", fit(v.amountText(), FACT_MAX), true));
    fields.add(new Field("USD", fit(v.usdText(), FACT_MAX), true));
    if (!v.period().isEmpty()) {
      fields.add(new Field("Period", fit(v.period(), FACT_MAX), true));
    }
    if (!v.updates().isEmpty()) {
      fields.add(new Field("Raises", fit(v.updates(), FACT_MAX), false));
    }
    if (!v.sources().isEmpty()) {
      fields.add(new Field("Sources", sourcesValue(v.sources()), false));
    }
    String footer = ChatText.fit("capex-alerts · " + announcement.key().value(), 200, ChatText::plain);

    // The description gets what the total budget leaves; everything else is bounded above.
    int rest = title.length() + footer.length()
        + fields.stream().mapToInt(f -> f.name().length() + f.value().length()).sum();
    int descriptionBudget = Math.min(DESCRIPTION_MAX, TOTAL_MAX - rest);
    String itemTitle = fit(v.title(), ITEM_TITLE_MAX);
    int evidenceBudget = Math.min(EVIDENCE_MAX, descriptionBudget - itemTitle.length() - 4);
    String description = "> " + fit(v.evidence(), Math.max(1, evidenceBudget)) + "\n\n" + itemTitle;

    ObjectNode root = MAPPER.createObjectNode();
    root.putObject("allowed_mentions").putArray("parse");
    ObjectNode embed = root.putArray("embeds").addObject();
    embed.put("title", title);
    if (v.link() != null) {
      embed.put("url", v.link());
    }
    embed.put("description", description);
    embed.put("color", COLOR);
    embed.put("timestamp", v.published().toString());
    ArrayNode fieldNodes = embed.putArray("fields");
    for (Field f : fields.subList(0, Math.min(fields.size(), FIELDS_MAX))) {
      fieldNodes.addObject().put("name", f.name()).put("value", f.value()).put("inline", f.inline());
    }
    embed.putObject("footer").put("text", footer);
    try {
      return new WebhookPayload(WebhookPayload.JSON_UTF8, MAPPER.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write Discord message for " + announcement.key(), e);
    }
  }

  /** One line per source, "[outlet](link)" when it has a link, until the field is full; then "… and N more". */
  private static String sourcesValue(List<AlertView.SourceView> sources) {
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < sources.size(); k++) {
      AlertView.SourceView s = sources.get(k);
      String name = fit(s.outlet().isEmpty() ? s.title() : s.outlet(), 100);
      // Parentheses would end the masked link early; a very long link is left out rather than crowd out the others.
      String line = s.link() == null || s.link().length() > FIELD_VALUE_MAX / 4
          ? name
          : "[" + name + "](" + s.link().replace("(", "%28").replace(")", "%29") + ")";
      String more = "\n… and " + (sources.size() - k) + " more";
      boolean last = k == sources.size() - 1;
      int needed = (out.isEmpty() ? 0 : 1) + line.length() + (last ? 0 : more.length());
      if (out.length() + needed > FIELD_VALUE_MAX) {
        out.append(out.isEmpty() ? "" : "\n").append("… and ").append(sources.size() - k).append(" more");
        break;
      }
      out.append(out.isEmpty() ? "" : "\n").append(line);
    }
    return out.isEmpty() ? "-" : out.toString();
  }

  private static String fit(String cleaned, int max) {
    return ChatText.fit(cleaned, max, DiscordPayloadRenderer::escape);
  }

  /** Discord markdown and mentions. */
  static String escape(String text, int index, int codePoint) {
    return switch (codePoint) {
      case '\\', '*', '_', '~', '`', '|', '[', ']', '<', '>' -> "\\" + (char) codePoint;
      case '@' -> "@\u200B";
      case '#', '-', '+' -> index == 0 ? "\\" + (char) codePoint : Character.toString(codePoint);
      case '.', ')' ->
          ChatText.onlyDigitsBefore(text, index) ? "\\" + (char) codePoint : Character.toString(codePoint);
      default -> Character.toString(codePoint);
    };
  }
}
