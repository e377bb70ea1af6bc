package com.capexalerts.api;

import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.webhook.WebhookFilter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Reads and checks JSON request bodies; every problem is a 400 naming the field and why. */
final class RequestFields {
  /** A filter's companies: SNS allows 150 value combinations per policy, and 50 companies x 2 kinds is 100. */
  static final int MAX_COMPANIES = 50;
  static final int MAX_COMPANY_LENGTH = 100;
  /** min_usd above this is a typo (a quadrillion dollars), and SNS could not compare much more. */
  static final BigDecimal MAX_MIN_USD = new BigDecimal("1e15");

  private static final JsonMapper STRICT = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private RequestFields() {}

  /** The body as a JSON object with only {@code allowed} fields. An empty body is an empty object. */
  static ObjectNode object(ApiRequest request, Set<String> allowed) {
    String type = request.header("content-type");
    if (request.body().length > 0 && type != null
        && !type.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
      throw new ApiException(415, "content-type", "send the body as application/json, not " + type);
    }
    JsonNode node;
    try {
      node = request.body().length == 0 ? STRICT.createObjectNode() : STRICT.readTree(request.body());
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(null, "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest(null, "the body cannot be read: " + e.getMessage());
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest(null, "the body must be a JSON object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw ApiException.badRequest(name, allowed.isEmpty() ? "unknown field; this route takes no fields"
            : "unknown field; expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
    return (ObjectNode) node;
  }

  /** A required non-blank string of at most {@code max} characters. */
  static String requiredText(ObjectNode body, String field, int max) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      throw ApiException.badRequest(field, "is required");
    }
    return text(v, field, max);
  }

  /** An optional string, or {@code fallback} when absent or null. */
  static String optionalText(ObjectNode body, String field, int max, String fallback) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? fallback : text(v, field, max);
  }

  private static String text(JsonNode v, String field, int max) {
    if (!v.isTextual()) {
      throw ApiException.badRequest(field, "must be a string");
    }
    String s = v.asText().strip();
    if (s.isEmpty()) {
      throw ApiException.badRequest(field, "must not be empty");
    }
    if (s.length() > max) {
      throw ApiException.badRequest(field, "must be at most " + max + " characters");
    }
    if (s.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest(field, "must not contain control characters");
    }
    return s;
  }

  /** min_usd, companies and kinds of a webhook or subscription; absent fields mean "all". */
  static WebhookFilter filter(ObjectNode body) {
    return new WebhookFilter(minUsd(body.get("min_usd")), companies(body.get("companies")), kinds(body.get("kinds")));
  }

  private static BigDecimal minUsd(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw ApiException.badRequest("min_usd", "must be a number of US dollars, e.g. 5000000000");
    }
    return checkMinUsd(v.decimalValue(), "min_usd");
  }

  /** A min_usd from a body or a query parameter. */
  static BigDecimal checkMinUsd(BigDecimal value, String field) {
    if (value.signum() < 0) {
      throw ApiException.badRequest(field, "must not be negative");
    }
    if (value.compareTo(MAX_MIN_USD) > 0) {
      throw ApiException.badRequest(field, "must be at most " + MAX_MIN_USD.toPlainString());
    }
    return value;
  }

  private static Set<String> companies(JsonNode v) {
    if (v == null || v.isNull()) {
      return Set.of();
    }
    if (!v.isArray()) {
      throw ApiException.badRequest("companies", "must be an array of company names");
    }
    if (v.size() > MAX_COMPANIES) {
      throw ApiException.badRequest("companies", "at most " + MAX_COMPANIES + " companies");
    }
    Set<String> out = new LinkedHashSet<>();
    for (int k = 0; k < v.size(); k++) {
      out.add(text(v.get(k), "companies[" + k + "]", MAX_COMPANY_LENGTH));
    }
    return out;
  }

  private static Set<AnnouncementKind> kinds(JsonNode v) {
    if (v == null || v.isNull()) {
      return Set.of();
    }
    if (!v.isArray()) {
      throw ApiException.badRequest("kinds", "must be an array of \"announcement\" and/or \"update\"");
    }
    Set<AnnouncementKind> out = new LinkedHashSet<>();
    for (int k = 0; k < v.size(); k++) {
      JsonNode kind = v.get(k);
      String field = "kinds[" + k + "]";
      if (!kind.isTextual()) {
        throw ApiException.badRequest(field, "must be \"announcement\" or \"update\"");
      }
      try {
        out.add(AnnouncementKind.fromWire(kind.asText().strip()));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(field, "unknown kind '" + kind.asText() + "': expected announcement or update");
      }
    }
    return out;
  }

  /** The filter as the API shows it: {"min_usd","companies","kinds"}. */
  static ObjectNode filterJson(WebhookFilter filter) {
    ObjectNode n = ApiResponses.JSON.createObjectNode();
    n.put("min_usd", filter.minUsd());
    filter.companies().stream().sorted().forEach(n.putArray("companies")::add);
    filter.kinds().stream().map(AnnouncementKind::wireName).sorted().forEach(n.putArray("kinds")::add);
    return n;
  }
}
