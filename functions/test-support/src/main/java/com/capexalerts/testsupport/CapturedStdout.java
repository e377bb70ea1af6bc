package com.capexalerts.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures {@code System.out} while open, where the handlers write their Powertools JSON log lines and EMF metric
 * documents, as Lambda would ship them to CloudWatch Logs. Read back as parsed JSON so tests assert levels, fields and
 * metrics. (The tests' log4j2-test.xml lets the console appender follow {@code System.setOut}.)
 */
public final class CapturedStdout implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private PrintStream original;

  /** Captures from now until {@link #close()} (try-with-resources). */
  public CapturedStdout() {
    start();
  }

  private CapturedStdout(boolean now) {
    if (now) {
      start();
    }
  }

  /** For {@code @RegisterExtension}: captures from the start to the end of each test. */
  public static CapturedStdout eachTest() {
    return new CapturedStdout(false);
  }

  private void start() {
    synchronized (bytes) {
      bytes.reset();
    }
    original = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    if (original != null) {
      System.out.flush();
      System.setOut(original);
      original = null;
    }
  }

  /** Every line written so far. */
  public List<String> rawLines() {
    System.out.flush();
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }

  /** Every line, each parsed; a line that is not one JSON object fails the test here. */
  public List<JsonNode> lines() {
    List<JsonNode> out = new ArrayList<>();
    for (String line : rawLines()) {
      try {
        JsonNode node = JSON.readTree(line);
        if (node == null || !node.isObject()) {
          throw new AssertionError("stdout line is not a JSON object: " + line);
        }
        out.add(node);
      } catch (IOException e) {
        throw new UncheckedIOException("stdout line is not JSON: " + line, e);
      }
    }
    return out;
  }

  /** The log lines (everything but EMF documents). */
  public List<JsonNode> logLines() {
    return lines().stream().filter(n -> !n.has("_aws")).toList();
  }

  /** The first log line whose {@code level} is {@code level} and whose fields' text equals {@code fields}. */
  public JsonNode line(String level, Map<String, String> fields) {
    Predicate<JsonNode> match = n -> level.equals(n.path("level").asText())
        && fields.entrySet().stream().allMatch(e -> e.getValue().equals(n.path(e.getKey()).asText()));
    List<JsonNode> lines = logLines();
    return lines.stream().filter(match).findFirst().orElseThrow(() -> new AssertionError(
        "no " + level + " line with " + fields + " in " + lines));
  }

  /** The Embedded Metric Format documents written (lines with an {@code _aws} member). */
  public List<JsonNode> metricDocuments() {
    return lines().stream().filter(n -> n.has("_aws")).toList();
  }
}
