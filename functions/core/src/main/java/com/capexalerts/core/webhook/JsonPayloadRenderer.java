package com.capexalerts.core.webhook;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.Source;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Our versioned event schema ({@value #SCHEMA}). Texts are sent exactly as found (JSON escaping by Jackson makes them
 * safe to transport; the receiver escapes for wherever it shows them). A receiver should ignore fields it does not
 * know: new fields may be added within a schema version, a breaking change gets a new version.
 */
public final class JsonPayloadRenderer implements PayloadRenderer {
  public static final String SCHEMA = "capex-alert/1";

  // Plain BigDecimal output: 380000000000, never 3.8E+11, so every receiver's JSON parser reads the same number.
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  @Override
  public WebhookPayload render(Announcement a) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("event_key", a.key().value());
    root.put("company", a.company());
    root.put("kind", a.kind().wireName());
    root.put("amount", a.amount().value());
    root.put("currency", a.amount().currency());
    root.put("amount_text", a.amount().text());
    root.put("amount_usd", a.amountUsd());
    root.put("period", a.period());
    root.put("evidence", a.evidence());
    root.put("title", a.title());
    root.put("link", a.link());
    root.put("published", iso(a.published()));
    ArrayNode sources = root.putArray("sources");
    for (Source s : a.sources()) {
      ObjectNode node = sources.addObject();
      node.put("link", s.link());
      node.put("outlet", s.outlet());
      node.put("title", s.title());
      node.put("published", iso(s.published()));
    }
    root.put("updates", a.updates() == null ? null : a.updates().value());
    try {
      return new WebhookPayload(WebhookPayload.JSON_UTF8, MAPPER.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write alert " + a.key() + " as JSON", e);
    }
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
