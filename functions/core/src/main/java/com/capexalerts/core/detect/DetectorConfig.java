package com.capexalerts.core.detect;

import com.capexalerts.core.company.Watchlist;
import com.capexalerts.core.money.CurrencyRates;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The detector's configuration by name, the same for the Lambda functions (environment variables) and the CLI
 * (options that set the same names):
 *
 * <ul>
 *   <li>WATCHLIST_FILE: a watchlist JSON replacing the default one (same format as the bundled watchlist.json)
 *   <li>USD_RATES_FILE: a rate table JSON replacing the default one (same format as the bundled usd-rates.json)
 *   <li>USD_RATES: overrides on top, "CNY=0.1385,JPY=0.0066" (US dollars per unit)
 * </ul>
 */
public final class DetectorConfig {
  public static final String WATCHLIST_FILE = "WATCHLIST_FILE";
  public static final String USD_RATES_FILE = "USD_RATES_FILE";
  public static final String USD_RATES = "USD_RATES";

  private DetectorConfig() {}

  /** The failure's message, with the file named when the message does not name it already. */
  private static String naming(String file, Exception e) {
    String message = String.valueOf(e.getMessage());
    return message.contains(file) ? message : file + ": " + message;
  }

  /**
   * The detector these settings describe; the shared default one when none is set.
   *
   * @throws IllegalArgumentException naming each bad setting and why
   */
  public static Detector detector(Map<String, String> config) {
    String watchlistFile = value(config, WATCHLIST_FILE);
    String ratesFile = value(config, USD_RATES_FILE);
    String overrides = value(config, USD_RATES);
    if (watchlistFile == null && ratesFile == null && overrides == null) {
      return Detector.withDefaults();
    }
    List<String> errors = new ArrayList<>();
    Watchlist watchlist = Watchlist.defaults();
    CurrencyRates rates = CurrencyRates.defaults();
    if (watchlistFile != null) {
      try {
        watchlist = Watchlist.fromJson(Path.of(watchlistFile));
      } catch (IOException | RuntimeException e) {
        errors.add(WATCHLIST_FILE + ": " + naming(watchlistFile, e));
      }
    }
    if (ratesFile != null) {
      try {
        rates = CurrencyRates.fromJson(Path.of(ratesFile));
      } catch (IOException | RuntimeException e) {
        errors.add(USD_RATES_FILE + ": " + naming(ratesFile, e));
      }
    }
    if (overrides != null) {
      try {
        rates = rates.withOverrides(parseRates(overrides));
      } catch (RuntimeException e) {
        errors.add(USD_RATES + ": " + e.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("invalid detector configuration: " + String.join("; ", errors));
    }
    return Detector.builder().watchlist(watchlist).rates(rates).build();
  }

  /** "CNY=0.1385, JPY=0.0066" → {CNY: 0.1385, JPY: 0.0066}. */
  static Map<String, BigDecimal> parseRates(String text) {
    Map<String, BigDecimal> rates = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] kv = part.split("=", 2);
      String code = kv[0].strip().toUpperCase(Locale.ROOT);
      if (kv.length != 2 || !code.matches("[A-Z]{3}")) {
        throw new IllegalArgumentException("'" + part.strip() + "' is not CODE=USD_PER_UNIT (e.g. CNY=0.1385)");
      }
      BigDecimal rate;
      try {
        rate = new BigDecimal(kv[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + kv[1].strip() + "' is not a number (rate of " + code + ")");
      }
      if (rate.signum() <= 0) {
        throw new IllegalArgumentException("the rate of " + code + " must be positive, was " + rate);
      }
      rates.put(code, rate);
    }
    return rates;
  }

  private static String value(Map<String, String> config, String name) {
    String v = config.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
