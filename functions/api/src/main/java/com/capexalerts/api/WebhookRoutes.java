package com.capexalerts.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.money.MoneyAmount;
import com.capexalerts.core.webhook.DeliveryAttempt;
import com.capexalerts.core.webhook.DeliveryResult;
import com.capexalerts.core.webhook.EndpointPolicy;
import com.capexalerts.core.webhook.ForbiddenEndpointException;
import com.capexalerts.core.webhook.Webhook;
import com.capexalerts.core.webhook.WebhookDeliverer;
import com.capexalerts.core.webhook.WebhookFilter;
import com.capexalerts.core.webhook.WebhookFormat;
import com.capexalerts.core.webhook.WebhookRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * POST/GET /webhooks, GET/PATCH/DELETE /webhooks/{id}, POST /webhooks/{id}/test and /rotate-secret. The signing
 * secret is generated here and shown once, in the answer to the POST (or the rotation); no other route returns it.
 */
final class WebhookRoutes {
  static final Set<String> CREATE_FIELDS = Set.of("url", "format", "min_usd", "companies", "kinds");
  static final Set<String> PATCH_FIELDS = Set.of("enabled", "min_usd", "companies", "kinds");
  static final int MAX_URL_LENGTH = 2048;
  static final int SECRET_BYTES = 32;

  private final WebhookRegistry registry;
  private final EndpointPolicy policy;
  private final WebhookDeliverer deliverer;
  private final Clock clock;

  /** @param deliverer sends the test events: one attempt, nothing recorded in the delivery log */
  WebhookRoutes(WebhookRegistry registry, EndpointPolicy policy, WebhookDeliverer deliverer, Clock clock) {
    this.registry = registry;
    this.policy = policy;
    this.deliverer = deliverer;
    this.clock = clock;
  }

  APIGatewayV2HTTPResponse create(ApiRequest request, Map<String, String> params) {
    ObjectNode body = RequestFields.object(request, CREATE_FIELDS);
    URI url = url(RequestFields.requiredText(body, "url", MAX_URL_LENGTH));
    WebhookFormat format;
    try {
      format = WebhookFormat.fromWire(RequestFields.optionalText(body, "format", 16, "json"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("format", e.getMessage());
    }
    WebhookFilter filter = RequestFields.filter(body);
    Webhook webhook = new Webhook(UUID.randomUUID().toString(), url, format, secret(), filter, true, 0);
    if (!registry.create(webhook)) {
      throw new IllegalStateException("webhook id " + webhook.id() + " exists already"); // a random UUID: never
    }
    ObjectNode view = view(webhook, webhook.url().toString());
    view.put("secret", webhook.secret());
    // json deliveries are signed with the secret; chat services get no signature (their URL is the secret).
    view.put("signed", format == WebhookFormat.JSON);
    return ApiResponses.json(201, view, Map.of("location", "/webhooks/" + webhook.id()));
  }

  APIGatewayV2HTTPResponse list(ApiRequest request, Map<String, String> params) {
    ObjectNode body = ApiResponses.JSON.createObjectNode();
    ArrayNode items = body.putArray("items");
    for (Webhook w : registry.list()) {
      items.add(view(w, EndpointMask.url(w.url().toString())));
    }
    return ApiResponses.json(200, body);
  }

  APIGatewayV2HTTPResponse get(ApiRequest request, Map<String, String> params) {
    Webhook w = existing(params.get("id"));
    return ApiResponses.json(200, view(w, EndpointMask.url(w.url().toString())));
  }

  /**
   * PATCH /webhooks/{id}: {@code enabled} (true re-enables a webhook disabled after failures and clears its failure
   * count), and/or a new filter ({@code min_usd}, {@code companies}, {@code kinds}; a field given replaces that part,
   * null clears it). The URL and format stay: register a new webhook to change them.
   */
  APIGatewayV2HTTPResponse patch(ApiRequest request, Map<String, String> params) {
    ObjectNode body = RequestFields.object(request, PATCH_FIELDS);
    if (body.isEmpty()) {
      throw ApiException.badRequest(null, "nothing to change: send enabled and/or min_usd, companies, kinds");
    }
    Webhook w = existing(params.get("id"));
    JsonNode enabled = body.get("enabled");
    if (enabled != null && !enabled.isBoolean()) {
      throw ApiException.badRequest("enabled", "must be true or false");
    }
    WebhookFilter given = RequestFields.filter(body);
    WebhookFilter filter = new WebhookFilter(
        body.has("min_usd") ? given.minUsd() : w.filter().minUsd(),
        body.has("companies") ? given.companies() : w.filter().companies(),
        body.has("kinds") ? given.kinds() : w.filter().kinds());
    boolean enable = enabled == null ? w.enabled() : enabled.asBoolean();
    int failures = enable && !w.enabled() ? 0 : w.consecutiveFailures();
    Webhook updated = new Webhook(w.id(), w.url(), w.format(), w.secret(), filter, enable, failures);
    if (!registry.update(updated)) {
      throw ApiException.notFound("id", "no webhook " + w.id());
    }
    return ApiResponses.json(200, view(updated, EndpointMask.url(updated.url().toString())));
  }

  /** POST /webhooks/{id}/rotate-secret: a new signing secret, shown once in the answer; the old one stops at once. */
  APIGatewayV2HTTPResponse rotateSecret(ApiRequest request, Map<String, String> params) {
    RequestFields.object(request, Set.of());
    Webhook w = existing(params.get("id"));
    Webhook rotated = new Webhook(w.id(), w.url(), w.format(), secret(), w.filter(), w.enabled(),
        w.consecutiveFailures());
    if (!registry.update(rotated)) {
      throw ApiException.notFound("id", "no webhook " + w.id());
    }
    ObjectNode view = view(rotated, EndpointMask.url(rotated.url().toString()));
    view.put("secret", rotated.secret());
    return ApiResponses.json(200, view);
  }

  APIGatewayV2HTTPResponse delete(ApiRequest request, Map<String, String> params) {
    String id = params.get("id");
    if (!registry.delete(id)) {
      throw ApiException.notFound("id", "no webhook " + id);
    }
    return ApiResponses.noContent();
  }

  /**
   * Sends a signed sample alert to the webhook now (one attempt, whatever its filter and enabled flag) and reports
   * what the receiver answered. A test never changes the webhook's failure count nor the delivery log.
   */
  APIGatewayV2HTTPResponse test(ApiRequest request, Map<String, String> params) {
    Webhook w = existing(params.get("id"));
    RequestFields.object(request, Set.of());
    DeliveryResult result = deliverer.deliverTo(sample(clock.instant()), w);
    ObjectNode body = ApiResponses.JSON.createObjectNode();
    body.put("webhook_id", result.webhookId());
    body.put("event_key", result.eventKey().value());
    body.put("delivery_id", result.deliveryId());
    body.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
    body.put("delivered", result.outcome() == DeliveryResult.Outcome.DELIVERED);
    ArrayNode attempts = body.putArray("attempts");
    for (DeliveryAttempt a : result.attempts()) {
      ObjectNode n = attempts.addObject();
      n.put("attempt", a.attempt());
      n.put("status", a.statusCode());
      n.put("duration_ms", a.duration().toMillis());
      n.put("error", a.error());
    }
    body.put("detail", result.detail());
    return ApiResponses.json(200, body);
  }

  private Webhook existing(String id) {
    return registry.get(id).orElseThrow(() -> ApiException.notFound("id", "no webhook " + id));
  }

  /** An absolute URL that the endpoint policy allows now (it is checked again before every delivery). */
  private URI url(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw ApiException.badRequest("url", "not a valid URL: " + e.getReason());
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw ApiException.badRequest("url", "must be an absolute URL with a host, e.g. https://example.com/hook");
    }
    try {
      policy.check(uri);
    } catch (ForbiddenEndpointException e) {
      throw ApiException.badRequest("url", e.getMessage());
    } catch (UnknownHostException e) {
      throw ApiException.badRequest("url", "host " + uri.getHost() + " does not resolve");
    }
    return uri;
  }

  private String secret() {
    byte[] bytes = new byte[SECRET_BYTES];
    // A generator per secret, never one built during init: SnapStart restores every environment from the same
    // snapshot, and a generator state in it would repeat across environments.
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static ObjectNode view(Webhook w, String shownUrl) {
    ObjectNode n = ApiResponses.JSON.createObjectNode();
    n.put("id", w.id());
    n.put("url", shownUrl);
    n.put("format", w.format().wireName());
    n.put("enabled", w.enabled());
    n.put("consecutive_failures", w.consecutiveFailures());
    n.set("filter", RequestFields.filterJson(w.filter()));
    return n;
  }

  /** The test event: the Alibaba pledge, marked as a test, with a fresh key so receivers do not drop it as seen. */
  static Announcement sample(Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.SECONDS);
    String title = "[Test] Alibaba to invest over 380 billion yuan in AI infrastructure";
    String link = "https://example.com/capex-alerts/test-alert";
    return new Announcement(new EventKey("capex-test-" + UUID.randomUUID()), "Alibaba",
        AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal("380000000000"), "CNY", "over 380 billion yuan"),
        new BigDecimal("52400000000"), "over the next three years",
        "This is a test alert from AI Capex Alerts. Alibaba said it would invest over 380 billion yuan (about"
            + " $53 billion) in AI infrastructure over the next three years.",
        title, link, at, at, List.of(new Source(link, "AI Capex Alerts", title, at)), null);
  }
}
