package com.capexalerts.core.ledger;

import com.capexalerts.core.alert.EventKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The ledger as JSON Lines: the bundled seed, {@code ledger import} and {@code ledger export}. One commitment a line:
 * {@code {"company","amount","currency","amount_usd","date","period","what","link"}}, and on export also
 * {@code "key","origin","first_seen","sources"}. A line without {@code key} gets the event-style key
 * (company-date-amount); without {@code origin} it is a seed entry.
 */
public final class LedgerFile {
  /** The bundled seed: the public record of the watched companies' AI commitments, 2023–2026. */
  public static final String BUNDLED = "/com/capexalerts/core/ledger/seed-ledger.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private LedgerFile() {}

  /** Entries read, and one message per bad line ("name:line: why"); bad lines are skipped. */
  public record Read(List<Commitment> entries, List<String> errors) {}

  /** A seed and the name a ledger records for it. */
  public record Seed(String name, java.util.function.Supplier<List<Commitment>> entries) {}

  /**
   * The seed named by {@code spec}: null, blank or "bundled" is the bundled file, "none" an empty ledger, anything
   * else a JSON Lines file (read when first needed; bad lines go to {@code errors} and are skipped).
   */
  public static Seed seed(String spec, java.util.function.Consumer<String> errors) {
    String s = spec == null ? "" : spec.strip();
    if (s.isEmpty() || s.equals("bundled")) {
      return new Seed("bundled", LedgerFile::bundled);
    }
    if (s.equals("none")) {
      return new Seed("none", List::of);
    }
    java.nio.file.Path file = java.nio.file.Path.of(s);
    return new Seed(file.getFileName().toString(), () -> {
      try (BufferedReader r = java.nio.file.Files.newBufferedReader(file)) {
        Read read = read(r, file.toString(), Instant.now());
        read.errors().forEach(errors);
        return read.entries();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read ledger seed " + file + ": " + e.getMessage(), e);
      }
    });
  }

  /** The bundled seed; its lines are checked by tests, so an error here is a bug. */
  public static List<Commitment> bundled() {
    try (InputStream in = LedgerFile.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("bundled seed ledger " + BUNDLED + " is missing from the classpath");
      }
      Read read = read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), "seed-ledger.jsonl",
          Instant.now());
      if (!read.errors().isEmpty()) {
        throw new IllegalStateException("bundled seed ledger is malformed: " + read.errors());
      }
      return read.entries();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @param firstSeen first-seen time of entries that carry none (seed lines): when they were loaded
   */
  public static Read read(BufferedReader reader, String name, Instant firstSeen) throws IOException {
    List<Commitment> entries = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      try {
        entries.add(fromJson(JSON.readTree(line), firstSeen));
      } catch (IOException | RuntimeException e) {
        errors.add(name + ":" + number + ": " + e.getMessage());
      }
    }
    return new Read(List.copyOf(entries), List.copyOf(errors));
  }

  static Commitment fromJson(JsonNode n, Instant defaultFirstSeen) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    String company = required(n, "company");
    BigDecimal usd = number(n, "amount_usd");
    LocalDate date;
    try {
      date = LocalDate.parse(required(n, "date"));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("date must be YYYY-MM-DD, got '" + n.get("date").asText() + "'");
    }
    String key = text(n, "key");
    if (key == null) {
      key = EventKeys.derive(company, date.atStartOfDay().toInstant(ZoneOffset.UTC), usd).value();
    }
    String origin = text(n, "origin");
    String seen = text(n, "first_seen");
    return new Commitment(key, company, n.has("amount") ? number(n, "amount") : usd,
        text(n, "currency") == null ? "USD" : text(n, "currency"), usd, text(n, "period"), text(n, "what"), date,
        seen == null ? defaultFirstSeen : Instant.parse(seen), text(n, "link"),
        origin == null ? CommitmentOrigin.SEED : CommitmentOrigin.fromWire(origin),
        n.has("sources") ? n.get("sources").asInt() : 0);
  }

  public static String toLine(Commitment c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("key", c.key());
    n.put("company", c.company());
    n.put("amount", c.amount());
    n.put("currency", c.currency());
    n.put("amount_usd", c.amountUsd());
    n.put("date", c.announced().toString());
    if (c.period() != null) {
      n.put("period", c.period());
    }
    n.put("what", c.what());
    if (c.link() != null) {
      n.put("link", c.link());
    }
    n.put("origin", c.origin().wireName());
    n.put("first_seen", c.firstSeen().toString());
    n.put("sources", c.sources());
    try {
      return JSON.writeValueAsString(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String required(JsonNode n, String field) {
    String v = text(n, field);
    if (v == null) {
      throw new IllegalArgumentException("missing \"" + field + "\"");
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
  }

  private static BigDecimal number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException("\"" + field + "\" must be a number");
    }
    return v.decimalValue();
  }
}
