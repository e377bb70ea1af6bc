package com.capexalerts.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.logging.argument.StructuredArgument;

class LogFieldsTest {
  @Test
  void nullsAreLeftOutAndATrailingExceptionStaysLast() {
    IllegalStateException boom = new IllegalStateException("boom");
    Object[] args = LogFields.of("event_key", "k", "message_id", null, "duration_ms", 12L, boom);

    assertEquals(3, args.length);
    assertTrue(args[0] instanceof StructuredArgument && args[0].toString().contains("event_key"));
    assertTrue(args[1].toString().contains("duration_ms"), args[1].toString());
    assertSame(boom, args[2]);
  }

  @Test
  void valuesBecomeJsonReadyTypes() {
    Instant at = Instant.parse("2026-01-05T10:00:00Z");
    Map<Object, Object> nested = new LinkedHashMap<>();
    nested.put(1, Duration.ofSeconds(2));

    assertEquals(at.toString(), LogFields.plain(at));
    assertEquals(2000L, LogFields.plain(Duration.ofSeconds(2)));
    assertEquals("SECONDS", LogFields.plain(java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(Map.of("1", 2000L), LogFields.plain(nested));
    assertEquals(List.of("a", 5), LogFields.plain(new Object[] {"a", 5}));
    assertEquals("x@y", LogFields.plain(new Object() {
      @Override
      public String toString() {
        return "x@y";
      }
    }));
  }

  @Test
  void aKeyWithoutAValueIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> LogFields.of("a", 1, "dangling"));
  }

  @Test
  void aMapGivesItsEntriesInOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1);
    m.put("a", null);
    m.put("c", "x");
    Object[] args = LogFields.of(m);
    assertEquals(2, args.length);
    assertTrue(args[0].toString().startsWith("b"), args[0].toString());
    assertTrue(args[1].toString().startsWith("c"), args[1].toString());
  }
}
