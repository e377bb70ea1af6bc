package com.capexalerts.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.capexalerts.core.alert.AlertAtomFeed;
import com.capexalerts.core.alert.AlertMessages;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementHistory;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.InvalidCursorException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The public read routes: GET /announcements, GET /announcements/{event_key}, GET /feed.atom. */
final class AnnouncementRoutes {
  static final Set<String> LIST_PARAMETERS = Set.of("company", "since", "min_usd", "limit", "cursor");
  static final int MAX_KEY_LENGTH = 512;
  static final int MAX_CURSOR_LENGTH = 2048;

  private final AnnouncementHistory history;
  private final Clock clock;

  AnnouncementRoutes(AnnouncementHistory history, Clock clock) {
    this.history = history;
    this.clock = clock;
  }

  /** Newest first; each item is the capex-alert/1 document of the SNS messages (at most 25 sources listed). */
  APIGatewayV2HTTPResponse list(ApiRequest request, Map<String, String> params) {
    Map<String, String> q = request.query();
    for (String name : q.keySet()) {
      if (!LIST_PARAMETERS.contains(name)) {
        throw ApiException.badRequest(name, "unknown query parameter; expected one of "
            + String.join(", ", new TreeSet<>(LIST_PARAMETERS)));
      }
    }
    String company = text(q, "company", RequestFields.MAX_COMPANY_LENGTH);
    Instant since = since(q.get("since"));
    BigDecimal minUsd = minUsd(q.get("min_usd"));
    int limit = limit(q.get("limit"));
    String cursor = text(q, "cursor", MAX_CURSOR_LENGTH);
    AnnouncementHistory.Page page;
    try {
      page = history.page(company, since, minUsd, limit, cursor);
    } catch (InvalidCursorException e) {
      throw ApiException.badRequest("cursor", e.getMessage());
    }
    ObjectNode body = ApiResponses.JSON.createObjectNode();
    ArrayNode items = body.putArray("items");
    for (Announcement a : page.items()) {
      items.addRawValue(new RawValue(AlertMessages.json(a)));
    }
    body.put("next_cursor", page.nextCursor());
    if (!page.skipped().isEmpty()) {
      page.skipped().forEach(body.putArray("skipped")::add);
    }
    return ApiResponses.json(200, body);
  }

  /** One event with every source: the alert document of every channel, its sources not capped. */
  APIGatewayV2HTTPResponse get(ApiRequest request, Map<String, String> params) {
    String key = params.get("event_key");
    if (key.length() > MAX_KEY_LENGTH || key.isBlank()) {
      throw ApiException.badRequest("event_key", "must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    Announcement a = history.get(new EventKey(key))
        .orElseThrow(() -> ApiException.notFound("event_key", "no event with key " + key));
    return ApiResponses.text(200, ApiResponses.JSON_TYPE, AlertMessages.json(a, Integer.MAX_VALUE), Map.of());
  }

  /** The latest {@value AlertAtomFeed#LATEST} events as Atom 1.0. */
  APIGatewayV2HTTPResponse feed(ApiRequest request, Map<String, String> params) {
    List<Announcement> latest = history.page(null, null, null, AlertAtomFeed.LATEST, null).items();
    String xml = AlertAtomFeed.write(latest, request.baseUrl() + "/feed.atom", request.baseUrl() + "/announcements",
        "application/json", clock.instant());
    // Feed readers poll; a minute of caching costs nothing in freshness (polls run every few minutes).
    return ApiResponses.text(200, AlertAtomFeed.CONTENT_TYPE, xml, Map.of("cache-control", "public, max-age=60"));
  }

  private static String text(Map<String, String> q, String name, int max) {
    String v = q.get(name);
    if (v == null) {
      return null;
    }
    if (v.isBlank() || v.length() > max || v.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest(name, "must be 1 to " + max + " characters without control characters");
    }
    return v;
  }

  /** An instant (2025-02-24T08:00:00Z, or with an offset) or a date (2025-02-24, midnight UTC). */
  static Instant since(String v) {
    if (v == null) {
      return null;
    }
    String s = v.strip();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("since",
          "expected an ISO-8601 time like 2025-02-24T08:00:00Z or a date like 2025-02-24, got '" + v + "'");
    }
  }

  private static BigDecimal minUsd(String v) {
    if (v == null) {
      return null;
    }
    try {
      return RequestFields.checkMinUsd(new BigDecimal(v.strip()), "min_usd");
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("min_usd", "must be a number of US dollars, e.g. 5000000000, got '" + v + "'");
    }
  }

  private static int limit(String v) {
    if (v == null) {
      return AnnouncementHistory.DEFAULT_LIMIT;
    }
    int n;
    try {
      n = Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > AnnouncementHistory.MAX_LIMIT) {
      throw ApiException.badRequest("limit", "must be a whole number from 1 to " + AnnouncementHistory.MAX_LIMIT
          + ", got '" + v + "'");
    }
    return n;
  }
}
