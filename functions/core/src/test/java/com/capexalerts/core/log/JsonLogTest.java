package com.capexalerts.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLogTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-24T10:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aLineIsOneJsonObjectWithLevelFieldsAndRequestIdAndNoNulls() throws Exception {
    List<String> lines = new ArrayList<>();
    JsonLog log = new JsonLog("notifier", lines::add, CLOCK, JsonLog.Level.INFO);
    log.requestId("req-1");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("event_key", "alibaba-2025-02-24-52b");
    fields.put("duration_ms", 12L);
    fields.put("message_id", null);
    fields.put("level", "INFO"); // may not overwrite the line's own level

    log.warn("alert failed", fields);

    assertEquals(1, lines.size());
    JsonNode line = JSON.readTree(lines.getFirst());
    assertEquals("2025-02-24T10:00:00Z", line.path("timestamp").asText());
    assertEquals("WARN", line.path("level").asText());
    assertEquals("notifier", line.path("logger").asText());
    assertEquals("alert failed", line.path("message").asText());
    assertEquals("alibaba-2025-02-24-52b", line.path("event_key").asText());
    assertEquals(12, line.path("duration_ms").asInt());
    assertTrue(line.path("message_id").isMissingNode(), line.toString());
    assertEquals("req-1", line.path("AWSRequestId").asText());
  }

  @Test
  void linesBelowTheThresholdAreDroppedButMetricDocumentsAreNot() throws Exception {
    List<String> lines = new ArrayList<>();
    JsonLog log = new JsonLog("notifier", lines::add, CLOCK, JsonLog.level("warn"));
    log.info("routine", Map.of());
    log.log(JsonLog.Level.DEBUG, "detail", Map.of());
    log.error("needs a person", Map.of());
    log.raw(MetricDocument.counts("notifier", Map.of("AlertsFailed", 2L), CLOCK.instant()));

    assertEquals(2, lines.size(), lines.toString());
    assertEquals("ERROR", JSON.readTree(lines.get(0)).path("level").asText());
    JsonNode metrics = JSON.readTree(lines.get(1));
    assertEquals(2, metrics.path("AlertsFailed").asInt());
    assertEquals("CapexAlerts", metrics.at("/_aws/CloudWatchMetrics/0/Namespace").asText());
    assertEquals("AlertsFailed", metrics.at("/_aws/CloudWatchMetrics/0/Metrics/0/Name").asText());
    assertEquals(CLOCK.millis(), metrics.at("/_aws/Timestamp").asLong());
  }

  @Test
  void theLambdaLevelNamesMapOntoOurs() {
    assertEquals(JsonLog.Level.INFO, JsonLog.level(null));
    assertEquals(JsonLog.Level.DEBUG, JsonLog.level("TRACE"));
    assertEquals(JsonLog.Level.WARN, JsonLog.level(" Warning "));
    assertEquals(JsonLog.Level.ERROR, JsonLog.level("FATAL"));
  }
}
