package com.capexalerts.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.FeedCatalog;
import com.capexalerts.core.poll.FeedHealth;
import com.capexalerts.core.poll.FeedState;
import com.capexalerts.core.poll.Opml;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * /feeds: the feed list the poller polls, with each feed's health, managed at runtime; /feeds.opml: the list as
 * OPML 2.0, and an OPML import.
 */
final class FeedRoutes {
  static final Set<String> CREATE_FIELDS = Set.of("url", "name");
  static final Set<String> PATCH_FIELDS = Set.of("enabled", "name");

  private final FeedCatalog catalog;
  private final Clock clock;

  FeedRoutes(FeedCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  APIGatewayV2HTTPResponse list(ApiRequest request, Map<String, String> params) {
    Instant now = clock.instant();
    ObjectNode body = ApiResponses.JSON.createObjectNode();
    ArrayNode items = body.putArray("items");
    catalog.listed().forEach(s -> items.add(view(s, now)));
    return ApiResponses.json(200, body);
  }

  APIGatewayV2HTTPResponse get(ApiRequest request, Map<String, String> params) {
    return ApiResponses.json(200, view(found(params.get("id")), clock.instant()));
  }

  APIGatewayV2HTTPResponse create(ApiRequest request, Map<String, String> params) {
    ObjectNode body = RequestFields.object(request, CREATE_FIELDS);
    String url = RequestFields.requiredText(body, "url", FeedCatalog.MAX_URL);
    String name = RequestFields.optionalText(body, "name", FeedCatalog.MAX_NAME, null);
    FeedState added;
    try {
      added = catalog.add(url, name);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("url", e.getMessage());
    } catch (IllegalStateException e) {
      throw new ApiException(409, "url", e.getMessage());
    }
    return ApiResponses.json(201, view(added, clock.instant()),
        Map.of("location", "/feeds/" + FeedCatalog.id(added.feedUrl())));
  }

  APIGatewayV2HTTPResponse patch(ApiRequest request, Map<String, String> params) {
    ObjectNode body = RequestFields.object(request, PATCH_FIELDS);
    JsonNode enabled = body.get("enabled");
    if (enabled != null && !enabled.isBoolean()) {
      throw ApiException.badRequest("enabled", "must be true or false");
    }
    String name = RequestFields.optionalText(body, "name", FeedCatalog.MAX_NAME, null);
    if (body.isEmpty()) {
      throw ApiException.badRequest(null, "nothing to change: send enabled and/or name");
    }
    FeedState updated = catalog.update(params.get("id"), enabled == null ? null : enabled.asBoolean(), name)
        .orElseThrow(() -> noSuchFeed(params.get("id")));
    return ApiResponses.json(200, view(updated, clock.instant()));
  }

  APIGatewayV2HTTPResponse delete(ApiRequest request, Map<String, String> params) {
    if (!catalog.remove(params.get("id"))) {
      throw noSuchFeed(params.get("id"));
    }
    return ApiResponses.noContent();
  }

  APIGatewayV2HTTPResponse reset(ApiRequest request, Map<String, String> params) {
    RequestFields.object(request, Set.of());
    FeedState reset = catalog.reset(params.get("id")).orElseThrow(() -> noSuchFeed(params.get("id")));
    return ApiResponses.json(200, view(reset, clock.instant()));
  }

  APIGatewayV2HTTPResponse exportOpml(ApiRequest request, Map<String, String> params) {
    return ApiResponses.text(200, "text/x-opml; charset=utf-8", Opml.write(catalog.listed(), clock.instant()),
        Map.of("content-disposition", "attachment; filename=\"capex-alerts-feeds.opml\""));
  }

  /** Adds the feeds of an OPML body not listed yet: {"added": [...], "already_listed": n, "refused": [...]}. */
  APIGatewayV2HTTPResponse importOpml(ApiRequest request, Map<String, String> params) {
    String type = request.header("content-type");
    if (type != null && !type.toLowerCase(Locale.ROOT).matches("\\s*(text/x-opml|application/xml|text/xml|"
        + "application/octet-stream|text/plain).*")) {
      throw new ApiException(415, "content-type", "send the OPML document as text/x-opml or application/xml, not "
          + type);
    }
    List<Feed> feeds;
    try {
      feeds = Opml.parse(request.body());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(null, e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    List<FeedState> added = catalog.addAll(feeds, problems);
    Instant now = clock.instant();
    ObjectNode body = ApiResponses.JSON.createObjectNode();
    ArrayNode items = body.putArray("added");
    added.forEach(s -> items.add(view(s, now)));
    body.put("already_listed", feeds.size() - added.size() - problems.size());
    ArrayNode refused = body.putArray("refused");
    problems.forEach(refused::add);
    return ApiResponses.json(200, body);
  }

  private FeedState found(String id) {
    return catalog.find(id).orElseThrow(() -> noSuchFeed(id));
  }

  private static ApiException noSuchFeed(String id) {
    return ApiException.notFound("id", "no feed " + id + " in the feed list");
  }

  /** A feed with its health: the fields of docs/api.md. */
  static ObjectNode view(FeedState s, Instant now) {
    return com.capexalerts.core.poll.FeedHealthJson.of(s, now, ApiResponses.JSON);
  }
}
