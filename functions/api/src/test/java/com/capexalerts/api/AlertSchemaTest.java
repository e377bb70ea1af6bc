package com.capexalerts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.capexalerts.aws.sns.SnsAlertPublisher;
import com.capexalerts.core.alert.AlertMessages;
import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.EventKeys;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.money.MoneyAmount;
import com.capexalerts.core.webhook.JsonPayloadRenderer;
import com.capexalerts.testsupport.LambdaTestContext;
import com.capexalerts.testsupport.RepoRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every channel's alert document is the one of docs/alert-schema.json, and the same document. */
class AlertSchemaTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path REPO = RepoRoot.find();
  static final JsonSchema SCHEMA;

  static {
    try {
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(Files.readString(REPO.resolve("docs/alert-schema.json")), config);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static final Instant PUBLISHED = Instant.parse("2025-02-24T03:10:00Z");

  /** An event with 30 outlets: more than the 25 sources a message carries. */
  static Announcement alibaba() {
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      sources.add(new Source("https://outlet" + i + ".example/alibaba", "Outlet " + i, "Alibaba to invest",
          i == 3 ? null : PUBLISHED.plusSeconds(60L * i)));
    }
    BigDecimal usd = new BigDecimal("52400000000");
    return new Announcement(EventKeys.derive("Alibaba", PUBLISHED, usd), "Alibaba", AnnouncementKind.ANNOUNCEMENT,
        new MoneyAmount(new BigDecimal("380000000000"), "CNY", "more than 380 billion yuan"), usd, "over three years",
        "Alibaba will invest more than 380 billion yuan in AI infrastructure over three years.",
        "Alibaba to invest $53 billion in AI", "https://outlet0.example/alibaba", PUBLISHED,
        PUBLISHED.plusSeconds(300), sources, null);
  }

  static JsonNode valid(String where, String document) throws Exception {
    JsonNode node = JSON.readTree(document);
    Set<ValidationMessage> errors = SCHEMA.validate(node);
    assertEquals(Set.of(), errors, where + ": " + document);
    return node;
  }

  @Test
  void snsWebhooksHistoryAndAtomCarryTheSameValidDocument() throws Exception {
    Announcement a = alibaba();
    assertEquals("alibaba-2025-02-24-52b", a.key().value());

    JsonNode message = JSON.readTree(SnsAlertPublisher.request("arn:aws:sns:us-east-1:123456789012:t", a).message());
    List<JsonNode> sns = new ArrayList<>();
    for (String protocol : List.of("https", "http", "sqs", "lambda")) {
      sns.add(valid("SNS " + protocol, message.get(protocol).asText()));
    }
    JsonNode webhook = valid("json webhook", new JsonPayloadRenderer().render(a).body());
    assertEquals(sns.getFirst(), webhook, "the webhook body is the SNS document");
    assertEquals(25, webhook.get("sources").size());
    assertEquals(30, webhook.get("sources_total").asInt());
    assertEquals("2025-02-24T03:15:00Z", webhook.get("detected_at").asText());

    ApiHandler handler = ApiHandler.builder(MotoHistory.with(List.of(a))).build();
    LambdaTestContext context = new LambdaTestContext("api-test", 30_000);
    APIGatewayV2HTTPResponse one = handler.handleRequest(
        Requests.get("/announcements/" + a.key().value(), Map.of()), context);
    JsonNode history = valid("GET /announcements/{key}", one.getBody());
    assertEquals(30, history.get("sources").size(), "the history shows every source");
    JsonNode listed = JSON.readTree(handler.handleRequest(Requests.get("/announcements", Map.of()), context)
        .getBody()).get("items").get(0);
    assertEquals(webhook, valid("GET /announcements item", listed.toString()));

    String atom = handler.handleRequest(Requests.get("/feed.atom", Map.of()), context).getBody();
    Matcher link = Pattern.compile("<link rel=\"alternate\" type=\"application/json\" href=\"https://[^/\"]+"
        + "(/announcements/[^\"]+)\"").matcher(atom);
    assertTrue(link.find(), atom);
    assertEquals("/announcements/" + a.key().value(), link.group(1));
    valid("Atom entry's JSON link", handler.handleRequest(Requests.get(link.group(1), Map.of()), context).getBody());
    handler.close();
  }

  @Test
  void theFixturesAreValidDocumentsWithRealKeys() throws Exception {
    JsonNode sqs = JSON.readTree(Files.readString(REPO.resolve("events/sqs-webhook-dispatch.json")));
    for (JsonNode record : sqs.get("Records")) {
      JsonNode doc = valid("events/sqs-webhook-dispatch.json", record.get("body").asText());
      assertTrue(doc.get("event_key").asText().matches("[a-z0-9-]+-\\d{4}-\\d{2}-\\d{2}-[0-9.]+[bm]"),
          doc.get("event_key").asText());
    }
  }

  @Test
  void theSchemaRefusesWhatReceiversCouldNotRead() throws Exception {
    ObjectMapper m = new ObjectMapper();
    var doc = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(AlertMessages.json(alibaba()));
    doc.put("kind", "rumour");
    assertTrue(!SCHEMA.validate(doc).isEmpty());
    doc.put("kind", "announcement");
    doc.put("event_key", "alibaba#2025-02-24#cny-380bn");
    assertTrue(!SCHEMA.validate(doc).isEmpty(), "not a key the code makes");
    doc.put("event_key", new EventKey("alibaba-2025-02-24-52b").value());
    doc.remove("sources_total");
    assertTrue(!SCHEMA.validate(doc).isEmpty());
  }
}
