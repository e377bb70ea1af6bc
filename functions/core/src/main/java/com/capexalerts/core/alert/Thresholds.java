package com.capexalerts.core.alert;

import com.capexalerts.core.detect.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The smallest USD amount worth an alert: one global minimum and optional per-company minimums.
 *
 * @param globalMinimumUsd applies to every company without an override
 * @param companyMinimums  lower-cased canonical company name to its minimum
 */
public record Thresholds(BigDecimal globalMinimumUsd, Map<String, BigDecimal> companyMinimums) {
  public static final BigDecimal ONE_BILLION = new BigDecimal("1000000000");
  /** No commitment comes near; a larger minimum is a typo, and 1e999999999 written out would exhaust the heap. */
  public static final BigDecimal MAX_MINIMUM_USD = new BigDecimal("1e15");

  public Thresholds {
    Objects.requireNonNull(globalMinimumUsd, "globalMinimumUsd");
    if (globalMinimumUsd.signum() < 0) {
      throw new IllegalArgumentException("minimum must not be negative: " + globalMinimumUsd.toPlainString());
    }
    Map<String, BigDecimal> normalised = new LinkedHashMap<>();
    (companyMinimums == null ? Map.<String, BigDecimal>of() : companyMinimums).forEach((company, min) -> {
      if (company == null || company.isBlank()) {
        throw new IllegalArgumentException("company name must not be blank");
      }
      if (min == null || min.signum() < 0) {
        throw new IllegalArgumentException(company + ": minimum must be a non-negative number");
      }
      normalised.put(company.strip().toLowerCase(Locale.ROOT), min);
    });
    companyMinimums = Map.copyOf(normalised);
  }

  /** One billion US dollars for everyone. */
  public static Thresholds defaults() {
    return new Thresholds(ONE_BILLION, Map.of());
  }

  public BigDecimal minimumFor(String company) {
    return companyMinimums.getOrDefault(company.strip().toLowerCase(Locale.ROOT), globalMinimumUsd);
  }

  /** True when the finding's USD amount reaches its company's minimum (the minimum itself counts). */
  public boolean passes(Finding finding) {
    return finding.amountUsd().compareTo(minimumFor(finding.company())) >= 0;
  }

  /**
   * Reads a global minimum and overrides as written in configuration.
   *
   * @param globalUsd a plain number ("1000000000", "1e9"), or null/blank for one billion
   * @param overrides "Nvidia=5000000000,Apple=2e9" or a JSON object {"Nvidia": 5000000000}, or null/blank
   * @throws IllegalArgumentException saying which entry is wrong and why
   */
  public static Thresholds parse(String globalUsd, String overrides) {
    BigDecimal global = globalUsd == null || globalUsd.isBlank() ? ONE_BILLION : amount(globalUsd.strip(), "minimum");
    Map<String, BigDecimal> companies = new LinkedHashMap<>();
    if (overrides != null && !overrides.isBlank()) {
      String text = overrides.strip();
      if (text.startsWith("{")) {
        JsonNode json;
        try {
          json = new ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
        }
        for (Map.Entry<String, JsonNode> e : json.properties()) {
          JsonNode value = e.getValue();
          if (!value.isNumber() && !value.isTextual()) {
            throw new IllegalArgumentException(e.getKey() + ": minimum must be a number, was " + value);
          }
          companies.put(e.getKey(), amount(value.asText(), e.getKey()));
        }
      } else {
        for (String entry : text.split(",")) {
          if (entry.isBlank()) {
            continue;
          }
          int eq = entry.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("'" + entry.strip() + "': expected Company=amount");
          }
          String company = entry.substring(0, eq).strip();
          companies.put(company, amount(entry.substring(eq + 1).strip(), company));
        }
      }
    }
    return new Thresholds(global, companies);
  }

  private static BigDecimal amount(String text, String what) {
    try {
      BigDecimal value = new BigDecimal(text.replace("_", ""));
      if (value.signum() < 0) {
        throw new IllegalArgumentException(what + ": minimum must not be negative, was '" + text + "'");
      }
      if (value.compareTo(MAX_MINIMUM_USD) > 0) {
        throw new IllegalArgumentException(what + ": minimum must be at most 1e15 (a thousand trillion dollars), was '"
            + text + "'");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + ": '" + text + "' is not a number (write 5000000000 or 5e9)");
    }
  }
}
