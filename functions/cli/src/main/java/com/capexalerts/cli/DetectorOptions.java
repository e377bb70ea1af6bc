package com.capexalerts.cli;

import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.detect.DetectorConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The detector options shared by detect, score and run. They set the same names the Lambda functions read from
 * their environment (WATCHLIST_FILE, USD_RATES_FILE, USD_RATES), which also work here as environment variables.
 */
final class DetectorOptions {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--watchlist", paramLabel = "FILE",
      description = "watchlist JSON replacing the bundled one (env WATCHLIST_FILE)")
  Path watchlist;

  @Option(names = "--rates", paramLabel = "FILE",
      description = "USD rate table JSON replacing the bundled one (env USD_RATES_FILE)")
  Path rates;

  @Option(names = "--usd-rates", paramLabel = "LIST",
      description = "rate overrides in US dollars per unit, e.g. CNY=0.1385,JPY=0.0066 (env USD_RATES)")
  String usdRates;

  /** The settings by name: the environment's, then the options'. */
  Map<String, String> settings() {
    Map<String, String> s = new HashMap<>();
    for (String name : new String[] {DetectorConfig.WATCHLIST_FILE, DetectorConfig.USD_RATES_FILE,
        DetectorConfig.USD_RATES}) {
      String v = System.getenv(name);
      if (v != null) {
        s.put(name, v);
      }
    }
    if (watchlist != null) {
      s.put(DetectorConfig.WATCHLIST_FILE, watchlist.toString());
    }
    if (rates != null) {
      s.put(DetectorConfig.USD_RATES_FILE, rates.toString());
    }
    if (usdRates != null) {
      s.put(DetectorConfig.USD_RATES, usdRates);
    }
    return s;
  }

  Detector detector() {
    try {
      return DetectorConfig.detector(settings());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
