package com.capexalerts.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventKeysTest {
  @ParameterizedTest
  @CsvSource({
      "Alibaba, 2025-02-24T23:59:59Z, 52600000000, alibaba-2025-02-24-53b",
      "Alibaba, 2025-02-25T00:00:00Z, 53400000000, alibaba-2025-02-25-53b",
      "Microsoft, 2025-01-03T12:00:00Z, 80000000000, microsoft-2025-01-03-80b",
      "Alphabet Inc., 2025-02-04T12:00:00Z, 1450000000, alphabet-inc-2025-02-04-1.5b",
      "Nvidia, 2025-02-04T12:00:00Z, 1000000000, nvidia-2025-02-04-1b",
      "Nvidia, 2025-02-04T12:00:00Z, 9960000000, nvidia-2025-02-04-10b",
      "SoftBank, 2025-02-04T12:00:00Z, 750000000, softbank-2025-02-04-750m",
      "Société Générale, 2025-02-04T12:00:00Z, 500000000000, societe-generale-2025-02-04-500b",
      "Stargate, 2025-01-21T12:00:00Z, 500000, stargate-2025-01-21-500000usd",
  })
  void keysAreReadableAndDeterministic(String company, String published, String usd, String expected) {
    assertEquals(new EventKey(expected), EventKeys.derive(company, Instant.parse(published), new BigDecimal(usd)));
  }
}
