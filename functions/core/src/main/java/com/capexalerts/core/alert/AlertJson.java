package com.capexalerts.core.alert;

import com.capexalerts.core.money.MoneyAmount;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the machine-readable alert ({@link AlertMessages#json}, schema {@value AlertMessages#SCHEMA}) back into an
 * {@link Announcement}: what the webhook dispatcher gets from its queue. Strict about what it needs, lenient about
 * what it does not know: unknown fields are ignored (the schema may grow within a version), another schema version is
 * refused.
 *
 * <p>The document lists at most 25 sources, so an event with more comes back with the first 25.
 */
public final class AlertJson {
  // Amounts as BigDecimal from the digits written, never through a double.
  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private AlertJson() {}

  /** The announcement in {@code document}; the exception says what is wrong and where. */
  public static Announcement parse(String document) throws MalformedAlertException {
    if (document == null || document.isBlank()) {
      throw new MalformedAlertException("empty message: expected a " + AlertMessages.SCHEMA + " JSON document");
    }
    JsonNode root;
    try {
      root = JSON.readTree(document);
    } catch (JsonProcessingException e) {
      throw new MalformedAlertException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedAlertException("expected a JSON object with \"schema\": \"" + AlertMessages.SCHEMA
          + "\", got " + (root == null ? "nothing" : root.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    JsonNode schema = root.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw new MalformedAlertException("no \"schema\" string: expected \"" + AlertMessages.SCHEMA + "\"");
    }
    if (!schema.asText().equals(AlertMessages.SCHEMA)) {
      throw new MalformedAlertException("unsupported schema \"" + schema.asText() + "\": this version reads \""
          + AlertMessages.SCHEMA + "\" only");
    }
    Fields f = new Fields(root, "alert");
    String keyText = f.text("event_key");
    if (keyText.isBlank()) {
      throw f.error("event_key", "is blank");
    }
    EventKey key = new EventKey(keyText);
    f = new Fields(root, "alert " + key);
    AnnouncementKind kind = switch (f.text("kind")) {
      case "announcement" -> AnnouncementKind.ANNOUNCEMENT;
      case "update" -> AnnouncementKind.UPDATE;
      default -> throw f.error("kind", "must be \"announcement\" or \"update\"");
    };
    Instant published = f.instant("published");
    String updates = f.optionalText("updates");
    return new Announcement(
        key,
        f.text("company"),
        kind,
        new MoneyAmount(f.number("amount"), f.text("currency"), f.text("amount_text")),
        f.number("amount_usd"),
        f.optionalText("period"),
        f.text("evidence"),
        f.text("title"),
        f.optionalText("link"),
        published,
        // Documents written before detected_at was added carry none; the publication time is the closest fact.
        root.hasNonNull("detected_at") ? f.instant("detected_at") : published,
        sources(root, f),
        updates == null || updates.isBlank() ? null : new EventKey(updates));
  }

  private static List<Source> sources(JsonNode root, Fields f) throws MalformedAlertException {
    JsonNode list = root.get("sources");
    if (list == null || list.isNull()) {
      return List.of();
    }
    if (!list.isArray()) {
      throw f.error("sources", "must be an array");
    }
    List<Source> sources = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonNode s = list.get(i);
      if (!s.isObject()) {
        throw f.error("sources[" + i + "]", "must be an object");
      }
      Fields sf = new Fields(s, f.where + " sources[" + i + "]");
      sources.add(new Source(sf.optionalText("link"), sf.optionalText("outlet"), sf.optionalText("title"),
          s.hasNonNull("published") ? sf.instant("published") : null));
    }
    return sources;
  }

  /** Typed access to one object's fields, with errors that name the alert and the field. */
  private record Fields(JsonNode node, String where) {
    String text(String name) throws MalformedAlertException {
      String value = optionalText(name);
      if (value == null) {
        throw error(name, "is missing");
      }
      return value;
    }

    String optionalText(String name) throws MalformedAlertException {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        return null;
      }
      if (!v.isTextual()) {
        throw error(name, "must be a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
      }
      return v.asText();
    }

    BigDecimal number(String name) throws MalformedAlertException {
      JsonNode v = node.get(name);
      if (v == null || v.isNull()) {
        throw error(name, "is missing");
      }
      if (!v.isNumber()) {
        throw error(name, "must be a JSON number, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
      }
      return v.decimalValue();
    }

    Instant instant(String name) throws MalformedAlertException {
      String text = text(name);
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw error(name, "is not an ISO-8601 UTC time: \"" + text + "\"");
      }
    }

    MalformedAlertException error(String field, String problem) {
      return new MalformedAlertException(where + ": field \"" + field + "\" " + problem);
    }
  }
}
