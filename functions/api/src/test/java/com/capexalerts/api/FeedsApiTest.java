package com.capexalerts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.capexalerts.aws.dynamo.DynamoFeedStateStore;
import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.aws.dynamo.Tables;
import com.capexalerts.core.fetch.FailureClass;
import com.capexalerts.core.poll.FeedCatalog;
import com.capexalerts.core.poll.FeedState;
import com.capexalerts.testsupport.LambdaTestContext;
import com.capexalerts.testsupport.MotoServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** /feeds and /feeds.opml on a real (moto) feeds table. */
class FeedsApiTest {
  final LambdaTestContext context = new LambdaTestContext("api-test", 30_000);
  DynamoDbClient dynamo;
  DynamoFeedStateStore store;
  ApiHandler handler;

  @BeforeEach
  void table() {
    dynamo = MotoServer.dynamo();
    TableNames names = TableNames.withPrefix("feeds-api-" + UUID.randomUUID());
    Tables.createIfMissing(dynamo, names);
    store = new DynamoFeedStateStore(dynamo, names.feeds());
    handler = ApiHandler.builder(MotoHistory.with(List.of())).feeds(new FeedCatalog(store, false)).build();
  }

  @AfterEach
  void close() {
    handler.close();
    dynamo.close();
  }

  APIGatewayV2HTTPResponse call(String method, String path, String body) {
    return handler.handleRequest(Requests.managed(method, path, body), context);
  }

  @Test
  void feedsAreAddedShownChangedResetAndRemoved() throws Exception {
    APIGatewayV2HTTPResponse created = call("POST", "/feeds",
        "{\"url\":\"https://www.datacenterdynamics.com/en/rss/\",\"name\":\"DCD\"}");
    assertEquals(201, created.getStatusCode(), created.getBody());
    JsonNode feed = Requests.body(created);
    String id = feed.get("id").asText();
    assertEquals("/feeds/" + id, created.getHeaders().get("location"));
    assertEquals("never-polled", feed.get("status").asText());
    assertEquals(409, call("POST", "/feeds", "{\"url\":\"https://www.datacenterdynamics.com/en/rss/\"}")
        .getStatusCode());
    assertEquals(400, call("POST", "/feeds", "{\"url\":\"file:/etc/passwd\"}").getStatusCode());
    assertEquals(400, call("POST", "/feeds", "{\"url\":\"https://x.example/\",\"color\":\"red\"}").getStatusCode());

    // A poll failed on it meanwhile (the poller writes the same table).
    FeedState s = store.load("https://www.datacenterdynamics.com/en/rss/");
    store.save(s.withFetch(null, null, null, 3, "https://www.datacenterdynamics.com/en/rss/: host name does not"
        + " resolve (DNS)", Instant.now().plusSeconds(3600), null).withError(FailureClass.DNS, Instant.now()));
    JsonNode got = Requests.body(call("GET", "/feeds/" + id, null));
    assertEquals(List.of("backing-off", "dns", "3"), List.of(got.get("status").asText(),
        got.get("last_error_class").asText(), got.get("consecutive_failures").asText()));

    JsonNode reset = Requests.body(call("POST", "/feeds/" + id + "/reset", null));
    assertEquals(0, reset.get("consecutive_failures").asInt());
    assertTrue(reset.get("next_attempt_at").isNull());

    JsonNode disabled = Requests.body(call("PATCH", "/feeds/" + id, "{\"enabled\":false,\"name\":\"DatacenterDynamics\"}"));
    assertEquals(List.of("false", "DatacenterDynamics", "disabled"), List.of(disabled.get("enabled").asText(),
        disabled.get("name").asText(), disabled.get("status").asText()));
    assertEquals(400, call("PATCH", "/feeds/" + id, "{\"enabled\":\"no\"}").getStatusCode());
    assertEquals(1, Requests.body(call("GET", "/feeds", null)).get("items").size());

    assertEquals(204, call("DELETE", "/feeds/" + id, null).getStatusCode());
    APIGatewayV2HTTPResponse gone = call("GET", "/feeds/" + id, null);
    assertEquals(404, gone.getStatusCode());
    assertTrue(gone.getHeaders().get("content-type").startsWith("application/json"));
    assertEquals(404, call("DELETE", "/feeds/" + id, null).getStatusCode());
  }

  @Test
  void opmlIsExportedAndImported() throws Exception {
    call("POST", "/feeds", "{\"url\":\"https://a.example/rss\",\"name\":\"A & B\"}");
    APIGatewayV2HTTPResponse export = call("GET", "/feeds.opml", null);
    assertEquals(200, export.getStatusCode());
    assertTrue(export.getHeaders().get("content-type").startsWith("text/x-opml"));
    assertTrue(export.getBody().contains("xmlUrl=\"https://a.example/rss\"") && export.getBody().contains("A &amp; B"),
        export.getBody());

    String opml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="2.0"><head><title>mine</title></head><body><outline text="News">
          <outline type="rss" text="A" xmlUrl="https://a.example/rss"/>
          <outline type="rss" text="C" xmlUrl="https://c.example/atom"/>
          <outline type="rss" text="bad" xmlUrl="gopher://d.example/"/>
        </outline></body></opml>""";
    APIGatewayV2HTTPEvent event = Requests.managed("POST", "/feeds.opml", opml);
    event.setHeaders(new HashMap<>(java.util.Map.of("content-type", "text/x-opml")));
    JsonNode result = Requests.body(handler.handleRequest(event, context));
    assertEquals(1, result.get("added").size(), result.toString());
    assertEquals("https://c.example/atom", result.get("added").get(0).get("url").asText());
    assertEquals(1, result.get("already_listed").asInt());
    assertEquals(1, result.get("refused").size());
    assertEquals(2, Requests.body(call("GET", "/feeds", null)).get("items").size());

    APIGatewayV2HTTPEvent notOpml = Requests.managed("POST", "/feeds.opml", "<rss/>");
    notOpml.setHeaders(new HashMap<>(java.util.Map.of("content-type", "application/xml")));
    assertEquals(400, handler.handleRequest(notOpml, context).getStatusCode());
  }
}
