package com.capexalerts.core.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A small structured logger: one JSON object per line with {@code timestamp}, {@code level}, {@code logger},
 * {@code message} and the caller's fields ({@code feed}, {@code event_key}, {@code status}, {@code duration_ms}, ...).
 * Lines below the level in {@code AWS_LAMBDA_LOG_LEVEL} (set by the template's ApplicationLogLevel) are dropped, so
 * CloudWatch filters such as {@code { $.level = "ERROR" }} and Logs Insights see real fields and levels.
 */
public final class JsonLog {
  public enum Level { DEBUG, INFO, WARN, ERROR }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String logger;
  private final Consumer<String> out;
  private final Clock clock;
  private final Level threshold;
  private volatile String requestId;

  public JsonLog(String logger, PrintStream out, Clock clock, Level threshold) {
    this(logger, lineTo(Objects.requireNonNull(out, "out")), clock, threshold);
  }

  /** Lines to any sink (the local API server's console, say); each call gets one complete JSON line. */
  public JsonLog(String logger, Consumer<String> out, Clock clock, Level threshold) {
    this.logger = Objects.requireNonNull(logger, "logger");
    this.out = Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.threshold = threshold == null ? Level.INFO : threshold;
  }

  /** A logger on stdout at the level Lambda passes in {@code AWS_LAMBDA_LOG_LEVEL} (INFO when unset). */
  public static JsonLog stdout(String logger, Map<String, String> env) {
    return new JsonLog(logger, System.out, Clock.systemUTC(), level(env.get("AWS_LAMBDA_LOG_LEVEL")));
  }

  private static Consumer<String> lineTo(PrintStream out) {
    return line -> {
      out.println(line);
      out.flush();
    };
  }

  static Level level(String name) {
    if (name == null || name.isBlank()) {
      return Level.INFO;
    }
    return switch (name.strip().toUpperCase(Locale.ROOT)) {
      case "TRACE", "DEBUG" -> Level.DEBUG;
      case "WARN", "WARNING" -> Level.WARN;
      case "ERROR", "FATAL" -> Level.ERROR;
      default -> Level.INFO;
    };
  }

  /** The invocation's request id, added to every following line as {@code AWSRequestId}. */
  public void requestId(String id) {
    this.requestId = id;
  }

  public boolean enabled(Level level) {
    return level.compareTo(threshold) >= 0;
  }

  public void info(String message, Map<String, ?> fields) {
    log(Level.INFO, message, fields);
  }

  public void warn(String message, Map<String, ?> fields) {
    log(Level.WARN, message, fields);
  }

  public void error(String message, Map<String, ?> fields) {
    log(Level.ERROR, message, fields);
  }

  public void log(Level level, String message, Map<String, ?> fields) {
    if (!enabled(level)) {
      return;
    }
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("timestamp", clock.instant().toString());
    line.put("level", level.name());
    line.put("logger", logger);
    line.put("message", message);
    if (fields != null) {
      fields.forEach((k, v) -> {
        if (v != null && !line.containsKey(k)) {
          line.put(k, v);
        }
      });
    }
    if (requestId != null) {
      line.put("AWSRequestId", requestId);
    }
    out.accept(write(line));
  }

  /** Writes one raw JSON object line (an Embedded Metric Format document, say), unfiltered. */
  public void raw(Map<String, ?> document) {
    out.accept(write(document));
  }

  private static String write(Map<String, ?> line) {
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      return "{\"level\":\"ERROR\",\"message\":\"log line not serialisable: " + e.getOriginalMessage()
          .replace('"', '\'') + "\"}";
    }
  }
}
