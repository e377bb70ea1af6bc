package com.capexalerts.cli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.capexalerts.core.webhook.WebhookRegistry;
import com.capexalerts.testsupport.contract.WebhookRegistryContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWebhookRegistryTest extends WebhookRegistryContract {
  @TempDir
  Path dir;

  @Override
  protected WebhookRegistry newRegistry(Consumer<String> warnings) {
    return new FileWebhookRegistry(dir, warnings);
  }

  @Override
  protected void writeUnreadableWebhook(String id) {
    StateDirectory state = new StateDirectory(dir);
    state.locked(() -> {
      var all = state.read(FileWebhookRegistry.FILE);
      all.putObject(id).put("url", "https://hooks.example.com/x").put("format", "carrier-pigeon");
      state.write(FileWebhookRegistry.FILE, all);
      return null;
    });
  }

  @Test
  void theFileWithTheSecretsIsReadableByItsOwnerOnly() throws Exception {
    new FileWebhookRegistry(dir, w -> { }).create(webhook("w1"));

    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(dir.resolve(FileWebhookRegistry.FILE)));
  }
}
