package com.capexalerts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.capexalerts.core.webhook.EndpointPolicy;
import com.capexalerts.core.webhook.InMemoryWebhookRegistry;
import com.capexalerts.core.webhook.Webhook;
import com.capexalerts.core.webhook.WebhookSignature;
import com.capexalerts.testsupport.LambdaTestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /webhooks with an in-memory registry; test sends go to a real HTTP receiver on 127.0.0.1. */
class WebhooksApiTest {
  /** One request the receiver got. */
  record Received(Map<String, String> headers, String body) {}

  final InMemoryWebhookRegistry registry = new InMemoryWebhookRegistry();
  final LambdaTestContext context = new LambdaTestContext("api-test", 30_000);
  final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger answer = new AtomicInteger(204);
  HttpServer receiver;
  ApiHandler deployed;
  ApiHandler local;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", exchange -> {
      Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.getFirst()));
      received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(),
          StandardCharsets.UTF_8)));
      exchange.sendResponseHeaders(answer.get(), -1);
      exchange.close();
    });
    receiver.start();
    deployed = ApiHandler.builder(MotoHistory.with(List.of()))
        .webhooks(registry, ApiRoutingTest.deployedPolicy()).build();
    local = ApiHandler.builder(MotoHistory.with(List.of()))
        .webhooks(registry, EndpointPolicy.local()).requireIamForManagement(false).build();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    deployed.close();
    local.close();
  }

  APIGatewayV2HTTPResponse call(ApiHandler h, String method, String path, String body) {
    return h.handleRequest(Requests.managed(method, path, body), context);
  }

  @Test
  void theSampleRegistrationGetsAnIdAndASecretThatIsNeverShownAgain() throws Exception {
    APIGatewayV2HTTPResponse created = deployed.handleRequest(Requests.sample("api-post-webhook.json"), context);

    assertEquals(201, created.getStatusCode(), created.getBody());
    JsonNode body = Requests.body(created);
    String id = body.get("id").asText();
    String secret = body.get("secret").asText();
    assertEquals("/webhooks/" + id, created.getHeaders().get("location"));
    assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), "32 random bytes in base64url: " + secret);
    assertEquals("https://hooks.example.com/capex-alerts", body.get("url").asText());
    assertEquals("json", body.get("format").asText());
    assertTrue(body.get("signed").asBoolean());
    assertEquals("5000000000", body.at("/filter/min_usd").toString());
    assertEquals("[\"Alibaba\",\"Microsoft\"]", body.at("/filter/companies").toString());
    assertEquals("[\"announcement\"]", body.at("/filter/kinds").toString());
    Webhook stored = registry.get(id).orElseThrow();
    assertEquals(secret, stored.secret());
    assertTrue(stored.enabled());

    for (String path : List.of("/webhooks/" + id, "/webhooks")) {
      APIGatewayV2HTTPResponse r = call(deployed, "GET", path, null);
      assertEquals(200, r.getStatusCode());
      assertFalse(r.getBody().contains(secret), path + " shows the secret");
      assertFalse(r.getBody().contains("\"secret\""), path);
      assertTrue(r.getBody().contains("\"url\":\"https://hooks.example.com/…\""), r.getBody());
    }
    assertEquals(1, Requests.body(call(deployed, "GET", "/webhooks", null)).get("items").size());

    assertEquals(204, call(deployed, "DELETE", "/webhooks/" + id, null).getStatusCode());
    assertEquals(404, call(deployed, "GET", "/webhooks/" + id, null).getStatusCode());
    APIGatewayV2HTTPResponse again = call(deployed, "DELETE", "/webhooks/" + id, null);
    assertEquals(404, again.getStatusCode());
    assertEquals("id", Requests.body(again).at("/error/field").asText());
  }

  @Test
  void everyRegistrationGetsItsOwnIdAndSecret() throws Exception {
    String body = "{\"url\":\"https://hooks.example.com/a\",\"format\":\"slack\"}";
    JsonNode a = Requests.body(call(deployed, "POST", "/webhooks", body));
    JsonNode b = Requests.body(call(deployed, "POST", "/webhooks", body));
    assertNotEquals(a.get("id").asText(), b.get("id").asText());
    assertNotEquals(a.get("secret").asText(), b.get("secret").asText());
    assertFalse(a.get("signed").asBoolean(), "chat formats are not signed");
    assertEquals(2, registry.list().size());
  }

  @Test
  void aTestSendIsSignedAndLeavesTheWebhookAsItWas() throws Exception {
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    JsonNode created = Requests.body(call(local, "POST", "/webhooks", "{\"url\":\"" + url + "\"}"));
    String id = created.get("id").asText();
    String secret = created.get("secret").asText();
    Webhook before = registry.get(id).orElseThrow();

    APIGatewayV2HTTPResponse r = call(local, "POST", "/webhooks/" + id + "/test", null);

    assertEquals(200, r.getStatusCode(), r.getBody());
    JsonNode result = Requests.body(r);
    assertEquals("delivered", result.get("outcome").asText());
    assertTrue(result.get("delivered").asBoolean());
    assertEquals(1, result.get("attempts").size());
    assertEquals(204, result.at("/attempts/0/status").asInt());
    assertEquals(1, received.size());
    Received got = received.getFirst();
    assertTrue(WebhookSignature.verify(secret, got.headers().get(WebhookSignature.TIMESTAMP_HEADER), got.body(),
        got.headers().get(WebhookSignature.SIGNATURE_HEADER), Instant.now(), Duration.ofMinutes(5)),
        "the receiver can verify the test send with the secret it was given");
    String eventId = got.headers().get(WebhookSignature.EVENT_ID_HEADER);
    assertTrue(eventId.startsWith("capex-test-"), eventId);
    assertEquals(eventId, result.get("event_key").asText());
    JsonNode doc = Requests.JSON.readTree(got.body());
    assertEquals("capex-alert/1", doc.get("schema").asText());
    assertTrue(doc.get("title").asText().startsWith("[Test]"));

    // A second test is sent too (fresh event id, nothing recorded), and the webhook is unchanged.
    assertEquals("delivered", Requests.body(call(local, "POST", "/webhooks/" + id + "/test", "{}"))
        .get("outcome").asText());
    assertEquals(2, received.size());
    assertNotEquals(eventId, received.get(1).headers().get(WebhookSignature.EVENT_ID_HEADER));
    assertEquals(before, registry.get(id).orElseThrow());
  }

  @Test
  void aFailingReceiverIsReportedAfterOneAttemptWithoutCountingAgainstTheWebhook() throws Exception {
    answer.set(500);
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    String id = Requests.body(call(local, "POST", "/webhooks", "{\"url\":\"" + url + "\",\"format\":\"discord\"}"))
        .get("id").asText();

    JsonNode result = Requests.body(call(local, "POST", "/webhooks/" + id + "/test", null));

    assertEquals("failed_retries_exhausted", result.get("outcome").asText());
    assertFalse(result.get("delivered").asBoolean());
    assertEquals(1, result.get("attempts").size());
    assertEquals(500, result.at("/attempts/0/status").asInt());
    assertEquals(1, received.size());
    Webhook after = registry.get(id).orElseThrow();
    assertEquals(0, after.consecutiveFailures());
    assertTrue(after.enabled());
  }

  @Test
  void aTestTakesNoFields() throws Exception {
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    String id = Requests.body(call(local, "POST", "/webhooks", "{\"url\":\"" + url + "\"}")).get("id").asText();
    APIGatewayV2HTTPResponse r = call(local, "POST", "/webhooks/" + id + "/test", "{\"event_key\":\"x\"}");
    assertEquals(400, r.getStatusCode());
    assertEquals("event_key", Requests.body(r).at("/error/field").asText());
    assertTrue(Requests.body(r).at("/error/reason").asText().contains("takes no fields"));
    assertEquals(0, received.size());
  }

  @Test
  void testingAnUnknownWebhookIs404() throws Exception {
    APIGatewayV2HTTPResponse r = call(local, "POST", "/webhooks/nope/test", null);
    assertEquals(404, r.getStatusCode());
    assertEquals(0, received.size());
  }

  @Test
  void aDisabledWebhookIsReEnabledRefilteredAndItsSecretRotatedWithoutReRegistering() throws Exception {
    JsonNode created = Requests.body(call(deployed, "POST", "/webhooks",
        "{\"url\":\"https://hooks.example.com/capex\",\"format\":\"json\",\"min_usd\":1000000000}"));
    String id = created.get("id").asText();
    Webhook stored = registry.get(id).orElseThrow();
    registry.update(new Webhook(id, stored.url(), stored.format(), stored.secret(), stored.filter(), false, 5));

    JsonNode patched = Requests.body(call(deployed, "PATCH", "/webhooks/" + id,
        "{\"enabled\":true,\"companies\":[\"Nvidia\"]}"));
    Webhook after = registry.get(id).orElseThrow();
    assertEquals(List.of(true, 0, Set.of("Nvidia"), new java.math.BigDecimal("1000000000")),
        List.of(after.enabled(), after.consecutiveFailures(), after.filter().companies(), after.filter().minUsd()),
        "re-enabled, failures cleared, companies replaced, the minimum kept");
    assertTrue(patched.path("secret").isMissingNode(), "a PATCH never shows the secret");
    assertEquals(400, call(deployed, "PATCH", "/webhooks/" + id, "{\"url\":\"https://other.example/\"}")
        .getStatusCode(), "the URL is not changed in place");
    assertEquals(400, call(deployed, "PATCH", "/webhooks/" + id, "{}").getStatusCode());
    assertEquals(404, call(deployed, "PATCH", "/webhooks/nope", "{\"enabled\":true}").getStatusCode());

    JsonNode rotated = Requests.body(call(deployed, "POST", "/webhooks/" + id + "/rotate-secret", null));
    String secret = rotated.get("secret").asText();
    assertTrue(!secret.equals(created.get("secret").asText()) && secret.equals(registry.get(id).orElseThrow()
        .secret()), "a new secret, stored and shown once");
    assertTrue(Requests.body(call(deployed, "GET", "/webhooks/" + id, null)).path("secret").isMissingNode());
    assertEquals(404, call(deployed, "POST", "/webhooks/nope/rotate-secret", null).getStatusCode());
  }
}
