package com.capexalerts.core.eval;

import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.FindingKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The two JSON Lines formats of evaluation: the labelled corpus and the detector's predictions
 * ({@code {"id": ..., "findings": [{"company","kind","amount","currency","amount_usd","period","evidence"}]}}).
 * Reading never stops at a bad line: the line is reported (file, line number, id, why) and skipped.
 */
public final class EvalJson {
  // BigDecimal keeps "53000000000" exact; strict duplicate detection catches hand-editing slips in the corpus.
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private EvalJson() {}

  public static Parsed<List<LabelledItem>> readCorpus(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return readCorpus(reader, file.toString());
    }
  }

  /** Reads corpus items; items with a missing or malformed field are reported and skipped, as are repeated ids. */
  public static Parsed<List<LabelledItem>> readCorpus(BufferedReader reader, String sourceName) throws IOException {
    List<LabelledItem> items = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    forEachLine(reader, sourceName, errors, (where, node) -> {
      LabelledItem item = corpusItem(node, where);
      if (!seen.add(item.id())) {
        throw new BadLine(where + ": duplicate id " + item.id());
      }
      items.add(item);
    });
    return new Parsed<>(List.copyOf(items), errors);
  }

  public static Parsed<Map<String, List<PredictedFinding>>> readPredictions(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return readPredictions(reader, file.toString());
    }
  }

  /**
   * Reads predicted findings per item id, in file order. A bad finding is reported and skipped (its siblings are
   * kept); a line without an id, or repeating an id, is reported and skipped whole.
   */
  public static Parsed<Map<String, List<PredictedFinding>>> readPredictions(BufferedReader reader, String sourceName)
      throws IOException {
    Map<String, List<PredictedFinding>> byId = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    forEachLine(reader, sourceName, errors, (where, node) -> {
      String id = requiredText(node, "id", where);
      String at = where + " (id " + id + ")";
      if (byId.containsKey(id)) {
        throw new BadLine(at + ": duplicate id");
      }
      JsonNode findings = node.get("findings");
      if (findings == null || !findings.isArray()) {
        throw new BadLine(at + ": \"findings\" missing or not an array");
      }
      List<PredictedFinding> parsed = new ArrayList<>();
      for (int i = 0; i < findings.size(); i++) {
        try {
          parsed.add(predictedFinding(findings.get(i), at + " findings[" + i + "]"));
        } catch (BadLine bad) {
          errors.add(bad.getMessage() + ", finding skipped");
        }
      }
      byId.put(id, List.copyOf(parsed));
    });
    return new Parsed<>(byId, errors);
  }

  /** One line of the predictions format, as the CLI writes it. */
  public static String predictionLine(String id, List<Finding> findings) {
    ObjectNode line = MAPPER.createObjectNode();
    line.put("id", id);
    ArrayNode array = line.putArray("findings");
    for (Finding f : findings) {
      ObjectNode out = array.addObject();
      out.put("company", f.company());
      out.put("kind", f.kind().wireName());
      out.put("amount", f.amount().value());
      out.put("currency", f.amount().currency());
      out.put("amount_usd", f.amountUsd());
      out.put("period", f.period());
      out.put("evidence", f.evidence());
    }
    try {
      return MAPPER.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write prediction line for " + id, e);
    }
  }

  private static LabelledItem corpusItem(JsonNode node, String where) {
    String id = requiredText(node, "id", where);
    String at = where + " (id " + id + ")";
    String title = requiredText(node, "title", at);
    // Title-only feed items (Google News, some press feeds) are real, so the summary may be empty - but not absent.
    String summary = optionalText(node, "summary", at);
    if (summary == null) {
      throw new BadLine(at + ": \"summary\" missing (use \"\" for a title-only item)");
    }
    String link = optionalText(node, "link", at);
    String source = optionalText(node, "source", at);
    String publishedText = optionalText(node, "published", at);
    Instant published = null;
    if (publishedText != null) {
      try {
        published = Instant.parse(publishedText);
      } catch (DateTimeParseException e) {
        throw new BadLine(at + ": \"published\" is not an ISO-8601 instant: " + publishedText);
      }
    }
    JsonNode label = node.get("label");
    if (label == null || !label.isObject()) {
      throw new BadLine(at + ": \"label\" missing or not an object");
    }
    return new LabelledItem(
        id,
        title,
        summary,
        link,
        published,
        source,
        new CorpusLabel(
            amounts(label, "announcements", at),
            amounts(label, "mentions", at),
            optionalText(label, "note", at + " label")));
  }

  private static List<LabelledAmount> amounts(JsonNode label, String field, String at) {
    JsonNode array = label.get(field);
    if (array == null || !array.isArray()) {
      throw new BadLine(at + ": \"label." + field + "\" missing or not an array");
    }
    List<LabelledAmount> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String where = at + " label." + field + "[" + i + "]";
      JsonNode entry = array.get(i);
      if (!entry.isObject()) {
        throw new BadLine(where + ": not an object");
      }
      List<BigDecimal> alternatives = new ArrayList<>();
      JsonNode alt = entry.get("alt_amounts_usd");
      if (alt != null && !alt.isNull()) {
        if (!alt.isArray()) {
          throw new BadLine(where + ": \"alt_amounts_usd\" must be an array of numbers");
        }
        for (int a = 0; a < alt.size(); a++) {
          BigDecimal value = number(alt.get(a), "alt_amounts_usd[" + a + "]", where);
          if (value.signum() <= 0) {
            throw new BadLine(where + ": \"alt_amounts_usd[" + a + "]\" must be positive");
          }
          alternatives.add(value);
        }
      }
      JsonNode event = entry.get("event");
      if (event != null && !event.isNull() && (!event.isTextual() || event.asText().isBlank())) {
        throw new BadLine(where + ": \"event\" must be a non-empty string (the commitment's id)");
      }
      out.add(new LabelledAmount(
          requiredText(entry, "company", where), positiveNumber(entry, "amount_usd", where), alternatives,
          event == null || event.isNull() ? null : event.asText()));
    }
    return out;
  }

  private static PredictedFinding predictedFinding(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new BadLine(where + ": not an object");
    }
    String kindText = requiredText(node, "kind", where);
    FindingKind kind =
        switch (kindText.toLowerCase(Locale.ROOT)) {
          case "announcement" -> FindingKind.ANNOUNCEMENT;
          case "mention" -> FindingKind.MENTION;
          default -> throw new BadLine(where + ": \"kind\" must be announcement or mention, not " + kindText);
        };
    JsonNode amount = node.get("amount");
    BigDecimal amountValue = amount == null || amount.isNull() ? null : number(amount, "amount", where);
    return new PredictedFinding(
        requiredText(node, "company", where),
        kind,
        amountValue,
        optionalText(node, "currency", where),
        positiveNumber(node, "amount_usd", where),
        optionalText(node, "period", where),
        optionalText(node, "evidence", where));
  }

  private static String requiredText(JsonNode node, String field, String where) {
    String text = optionalText(node, field, where);
    if (text == null || text.isBlank()) {
      throw new BadLine(where + ": \"" + field + "\" missing or blank");
    }
    return text;
  }

  private static String optionalText(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new BadLine(where + ": \"" + field + "\" must be a string");
    }
    return value.asText();
  }

  private static BigDecimal number(JsonNode value, String field, String where) {
    if (!value.isNumber()) {
      throw new BadLine(where + ": \"" + field + "\" must be a number, not " + value);
    }
    return value.decimalValue();
  }

  private static BigDecimal positiveNumber(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new BadLine(where + ": \"" + field + "\" missing");
    }
    BigDecimal number = number(value, field, where);
    if (number.signum() <= 0) {
      throw new BadLine(where + ": \"" + field + "\" must be positive, not " + number.toPlainString());
    }
    return number;
  }

  private interface LineHandler {
    void accept(String where, JsonNode node);
  }

  private static void forEachLine(BufferedReader reader, String sourceName, List<String> errors, LineHandler handler)
      throws IOException {
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      String where = sourceName + " line " + number;
      try {
        JsonNode node = MAPPER.readTree(line);
        if (node == null || !node.isObject()) {
          throw new BadLine(where + ": not a JSON object");
        }
        handler.accept(where, node);
      } catch (JsonProcessingException e) {
        errors.add(where + ": not valid JSON (" + e.getOriginalMessage() + "), line skipped");
      } catch (BadLine bad) {
        errors.add(bad.getMessage() + ", line skipped");
      }
    }
  }

  /** A line or finding that cannot be used; its message says where and why. */
  private static final class BadLine extends RuntimeException {
    BadLine(String message) {
      super(message, null, false, false);
    }
  }
}
