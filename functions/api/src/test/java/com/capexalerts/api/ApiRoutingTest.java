package com.capexalerts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.capexalerts.core.alert.AnnouncementHistory;
import com.capexalerts.core.webhook.EndpointPolicy;
import com.capexalerts.core.webhook.InMemoryWebhookRegistry;
import com.capexalerts.testsupport.CapturedStdout;
import com.capexalerts.testsupport.LambdaTestContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Routing and input checks: every refusal names the field and why. */
class ApiRoutingTest {
  static AnnouncementHistory history;
  static ApiHandler handler;
  static final InMemoryWebhookRegistry REGISTRY = new InMemoryWebhookRegistry();
  static final LambdaTestContext CONTEXT = new LambdaTestContext("api-test", 30_000);
  @org.junit.jupiter.api.extension.RegisterExtension
  final CapturedStdout logged = CapturedStdout.eachTest();

  /** The deployed policy, with names resolved from a table instead of DNS. */
  static EndpointPolicy deployedPolicy() {
    return new EndpointPolicy(EndpointPolicy.Mode.DEPLOYED, host -> switch (host) {
      case "hooks.example.com" -> List.of(InetAddress.ofLiteral("93.184.215.14"));
      case "internal.example.com" -> List.of(InetAddress.ofLiteral("10.1.2.3"));
      default -> throw new java.net.UnknownHostException(host);
    });
  }

  @BeforeAll
  static void handler() {
    history = MotoHistory.with(Samples.events(3));
    handler = ApiHandler.builder(history)
        .webhooks(REGISTRY, deployedPolicy())
        .subscriptionsUnavailable("no SNS topic in this test")
        .build();
  }

  @AfterAll
  static void close() {
    handler.close();
  }

  static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent e) {
    return handler.handleRequest(e, CONTEXT);
  }

  static void assertError(APIGatewayV2HTTPResponse r, int status, String field, String reasonPart) throws Exception {
    assertEquals(status, r.getStatusCode(), r.getBody());
    JsonNode error = Requests.body(r).get("error");
    if (field == null) {
      assertTrue(error.get("field").isNull(), r.getBody());
    } else {
      assertEquals(field, error.get("field").asText(), r.getBody());
    }
    assertTrue(error.get("reason").asText().contains(reasonPart), r.getBody());
  }

  @Test
  void unknownRoutesAre404() throws Exception {
    for (String path : List.of("/", "/nope", "/announcements/a/b", "/webhooks/", "/feed.atom/x", "/ANNOUNCEMENTS")) {
      assertError(call(Requests.get(path, Map.of())), 404, null, "no route");
    }
  }

  @Test
  void aKnownPathWithAnotherMethodIs405WithAllow() throws Exception {
    APIGatewayV2HTTPResponse r = call(Requests.event("DELETE", "/announcements", Map.of(), null, true));
    assertError(r, 405, null, "DELETE is not allowed");
    assertEquals("GET", r.getHeaders().get("allow"));
    APIGatewayV2HTTPResponse w = call(Requests.event("PUT", "/webhooks/abc", Map.of(), "{}", true));
    assertEquals(405, w.getStatusCode());
    assertEquals("DELETE, GET, PATCH", w.getHeaders().get("allow"));
    assertEquals("GET, POST", call(Requests.event("PATCH", "/webhooks", Map.of(), null, true)).getHeaders()
        .get("allow"));
  }

  @Test
  void bodiesOver16KiBAre413() throws Exception {
    String big = "{\"url\":\"https://hooks.example.com/" + "x".repeat(ApiHandler.MAX_BODY_BYTES) + "\"}";
    assertError(call(Requests.managed("POST", "/webhooks", big)), 413, "body", "at most 16384");
    // Counted in bytes after base64 decoding.
    APIGatewayV2HTTPEvent encoded = Requests.managed("POST", "/webhooks", Base64.getEncoder().encodeToString(
        "é".repeat(ApiHandler.MAX_BODY_BYTES / 2 + 1).getBytes(StandardCharsets.UTF_8)));
    encoded.setIsBase64Encoded(true);
    assertError(call(encoded), 413, "body", "16386 bytes");
    assertEquals(0, REGISTRY.list().size());
  }

  static Stream<Arguments> badListQueries() {
    return Stream.of(
        Arguments.of(Map.of("limit", "0"), "limit", "from 1 to 100"),
        Arguments.of(Map.of("limit", "101"), "limit", "from 1 to 100"),
        Arguments.of(Map.of("limit", "ten"), "limit", "'ten'"),
        Arguments.of(Map.of("since", "yesterday"), "since", "ISO-8601"),
        Arguments.of(Map.of("since", "2025-13-01"), "since", "ISO-8601"),
        Arguments.of(Map.of("min_usd", "-5"), "min_usd", "negative"),
        Arguments.of(Map.of("min_usd", "5bn"), "min_usd", "number of US dollars"),
        Arguments.of(Map.of("min_usd", "1e16"), "min_usd", "at most"),
        Arguments.of(Map.of("compnay", "Meta"), "compnay", "unknown query parameter"),
        Arguments.of(Map.of("cursor", "garbage!"), "cursor", "not one this API issued"),
        Arguments.of(Map.of("company", "x".repeat(101)), "company", "1 to 100 characters"));
  }

  @ParameterizedTest
  @MethodSource("badListQueries")
  void badHistoryQueriesAre400WithFieldAndReason(Map<String, String> query, String field, String reason)
      throws Exception {
    assertError(call(Requests.get("/announcements", query)), 400, field, reason);
  }

  @Test
  void aCursorOfAnotherCompanyIs400() throws Exception {
    JsonNode first = Requests.body(call(Requests.get("/announcements", Map.of("company", "Alibaba", "limit", "1"))));
    // Alibaba has one event of three: the cursor may be null; take one from the all-events listing instead.
    String cursor = Requests.body(call(Requests.get("/announcements", Map.of("limit", "1"))))
        .get("next_cursor").asText();
    assertEquals(1, first.get("items").size());
    assertError(call(Requests.get("/announcements", Map.of("company", "Meta", "cursor", cursor))), 400, "cursor",
        "another query");
  }

  static Stream<Arguments> badWebhookBodies() {
    return Stream.of(
        Arguments.of("not json", null, "not valid JSON"),
        Arguments.of("[1,2]", null, "must be a JSON object"),
        Arguments.of("{\"url\":\"https://hooks.example.com/a\",\"url\":\"https://hooks.example.com/b\"}", null,
            "Duplicate field"),
        Arguments.of("{}", "url", "is required"),
        Arguments.of("{\"url\":42}", "url", "must be a string"),
        Arguments.of("{\"url\":\"  \"}", "url", "must not be empty"),
        Arguments.of("{\"url\":\"hooks.example.com/a\"}", "url", "absolute URL"),
        Arguments.of("{\"url\":\"https://hooks example.com\"}", "url", "not a valid URL"),
        Arguments.of("{\"url\":\"http://hooks.example.com/a\"}", "url", "https only"),
        Arguments.of("{\"url\":\"https://169.254.169.254/latest\"}", "url", "link-local"),
        Arguments.of("{\"url\":\"https://internal.example.com/x\"}", "url", "private (10.0.0.0/8)"),
        Arguments.of("{\"url\":\"https://127.0.0.1:8443/x\"}", "url", "loopback"),
        Arguments.of("{\"url\":\"https://user:pw@hooks.example.com/x\"}", "url", "user info"),
        Arguments.of("{\"url\":\"https://nowhere.example.com/x\"}", "url", "does not resolve"),
        Arguments.of("{\"url\":\"https://hooks.example.com/a\",\"format\":\"xml\"}", "format", "unknown webhook format"),
        Arguments.of("{\"url\":\"https://hooks.example.com/a\",\"min_usd\":\"5e9\"}", "min_usd", "must be a number"),
        Arguments.of("{\"url\":\"https://hooks.example.com/a\",\"min_usd\":-1}", "min_usd", "negative"),
        Arguments.of("{\"url\":\"https://hooks.example.com/a\",\"companies\":\"Meta\"}", "companies", "array"),
        Arguments.of("{\"url\":\"https://hooks.example.com/a\",\"companies\":[\"Meta\",\"\"]}", "companies[1]",
            "must not be empty"),
        Arguments.of("{\"url\":\"https://hooks.example.com/a\",\"kinds\":[\"merger\"]}", "kinds[0]", "unknown kind"),
        Arguments.of("{\"url\":\"https://hooks.example.com/a\",\"minUsd\":5}", "minUsd", "unknown field"));
  }

  @ParameterizedTest
  @MethodSource("badWebhookBodies")
  void badWebhookRegistrationsAre400WithFieldAndReason(String body, String field, String reason) throws Exception {
    assertError(call(Requests.managed("POST", "/webhooks", body)), 400, field, reason);
    assertEquals(0, REGISTRY.list().size(), "nothing registered");
  }

  @Test
  void aBodyThatIsNotJsonByItsContentTypeIs415() throws Exception {
    APIGatewayV2HTTPEvent e = Requests.managed("POST", "/webhooks", "url=https://hooks.example.com/a");
    e.getHeaders().put("content-type", "application/x-www-form-urlencoded");
    assertError(call(e), 415, "content-type", "application/json");
  }

  @Test
  void managementRoutesRefuseCallsApiGatewayDidNotAuthorise() throws Exception {
    assertError(call(Requests.event("GET", "/webhooks", Map.of(), null, false)), 403, null, "IAM");
    assertError(call(Requests.event("POST", "/webhooks", Map.of(), "{\"url\":\"https://hooks.example.com/a\"}",
        false)), 403, null, "IAM");
    assertEquals(0, REGISTRY.list().size());
    // Public routes need no signature.
    assertEquals(200, call(Requests.get("/announcements", Map.of())).getStatusCode());
  }

  @Test
  void partsNotConfiguredAnswer501() throws Exception {
    assertError(call(Requests.managed("GET", "/subscriptions", null)), 501, null, "no SNS topic in this test");
    assertError(call(Requests.managed("DELETE", "/subscriptions/abc", null)), 501, null, "no SNS topic");
  }

  @Test
  void percentEncodedSegmentsAreDecodedAfterSplitting() throws Exception {
    assertError(call(Requests.get("/announcements/alibaba%2F0", Map.of())), 404, "event_key", "alibaba/0");
    assertError(call(Requests.get("/announcements/%ZZ", Map.of())), 400, "path", "percent escape");
    assertEquals(200, call(Requests.get("/announcements/alib%61ba-0", Map.of())).getStatusCode());
  }

  @Test
  void everyRequestIsLoggedWithItsStatus() {
    call(Requests.get("/nope", Map.of()));
    call(Requests.get("/announcements/alibaba-0", Map.of()));
    JsonNode missing = logged.line("WARN", Map.of("method", "GET", "path", "/nope", "http_status", "404",
        "message", "request served"));
    assertTrue(missing.path("duration_ms").isIntegralNumber(), missing.toString());
    assertTrue(missing.path("route").isMissingNode(), "no route matched: " + missing);
    JsonNode served = logged.line("INFO", Map.of("path", "/announcements/alibaba-0", "http_status", "200",
        "route", "GET /announcements/{event_key}", "function_request_id", "test-request"));
    assertTrue(served.path("duration_ms").asLong(-1) >= 0, served.toString());
  }

  @Test
  void aFailureInsideIs500WithoutInternals() throws Exception {
    ApiHandler broken = ApiHandler.builder(new AnnouncementHistory() {
      @Override
      public Page page(String company, java.time.Instant since, java.math.BigDecimal minUsd, int limit,
          String cursor) {
        throw new IllegalStateException("table capex-secret-name is gone");
      }

      @Override
      public java.util.Optional<com.capexalerts.core.alert.Announcement> get(
          com.capexalerts.core.alert.EventKey key) {
        throw new IllegalStateException("unused");
      }
    }).build();
    LambdaTestContext context = new LambdaTestContext("api-test", 30_000);
    APIGatewayV2HTTPResponse r = broken.handleRequest(Requests.get("/feed.atom", Map.of()), context);
    assertError(r, 500, null, "internal error (request test-request)");
    assertTrue(!r.getBody().contains("capex-secret-name"), r.getBody());
    JsonNode failure = logged.line("ERROR", Map.of("message", "request failed unexpectedly", "path", "/feed.atom"));
    assertEquals("java.lang.IllegalStateException", failure.at("/error/name").asText(), failure.toString());
    assertTrue(failure.at("/error/stack").asText().contains("ApiRoutingTest"), failure.toString());
    assertTrue(failure.at("/error/message").asText().contains("capex-secret-name"), failure.toString());
    logged.line("ERROR", Map.of("message", "request served", "http_status", "500", "route", "GET /feed.atom"));
  }
}
