package com.capexalerts.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.money.MoneyAmount;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonPayloadRendererTest {
  private final JsonPayloadRenderer renderer = new JsonPayloadRenderer();

  @Test
  void writesTheVersionedEventSchema() {
    WebhookPayload payload = renderer.render(TestAlerts.alibaba());
    assertEquals("application/json; charset=utf-8", payload.contentType());
    JsonNode n = Json.parse(payload);
    assertEquals("capex-alert/1", n.get("schema").textValue());
    assertEquals("alibaba-2025-02-24-cny-380000000000", n.get("event_key").textValue());
    assertEquals("Alibaba", n.get("company").textValue());
    assertEquals("announcement", n.get("kind").textValue());
    assertEquals(new BigDecimal("380000000000"), n.get("amount").decimalValue());
    assertEquals("CNY", n.get("currency").textValue());
    assertEquals("over 380 billion yuan", n.get("amount_text").textValue());
    assertEquals(new BigDecimal("53000000000"), n.get("amount_usd").decimalValue());
    assertEquals("over the next three years", n.get("period").textValue());
    assertEquals(TestAlerts.EVIDENCE, n.get("evidence").textValue());
    assertEquals("https://news.example.com/alibaba-ai?id=1", n.get("link").textValue());
    assertEquals("2025-02-24T08:30:00Z", n.get("published").textValue());
    assertEquals(2, n.get("sources").size());
    JsonNode second = n.get("sources").get(1);
    assertEquals("Other Outlet", second.get("outlet").textValue());
    assertEquals("https://other.example.org/a/b", second.get("link").textValue());
    assertEquals("Alibaba bets big on AI", second.get("title").textValue());
    assertEquals("2025-02-24T08:40:00Z", second.get("published").textValue());
    assertTrue(n.get("updates").isNull());
    // The schema comes first so a receiver can route on it cheaply.
    assertTrue(payload.body().startsWith("{\"schema\":\"capex-alert/1\""), payload.body());
  }

  @Test
  void amountsAreWrittenAsPlainNumbers() {
    Announcement a = TestAlerts.alibaba();
    Announcement scientific = new Announcement(a.key(), a.company(), a.kind(),
        new MoneyAmount(new BigDecimal("3.8E+11"), "CNY", "380 billion yuan"), new BigDecimal("5.3E+10"),
        a.period(), a.evidence(), a.title(), a.link(), a.published(), a.detectedAt(), a.sources(), a.updates());
    String body = renderer.render(scientific).body();
    assertTrue(body.contains("\"amount\":380000000000"), body);
    assertTrue(body.contains("\"amount_usd\":53000000000"), body);
    assertFalse(body.contains("E+"), body);
  }

  @Test
  void hostileTextTravelsExactlyAndCannotBreakTheJson() {
    String hostile = "\"}],\"schema\":\"evil\" </script><script>alert(1)</script>\n\u2028@everyone <!channel> \\";
    JsonNode n = Json.parse(renderer.render(TestAlerts.alibaba(hostile, hostile)));
    assertEquals("capex-alert/1", n.get("schema").textValue());
    assertEquals(hostile, n.get("title").textValue());
    assertEquals(hostile, n.get("evidence").textValue());
  }

  @Test
  void updatesNamesTheEarlierEvent() {
    JsonNode n = Json.parse(renderer.render(TestAlerts.everywhere("x", 1)));
    assertEquals("update", n.get("kind").textValue());
    assertEquals("x", n.get("updates").textValue());
  }
}
