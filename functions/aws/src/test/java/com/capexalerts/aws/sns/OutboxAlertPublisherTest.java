package com.capexalerts.aws.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.Announcement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.model.PublishRequest;

class OutboxAlertPublisherTest {
  private static final String TOPIC = "arn:aws:sns:us-east-1:000000000000:capex-alerts";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void appendsTheExactPublishRequestAsOneJsonLinePerAlert() throws Exception {
    Path outbox = dir.resolve("state/nested/outbox.jsonl");
    OutboxAlertPublisher publisher = new OutboxAlertPublisher(outbox, TOPIC);
    Announcement alibaba = Alerts.alibaba();
    Announcement meta = Alerts.event("Meta", "65000000000", "USD", "$65 billion", "65000000000",
        "Meta plans to spend $65 billion on AI this year.");

    String first = publisher.publish(alibaba);
    String second = publisher.publish(meta);

    List<String> lines = Files.readAllLines(outbox);
    assertEquals(2, lines.size());
    PublishRequest expected = SnsAlertPublisher.request(TOPIC, alibaba);
    JsonNode line = MAPPER.readTree(lines.getFirst());
    assertEquals(TOPIC, line.get("TopicArn").asText());
    assertEquals(expected.subject(), line.get("Subject").asText());
    assertEquals(expected.message(), line.get("Message").asText());
    assertEquals("json", line.get("MessageStructure").asText());
    assertEquals("Number", line.at("/MessageAttributes/amount_usd/DataType").asText());
    assertEquals("52400000000", line.at("/MessageAttributes/amount_usd/StringValue").asText());
    assertEquals("Alibaba", line.at("/MessageAttributes/company/StringValue").asText());
    assertEquals(5, line.get("MessageAttributes").size());
    assertEquals("Meta", MAPPER.readTree(lines.get(1)).at("/MessageAttributes/company/StringValue").asText());

    assertNotEquals(first, second);
    assertEquals(first, new OutboxAlertPublisher(dir.resolve("other.jsonl"), TOPIC).publish(alibaba),
        "the id depends only on the request, so runs are reproducible");
  }

  @Test
  void anUnwritableOutboxFailsNamingTheEventAndTheFile() throws Exception {
    Path notAFile = Files.createDirectories(dir.resolve("outbox.jsonl"));
    OutboxAlertPublisher publisher = new OutboxAlertPublisher(notAFile, TOPIC);
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> publisher.publish(Alerts.alibaba()));
    assertTrue(e.getMessage().contains("alibaba#2025-02-24"), e.getMessage());
    assertTrue(e.getMessage().contains(notAFile.toString()), e.getMessage());
  }

  @Test
  void aBadTopicArnFailsAtConstruction() {
    assertThrows(IllegalArgumentException.class, () -> new OutboxAlertPublisher(dir.resolve("o.jsonl"), ""));
  }

  @Test
  void anEventAlreadyInTheOutboxIsNotAppendedAgainAndATornLastLineIsDropped() throws Exception {
    Path outbox = dir.resolve("outbox.jsonl");
    OutboxAlertPublisher publisher = new OutboxAlertPublisher(outbox, TOPIC);
    String first = publisher.publish(Alerts.alibaba());
    Files.writeString(outbox, "{\"TopicArn\":\"arn:aws:sns:loc", java.nio.file.StandardOpenOption.APPEND);

    assertEquals(first, publisher.publish(Alerts.alibaba()), "the same message id: it is the same publish");
    Announcement meta = Alerts.event("Meta", "65000000000", "USD", "$65 billion", "65000000000",
        "Meta plans to spend $65 billion on AI this year.");
    publisher.publish(meta);

    List<String> lines = Files.readAllLines(outbox);
    assertEquals(2, lines.size(), lines.toString());
    assertEquals(List.of(Alerts.alibaba().key().value(), meta.key().value()),
        lines.stream().map(OutboxAlertPublisher::eventKeyOf).toList());
  }
}
