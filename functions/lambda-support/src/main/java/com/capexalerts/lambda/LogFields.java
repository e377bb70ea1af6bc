package com.capexalerts.lambda;

import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * A log line's fields as Powertools structured arguments, each a top-level key of the JSON line:
 * {@code LOG.info("alert published", LogFields.of("event_key", key, "status", "PUBLISHED", "duration_ms", 12))}.
 *
 * <p>Null values are left out (the line says what is known). Values become JSON numbers, booleans, strings, arrays
 * and objects; anything else is written as its string: Powertools would otherwise serialise it with its
 * serialization module, which the function jars leave out.
 */
public final class LogFields {
  private LogFields() {}

  /** Key, value, key, value, ...; a trailing {@link Throwable} is kept last, so it is logged as the line's error. */
  public static Object[] of(Object... keysAndValues) {
    List<Object> args = new ArrayList<>();
    int pairs = keysAndValues.length / 2 * 2;
    for (int i = 0; i < pairs; i += 2) {
      Object value = keysAndValues[i + 1];
      if (value != null) {
        args.add(StructuredArguments.entry((String) keysAndValues[i], plain(value)));
      }
    }
    if (pairs < keysAndValues.length && keysAndValues[pairs] instanceof Throwable error) {
      args.add(error);
    } else if (pairs < keysAndValues.length) {
      throw new IllegalArgumentException("a key without a value: " + keysAndValues[pairs]);
    }
    return args.toArray();
  }

  /** The fields of {@code map} in its order, nulls left out. */
  public static Object[] of(Map<String, ?> map) {
    List<Object> flat = new ArrayList<>();
    map.forEach((k, v) -> {
      flat.add(k);
      flat.add(v);
    });
    return of(flat.toArray());
  }

  static Object plain(Object value) {
    return switch (value) {
      case null -> null;
      case String s -> s;
      case Number n -> n;
      case Boolean b -> b;
      case Duration d -> d.toMillis();
      case TemporalAccessor t -> t.toString();
      case Enum<?> e -> e.name();
      case Map<?, ?> m -> {
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
        yield copy;
      }
      case Collection<?> c -> c.stream().map(LogFields::plain).toList();
      case Object[] a -> java.util.Arrays.stream(a).map(LogFields::plain).toList();
      default -> value.toString();
    };
  }
}
