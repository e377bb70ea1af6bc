package com.capexalerts.core.money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * US dollars per unit of each currency, with the date the rates describe. The default table is the resource
 * {@code com/capexalerts/core/usd-rates.json} (approximate ECB/Fed reference rates; its "source" field says so).
 * Immutable and thread-safe.
 */
public final class CurrencyRates {
  private static final String DEFAULT_RESOURCE = "/com/capexalerts/core/usd-rates.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, BigDecimal> usdPerUnit;
  private final LocalDate asOf;
  private final String source;

  private CurrencyRates(Map<String, BigDecimal> usdPerUnit, LocalDate asOf, String source) {
    TreeMap<String, BigDecimal> copy = new TreeMap<>();
    usdPerUnit.forEach(
        (code, rate) -> {
          Objects.requireNonNull(rate, () -> "rate of " + code);
          if (!code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency code must be 3 capital letters, was '" + code + "'");
          }
          if (rate.signum() <= 0) {
            throw new IllegalArgumentException("rate of " + code + " must be positive, was " + rate);
          }
          copy.put(code, rate);
        });
    copy.put("USD", BigDecimal.ONE);
    this.usdPerUnit = java.util.Collections.unmodifiableMap(copy);
    this.asOf = asOf;
    this.source = source;
  }

  private static final class Holder {
    static final CurrencyRates DEFAULTS = loadDefaults();

    private static CurrencyRates loadDefaults() {
      try (InputStream in = CurrencyRates.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
        }
        return fromJson(in, DEFAULT_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
      }
    }
  }

  /** The bundled rate table. */
  public static CurrencyRates defaults() {
    return Holder.DEFAULTS;
  }

  /** A table from code to US dollars per unit. */
  public static CurrencyRates of(Map<String, BigDecimal> usdPerUnit, LocalDate asOf) {
    return new CurrencyRates(usdPerUnit, asOf, "given in code");
  }

  /** Reads a table in the format of the bundled resource; errors name {@code where} and the bad field. */
  public static CurrencyRates fromJson(InputStream in, String where) throws IOException {
    JsonNode root = JSON.readTree(in);
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(where + ": expected a JSON object");
    }
    JsonNode rates = root.get("usd_per_unit");
    if (rates == null || !rates.isObject()) {
      throw new IllegalArgumentException(where + ": missing object \"usd_per_unit\"");
    }
    LocalDate asOf = null;
    JsonNode date = root.get("rates_as_of");
    if (date != null && !date.isNull()) {
      try {
        asOf = LocalDate.parse(date.asText());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(where + ": rates_as_of is not a date (YYYY-MM-DD): " + date.asText(), e);
      }
    }
    Map<String, BigDecimal> map = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : rates.properties()) {
      if (!e.getValue().isNumber()) {
        throw new IllegalArgumentException(where + ": usd_per_unit." + e.getKey() + " is not a number");
      }
      map.put(e.getKey(), e.getValue().decimalValue());
    }
    JsonNode src = root.get("source");
    try {
      return new CurrencyRates(map, asOf, src == null ? where : src.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  /** Reads a table file (same format as the bundled resource). */
  public static CurrencyRates fromJson(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return fromJson(in, file.toString());
    }
  }

  /** This table with some rates replaced or added. */
  public CurrencyRates withOverrides(Map<String, BigDecimal> overrides) {
    Map<String, BigDecimal> merged = new TreeMap<>(usdPerUnit);
    merged.putAll(overrides);
    return new CurrencyRates(merged, asOf, source + " (with overrides)");
  }

  public boolean supports(String currency) {
    return usdPerUnit.containsKey(currency);
  }

  /**
   * {@code value} units of {@code currency} in whole US dollars.
   *
   * @throws IllegalArgumentException when the table has no rate for the currency
   */
  public BigDecimal toUsd(BigDecimal value, String currency) {
    BigDecimal rate = usdPerUnit.get(currency);
    if (rate == null) {
      throw new IllegalArgumentException("no USD rate for currency " + currency + " (rates as of " + asOf + ")");
    }
    return value.multiply(rate).setScale(0, RoundingMode.HALF_UP);
  }

  public Map<String, BigDecimal> usdPerUnit() {
    return usdPerUnit;
  }

  /** The date the rates describe, or null when the table does not say. */
  public LocalDate asOf() {
    return asOf;
  }

  public String source() {
    return source;
  }
}
