package com.capexalerts.core.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a history page ended: the last event's partition (its company, or the constant of the all-events index), its
 * publication second and its key. Callers see it only as an opaque base64url token; the histories turn it back into
 * their own start position (DynamoDB: the ExclusiveStartKey of the index query).
 *
 * @param partition        the index partition the page was read from
 * @param publishedSeconds the last event's publication time in epoch seconds
 * @param eventKey         the last event's key
 */
public record HistoryCursor(String partition, long publishedSeconds, String eventKey) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  public HistoryCursor {
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(eventKey, "eventKey");
  }

  /** The last event of a page read from {@code partition}. */
  public static HistoryCursor after(String partition, Announcement last) {
    return new HistoryCursor(partition, last.published().getEpochSecond(), last.key().value());
  }

  /** The opaque token: base64url (no padding) of a small JSON object. */
  public String encode() {
    ObjectNode n = JSON.createObjectNode();
    n.put("v", VERSION);
    n.put("p", partition);
    n.put("t", publishedSeconds);
    n.put("k", eventKey);
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(n));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a history cursor", e);
    }
  }

  /**
   * Reads a token of {@link #encode()} for a query of {@code expectedPartition}.
   *
   * @throws InvalidCursorException when the token is malformed or was issued for another partition
   */
  public static HistoryCursor decode(String token, String expectedPartition) {
    JsonNode n;
    try {
      n = JSON.readTree(new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw new InvalidCursorException("cursor is not one this API issued (not base64url JSON)");
    }
    if (n == null || !n.isObject() || n.path("v").asInt() != VERSION || !n.path("p").isTextual()
        || !n.path("t").canConvertToLong() || !n.path("k").isTextual() || n.path("k").asText().isBlank()) {
      throw new InvalidCursorException("cursor is not one this API issued (unknown layout)");
    }
    HistoryCursor cursor = new HistoryCursor(n.get("p").asText(), n.get("t").asLong(), n.get("k").asText());
    if (!cursor.partition().equals(expectedPartition)) {
      throw new InvalidCursorException("cursor belongs to another query (a different company filter);"
          + " start again without a cursor");
    }
    return cursor;
  }
}
