package com.capexalerts.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.money.MoneyAmount;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void theJsonRenderingReadsBackToTheSameAnnouncement() throws Exception {
    Announcement alibaba = AlertMessagesTest.alibaba();

    assertEquals(alibaba, AlertJson.parse(AlertMessages.json(alibaba)));
  }

  @Test
  void anUpdateWithoutPeriodOrLinkReadsBack() throws Exception {
    Announcement base = AlertMessagesTest.alibaba();
    Announcement update = new Announcement(new EventKey("alibaba#2025-03-01#cny-480bn"), "Alibaba",
        AnnouncementKind.UPDATE, new MoneyAmount(new BigDecimal("480000000000.5"), "CNY", "480 billion yuan"),
        new BigDecimal("66123456789.123456789"), null, base.evidence(), base.title(), null, base.published(),
        base.detectedAt(), List.of(new Source(null, null, null, null)), base.key());

    Announcement read = AlertJson.parse(AlertMessages.json(update));

    assertEquals(update, read);
    assertEquals(new BigDecimal("66123456789.123456789"), read.amountUsd(), "no rounding through a double");
  }

  @Test
  void onlyTheFirst25SourcesTravel() throws Exception {
    Announcement base = AlertMessagesTest.alibaba();
    List<Source> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(new Source("https://outlet" + i + ".example/a", "Outlet " + i, "Title " + i, base.published()));
    }
    Announcement wide = new Announcement(base.key(), base.company(), base.kind(), base.amount(), base.amountUsd(),
        base.period(), base.evidence(), base.title(), base.link(), base.published(), base.detectedAt(), many, null);

    assertEquals(many.subList(0, 25), AlertJson.parse(AlertMessages.json(wide)).sources());
  }

  @Test
  void aDocumentWithoutDetectedAtUsesThePublicationTime() throws Exception {
    ObjectNode doc = (ObjectNode) MAPPER.readTree(AlertMessages.json(AlertMessagesTest.alibaba()));
    doc.remove("detected_at");
    doc.put("added_in_a_later_release", true);

    Announcement read = AlertJson.parse(doc.toString());

    assertEquals(read.published(), read.detectedAt());
    assertEquals("Alibaba", read.company());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      empty                | ''                                       | empty message
      not JSON             | '<xml/>'                                 | not JSON
      an array             | '[1,2]'                                  | expected a JSON object
      no schema            | '{"event_key":"k"}'                      | no "schema" string
      another version      | '{"schema":"capex-alert/2"}'             | unsupported schema "capex-alert/2"
      """)
  void unreadableDocumentsAreRefusedWithTheReason(String name, String document, String reason) {
    MalformedAlertException e = assertThrows(MalformedAlertException.class, () -> AlertJson.parse(document));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      company          | null          | field "company" is missing
      amount_usd       | '"53 billion"' | field "amount_usd" must be a JSON number, got string
      kind             | '"rumour"'    | field "kind" must be "announcement" or "update"
      published        | '"yesterday"' | field "published" is not an ISO-8601 UTC time
      event_key        | '"  "'        | field "event_key" is blank
      sources          | '{}'          | field "sources" must be an array
      """)
  void aBadFieldIsNamedWithTheAlert(String field, String value, String reason) throws Exception {
    ObjectNode doc = (ObjectNode) MAPPER.readTree(AlertMessages.json(AlertMessagesTest.alibaba()));
    doc.set(field, MAPPER.readTree(value));

    MalformedAlertException e = assertThrows(MalformedAlertException.class, () -> AlertJson.parse(doc.toString()));

    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(field.equals("event_key") || e.getMessage().startsWith("alert alibaba#2025-02-24#CNY: "),
        e.getMessage());
  }

  @Test
  void aSourceWithoutPublicationTimeIsKept() throws Exception {
    ObjectNode doc = (ObjectNode) MAPPER.readTree(AlertMessages.json(AlertMessagesTest.alibaba()));
    ((ObjectNode) doc.get("sources").get(1)).putNull("published");

    Source second = AlertJson.parse(doc.toString()).sources().get(1);

    assertNull(second.published());
    assertEquals("Other Daily", second.outlet());
    assertEquals(Instant.parse("2025-02-24T08:15:00Z"), AlertJson.parse(doc.toString()).sources().get(0).published());
  }
}
