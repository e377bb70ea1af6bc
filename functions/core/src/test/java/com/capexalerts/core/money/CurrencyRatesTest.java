package com.capexalerts.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyRatesTest {

  @Test
  void defaultTableStatesItsDateAndSource() {
    CurrencyRates rates = CurrencyRates.defaults();
    assertNotNull(rates.asOf());
    assertTrue(rates.source().contains("ECB"), rates.source());
    assertEquals(BigDecimal.ONE, rates.usdPerUnit().get("USD"));
  }

  /** Every currency the parser can produce has a rate, so no figure is lost for want of one. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "USD", "EUR", "GBP", "JPY", "CNY", "KRW", "INR", "AUD", "CAD", "SGD", "HKD", "TWD", "NZD", "BRL", "AED",
        "MYR", "SAR", "CHF", "THB", "IDR", "SEK", "NOK", "DKK", "ZAR", "PLN", "MXN", "QAR", "PHP"
      })
  void defaultTableCoversEveryParsedCurrency(String code) {
    assertTrue(CurrencyRates.defaults().supports(code), code);
  }

  @Test
  void convertsYuanToWholeDollars() {
    BigDecimal usd = CurrencyRates.defaults().toUsd(new BigDecimal("380000000000"), "CNY");
    assertTrue(usd.compareTo(new BigDecimal("50e9")) > 0 && usd.compareTo(new BigDecimal("56e9")) < 0, usd::toString);
    assertEquals(0, usd.scale());
  }

  @Test
  void overridesReplaceSomeRatesAndKeepTheRest() {
    CurrencyRates rates = CurrencyRates.defaults().withOverrides(Map.of("CNY", new BigDecimal("0.1")));
    assertEquals(new BigDecimal("38000000000"), rates.toUsd(new BigDecimal("380000000000"), "CNY"));
    assertEquals(
        CurrencyRates.defaults().toUsd(BigDecimal.TEN, "EUR"), rates.toUsd(BigDecimal.TEN, "EUR"));
  }

  @Test
  void unknownCurrencyIsAClearError() {
    CurrencyRates rates = CurrencyRates.of(Map.of("EUR", new BigDecimal("1.1")), LocalDate.of(2025, 1, 1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> rates.toUsd(BigDecimal.ONE, "JPY"));
    assertTrue(e.getMessage().contains("JPY"), e.getMessage());
  }

  @Test
  void readsATableFromAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("rates.json");
    Files.writeString(file, "{\"rates_as_of\": \"2026-11-01\", \"usd_per_unit\": {\"EUR\": 1.2}}");
    CurrencyRates rates = CurrencyRates.fromJson(file);
    assertEquals(LocalDate.of(2026, 11, 1), rates.asOf());
    assertEquals(new BigDecimal("12"), rates.toUsd(BigDecimal.TEN, "EUR"));
    assertEquals(new BigDecimal("10"), rates.toUsd(BigDecimal.TEN, "USD"));
  }

  @Test
  void badTablesNameWhereAndWhy() {
    IllegalArgumentException notNumber =
        assertThrows(IllegalArgumentException.class, () -> read("{\"usd_per_unit\": {\"EUR\": \"high\"}}"));
    assertTrue(notNumber.getMessage().startsWith("my-rates.json: usd_per_unit.EUR"), notNumber.getMessage());
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> read("{\"usd_per_unit\": {\"EUR\": -1}}"));
    assertTrue(negative.getMessage().contains("EUR must be positive"), negative.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> read("{}"));
    assertTrue(missing.getMessage().contains("usd_per_unit"), missing.getMessage());
    IllegalArgumentException date =
        assertThrows(
            IllegalArgumentException.class, () -> read("{\"rates_as_of\": \"soon\", \"usd_per_unit\": {}}"));
    assertTrue(date.getMessage().contains("rates_as_of"), date.getMessage());
  }

  private static CurrencyRates read(String json) throws IOException {
    return CurrencyRates.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "my-rates.json");
  }
}
