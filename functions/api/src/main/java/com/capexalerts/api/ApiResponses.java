package com.capexalerts.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The responses the API sends: JSON documents, errors, other media types, no content. */
final class ApiResponses {
  static final String JSON_TYPE = "application/json; charset=utf-8";
  /** Amounts as plain numbers (380000000000, never 3.8E+11). */
  static final JsonMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private ApiResponses() {}

  static APIGatewayV2HTTPResponse json(int status, JsonNode body) {
    try {
      return respond(status, JSON_TYPE, JSON.writeValueAsString(body), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON response", e);
    }
  }

  static APIGatewayV2HTTPResponse json(int status, JsonNode body, Map<String, String> headers) {
    try {
      return respond(status, JSON_TYPE, JSON.writeValueAsString(body), headers);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON response", e);
    }
  }

  /** {@code {"error":{"field":field-or-null,"reason":reason}}}. */
  static APIGatewayV2HTTPResponse error(int status, String field, String reason, Map<String, String> headers) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error");
    error.put("field", field);
    error.put("reason", reason);
    return json(status, root, headers);
  }

  static APIGatewayV2HTTPResponse error(ApiException e) {
    return error(e.status(), e.field(), e.reason(), Map.of());
  }

  static APIGatewayV2HTTPResponse text(int status, String contentType, String body, Map<String, String> headers) {
    return respond(status, contentType, body, headers);
  }

  static APIGatewayV2HTTPResponse noContent() {
    APIGatewayV2HTTPResponse r = new APIGatewayV2HTTPResponse();
    r.setStatusCode(204);
    r.setHeaders(baseHeaders());
    return r;
  }

  private static APIGatewayV2HTTPResponse respond(int status, String contentType, String body,
      Map<String, String> headers) {
    APIGatewayV2HTTPResponse r = new APIGatewayV2HTTPResponse();
    r.setStatusCode(status);
    Map<String, String> h = baseHeaders();
    h.put("content-type", contentType);
    h.putAll(headers);
    r.setHeaders(h);
    r.setBody(body);
    r.setIsBase64Encoded(false);
    return r;
  }

  private static Map<String, String> baseHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    // Responses are data, never to be sniffed into HTML by a browser.
    h.put("x-content-type-options", "nosniff");
    h.put("cache-control", "no-store");
    return h;
  }
}
