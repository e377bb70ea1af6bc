package com.capexalerts.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.FindingKind;
import com.capexalerts.core.money.MoneyAmount;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdsTest {
  private static Finding finding(String company, String usd) {
    return new Finding(company, FindingKind.ANNOUNCEMENT, new MoneyAmount(new BigDecimal(usd), "USD", "$" + usd),
        new BigDecimal(usd), null, "evidence", false);
  }

  @Test
  void defaultIsOneBillionInclusive() {
    Thresholds t = Thresholds.defaults();

    assertTrue(t.passes(finding("Microsoft", "1000000000")));
    assertFalse(t.passes(finding("Microsoft", "999999999.99")));
  }

  @Test
  void overridesApplyPerCompanyIgnoringCase() {
    Thresholds t = Thresholds.parse(null, "Nvidia=5000000000, Apple=2e9");

    assertEquals(new BigDecimal("5000000000"), t.minimumFor("NVIDIA"));
    assertFalse(t.passes(finding("Nvidia", "4000000000")));
    assertTrue(t.passes(finding("Nvidia", "5000000000")));
    assertFalse(t.passes(finding("Apple", "1500000000")));
    assertTrue(t.passes(finding("Meta", "1500000000")), "others keep the global minimum");
  }

  @Test
  void jsonOverridesAndGlobalMinimum() {
    Thresholds t = Thresholds.parse("2_000_000_000", "{\"Nvidia\": 5000000000, \"Apple\": \"3e9\"}");

    assertEquals(new BigDecimal("2000000000"), t.globalMinimumUsd());
    assertEquals(0, new BigDecimal("3e9").compareTo(t.minimumFor("apple")));
    assertEquals(new BigDecimal("5000000000"), t.minimumFor("nvidia"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Nvidia", "Nvidia=", "=5", "Nvidia=five", "Nvidia=-1", "{\"Nvidia\": true}", "{bad"})
  void badOverridesSayWhichEntry(String overrides) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Thresholds.parse(null, overrides));
    assertFalse(e.getMessage().isBlank());
  }

  @Test
  void badGlobalMinimumIsExplained() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Thresholds.parse("1 billion", null));
    assertTrue(e.getMessage().contains("'1 billion' is not a number"), e.getMessage());
  }
}
