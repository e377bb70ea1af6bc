package com.capexalerts.testsupport;

import com.capexalerts.core.log.JsonLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A {@link JsonLog} writing to memory, read back as parsed JSON lines so tests assert levels and fields. */
public final class CapturedLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final JsonLog log;

  public CapturedLog(String logger, Clock clock) {
    this.log = new JsonLog(logger, new PrintStream(bytes, true, StandardCharsets.UTF_8), clock, JsonLog.Level.DEBUG);
  }

  public JsonLog log() {
    return log;
  }

  /** Every line written so far, each parsed; a line that is not a JSON object fails the test here. */
  public synchronized List<JsonNode> lines() {
    List<JsonNode> out = new ArrayList<>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        if (!node.isObject()) {
          throw new AssertionError("log line is not a JSON object: " + line);
        }
        out.add(node);
      } catch (IOException e) {
        throw new UncheckedIOException("log line is not JSON: " + line, e);
      }
    }
    return out;
  }

  /** The first line whose {@code level} is {@code level} and whose text fields equal {@code fields}, or an error. */
  public JsonNode line(String level, Map<String, String> fields) {
    Predicate<JsonNode> match = n -> level.equals(n.path("level").asText())
        && fields.entrySet().stream().allMatch(e -> e.getValue().equals(n.path(e.getKey()).asText()));
    return lines().stream().filter(match).findFirst().orElseThrow(() -> new AssertionError(
        "no " + level + " line with " + fields + " in " + lines()));
  }

  /** The Embedded Metric Format documents written (lines with an {@code _aws} member). */
  public List<JsonNode> metricDocuments() {
    return lines().stream().filter(n -> n.has("_aws")).toList();
  }
}
