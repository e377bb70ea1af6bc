package com.capexalerts.cli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.webhook.DeliveryAttempt;
import com.capexalerts.core.webhook.DeliveryLog;
import com.capexalerts.testsupport.contract.DeliveryLogContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDeliveryLogTest extends DeliveryLogContract {
  @TempDir
  Path dir;

  @Override
  protected DeliveryLog newLog() {
    return sameStore();
  }

  @Override
  protected FileDeliveryLog sameStore() {
    return new FileDeliveryLog(dir, clock, LEASE);
  }

  @Override
  protected List<DeliveryAttempt> recentAttempts(String webhookId, int limit) {
    return sameStore().recentAttempts(webhookId, limit);
  }

  @Test
  void expiredEntriesLeaveTheFileAndOnlyTheLatestAttemptsStay() throws Exception {
    FileDeliveryLog log = sameStore();
    EventKey old = new EventKey("old-event");
    log.recordDelivered("w1", old, "d-old", T0);
    for (int i = 1; i <= FileDeliveryLog.ATTEMPTS_KEPT + 5; i++) {
      log.recordAttempt(new DeliveryAttempt("w1", old, "d-old", i, T0.plusSeconds(i), Duration.ofMillis(3), 500,
          "busy"));
    }
    clock.advance(FileDeliveryLog.RETENTION.plusSeconds(1));

    assertFalse(log.alreadyDelivered("w1", new EventKey("new-event")), "a write drops what expired meanwhile");

    assertFalse(Files.readString(dir.resolve(FileDeliveryLog.FILE)).contains("\"old-event\" :"));
    assertFalse(log.alreadyDelivered("w1", old), "forgotten after the retention, like the table's TTL");
    List<DeliveryAttempt> kept = log.recentAttempts("w1", 1_000);
    assertEquals(FileDeliveryLog.ATTEMPTS_KEPT, kept.size());
    assertEquals(FileDeliveryLog.ATTEMPTS_KEPT + 5, kept.getFirst().attempt());
    assertTrue(kept.stream().allMatch(a -> a.statusCode() == 500));
  }
}
