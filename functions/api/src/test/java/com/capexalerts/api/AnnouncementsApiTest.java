package com.capexalerts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.capexalerts.core.alert.AlertAtomFeed;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.testsupport.LambdaTestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public routes over a real (moto) announcements table. */
class AnnouncementsApiTest {
  static List<Announcement> events;
  static ApiHandler handler;
  static final LambdaTestContext CONTEXT = new LambdaTestContext("api-test", 30_000);

  @BeforeAll
  static void thirtyEvents() {
    events = new ArrayList<>(Samples.events(29));
    events.add(Samples.event(29, 30)); // meta-29, the newest, with 30 outlets
    handler = ApiHandler.builder(MotoHistory.with(events)).build();
    events.sort(Comparator.comparing(Announcement::published).reversed());
  }

  @AfterAll
  static void close() {
    handler.close();
  }

  static JsonNode ok(APIGatewayV2HTTPEvent e) throws Exception {
    APIGatewayV2HTTPResponse r = handler.handleRequest(e, CONTEXT);
    assertEquals(200, r.getStatusCode(), r.getBody());
    return Requests.body(r);
  }

  static List<String> keys(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(i -> out.add(i.get("event_key").asText()));
    return out;
  }

  @Test
  void theSampleRequestPagesThroughOneCompanyNewestFirst() throws Exception {
    APIGatewayV2HTTPEvent e = Requests.sample("api-get-announcements.json"); // company=Alibaba&limit=5
    List<String> listed = new ArrayList<>();
    int pages = 0;
    while (true) {
      JsonNode page = ok(e);
      pages++;
      assertTrue(page.get("items").size() <= 5);
      listed.addAll(keys(page));
      if (page.get("next_cursor").isNull()) {
        break;
      }
      Map<String, String> query = new HashMap<>(e.getQueryStringParameters());
      query.put("cursor", page.get("next_cursor").asText());
      e.setQueryStringParameters(query);
      assertTrue(pages < 5, "too many pages");
    }
    List<String> alibaba = events.stream().filter(a -> a.company().equals("Alibaba")).map(a -> a.key().value())
        .toList();
    assertEquals(10, alibaba.size());
    assertEquals(alibaba, listed);
  }

  @Test
  void itemsAreTheAlertDocumentsWithPlainAmounts() throws Exception {
    JsonNode page = ok(Requests.get("/announcements", Map.of("limit", "2")));
    JsonNode first = page.get("items").get(0);
    assertEquals("capex-alert/1", first.get("schema").asText());
    assertEquals("meta-29", first.get("event_key").asText());
    assertEquals("30000000000", first.get("amount_usd").toString());
    // Listings carry the first 25 sources and the count; the event route carries all.
    assertEquals(25, first.get("sources").size());
    assertEquals(30, first.get("sources_total").asInt());
    assertEquals("microsoft-28", page.get("items").get(1).get("event_key").asText());
    assertTrue(page.get("next_cursor").isTextual());
  }

  @Test
  void minUsdAndSinceFilterTheListing() throws Exception {
    JsonNode page = ok(Requests.get("/announcements",
        Map.of("min_usd", "25000000000", "since", "2025-01-02T03:00:00Z", "limit", "100")));
    // since = event 27's second; min 25 billion = events 24..29: so 27, 28, 29.
    assertEquals(List.of("meta-29", "microsoft-28", "alibaba-27"), keys(page));
    assertTrue(page.get("next_cursor").isNull());
    JsonNode byDate = ok(Requests.get("/announcements", Map.of("since", "2025-01-02", "limit", "100")));
    assertEquals(6, byDate.get("items").size(), "events 24..29 are on or after 2 January");
  }

  @Test
  void oneEventComesWithAllItsSources() throws Exception {
    JsonNode doc = ok(Requests.get("/announcements/meta-29", Map.of()));
    assertEquals("meta-29", doc.get("event_key").asText());
    assertEquals(30, doc.get("sources").size());
    assertEquals("Meta", doc.get("company").asText());
  }

  @Test
  void aMissingEventIs404() throws Exception {
    APIGatewayV2HTTPResponse r = handler.handleRequest(Requests.get("/announcements/meta-999", Map.of()), CONTEXT);
    assertEquals(404, r.getStatusCode());
    JsonNode error = Requests.body(r).get("error");
    assertEquals("event_key", error.get("field").asText());
    assertTrue(error.get("reason").asText().contains("meta-999"));
  }

  @Test
  void theAtomFeedParsesWithOneEntryPerEvent() throws Exception {
    APIGatewayV2HTTPResponse r = handler.handleRequest(Requests.get("/feed.atom", Map.of()), CONTEXT);
    assertEquals(200, r.getStatusCode());
    assertEquals("application/atom+xml; charset=utf-8", r.getHeaders().get("content-type"));
    SyndFeed feed = new SyndFeedInput().build(new StringReader(r.getBody()));
    assertEquals("atom_1.0", feed.getFeedType());
    assertEquals(30, feed.getEntries().size());
    assertEquals(30, feed.getEntries().stream().map(SyndEntry::getUri).collect(Collectors.toSet()).size());
    assertEquals(events.stream().map(a -> AlertAtomFeed.entryId(a.key())).toList(),
        feed.getEntries().stream().map(SyndEntry::getUri).toList());
    assertEquals(AlertAtomFeed.entryId(new EventKey("meta-29")), feed.getEntries().getFirst().getUri());
    Map<String, String> links = feed.getLinks().stream().collect(Collectors.toMap(SyndLink::getRel,
        SyndLink::getHref));
    assertEquals("https://" + Requests.DOMAIN + "/feed.atom", links.get("self"));
    assertEquals("https://" + Requests.DOMAIN + "/announcements", links.get("alternate"));
    assertTrue(feed.getEntries().getFirst().getTitle().startsWith("Meta: $30 billion"));
  }
}
