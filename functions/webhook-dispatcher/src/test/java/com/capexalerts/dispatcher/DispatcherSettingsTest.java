package com.capexalerts.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.aws.dynamo.WebhookTables;
import com.capexalerts.core.webhook.WebhookDispatch;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherSettingsTest {
  private static final Map<String, String> TABLES = Map.of("WEBHOOKS_TABLE", "w", "DELIVERIES_TABLE", "d");

  @Test
  void defaultsFitTheFunctionTimeout() {
    DispatcherSettings s = DispatcherSettings.fromEnv(TABLES);

    assertEquals(new WebhookTables("w", "d"), s.tables());
    assertEquals(4, s.delivery().maxAttempts());
    assertEquals(5, s.delivery().disableAfterFailures());
    assertEquals(Duration.ofSeconds(30), s.delivery().retryBudget());
    Duration longestMessage = s.delivery().retryBudget().plus(s.delivery().connectTimeout())
        .plus(s.delivery().requestTimeout());
    Duration longestBatch = longestMessage.multipliedBy(TemplateTest.batchSize());
    assertTrue(longestBatch.compareTo(TemplateTest.functionTimeout()) < 0,
        "a batch of messages one after the other (" + longestBatch + ") must end within the function timeout");
    assertTrue(WebhookDispatch.claimLease(s.delivery()).compareTo(TemplateTest.visibilityTimeout()) < 0,
        "a failed message comes back after its claim has expired");
  }

  @Test
  void variablesOverrideTheDefaults() {
    DispatcherSettings s = DispatcherSettings.fromEnv(Map.of("WEBHOOKS_TABLE", "w", "DELIVERIES_TABLE", "d",
        "MAX_ATTEMPTS", "2", "RETRY_BUDGET", "PT10S", "DISABLE_AFTER_FAILURES", " 3 "));

    assertEquals(2, s.delivery().maxAttempts());
    assertEquals(Duration.ofSeconds(10), s.delivery().retryBudget());
    assertEquals(3, s.delivery().disableAfterFailures());
  }

  @Test
  void everyBadVariableIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DispatcherSettings.fromEnv(
        Map.of("WEBHOOKS_TABLE", "w", "MAX_ATTEMPTS", "0", "RETRY_BUDGET", "30s", "DISABLE_AFTER_FAILURES", "x")));

    String m = e.getMessage();
    assertTrue(m.contains("DELIVERIES_TABLE is not set"), m);
    assertTrue(m.contains("MAX_ATTEMPTS must be a whole number from 1 to 10, got '0'"), m);
    assertTrue(m.contains("RETRY_BUDGET must be an ISO-8601 duration like PT30S, got '30s'"), m);
    assertTrue(m.contains("DISABLE_AFTER_FAILURES must be a whole number from 1 to 1000, got 'x'"), m);
  }
}
