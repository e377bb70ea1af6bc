package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorConfigTest {
  private static final String ALIBABA = "Alibaba will invest 380 billion yuan in AI infrastructure over three years.";

  @TempDir Path dir;

  private static BigDecimal usd(Detector d) {
    List<Finding> f = d.detect("Alibaba to invest 380 billion yuan in AI", ALIBABA);
    assertEquals(1, f.size(), f.toString());
    return f.getFirst().amountUsd();
  }

  @Test
  void noSettingsMeansTheSharedDefaultDetector() {
    assertSame(Detector.withDefaults(), DetectorConfig.detector(Map.of()));
  }

  @Test
  void rateOverridesChangeTheUsdAmount() {
    BigDecimal base = usd(Detector.withDefaults());
    BigDecimal overridden = usd(DetectorConfig.detector(Map.of("USD_RATES", "CNY=0.20")));
    assertEquals(0, new BigDecimal("76000000000").compareTo(overridden), overridden.toPlainString());
    assertTrue(base.compareTo(overridden) < 0);
  }

  @Test
  void aWatchlistFileReplacesTheDefaultOne() throws Exception {
    Path file = dir.resolve("watchlist.json");
    Files.writeString(file, """
        {"companies": [{"name": "Naver", "aliases": ["Naver", "Naver Corp"], "country": "KR"}]}
        """);
    Detector d = DetectorConfig.detector(Map.of("WATCHLIST_FILE", file.toString()));
    assertEquals(List.of(), d.detect("Alibaba to invest 380 billion yuan in AI", ALIBABA),
        "Alibaba is not on the custom watchlist");
    List<Finding> naver = d.detect("Naver to invest 1 trillion won in AI data centres",
        "Naver will invest 1 trillion won in AI data centres by 2027.");
    assertEquals("Naver", naver.getFirst().company(), naver.toString());
  }

  @Test
  void badSettingsAreNamedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DetectorConfig.detector(Map.of(
        "USD_RATES", "CNY=abc", "WATCHLIST_FILE", dir.resolve("missing.json").toString())));
    assertTrue(e.getMessage().contains("USD_RATES: 'abc' is not a number"), e.getMessage());
    assertTrue(e.getMessage().contains("WATCHLIST_FILE: "), e.getMessage());
  }
}
