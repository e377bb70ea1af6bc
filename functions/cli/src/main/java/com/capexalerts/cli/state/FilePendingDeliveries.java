package com.capexalerts.cli.state;

import com.capexalerts.core.alert.EventKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Alerts whose webhook deliveries are not settled yet, in {@code webhook-pending.json}: event key to the time it was
 * first expected. The local counterpart of the dispatcher's queue: an event is added before its alert is published
 * and removed once every webhook got it (or refused it for good), so a run that failed or was killed midway leaves it
 * for the next run to deliver. The delivery log keeps a receiver that acknowledged from being posted to again.
 */
public final class FilePendingDeliveries {
  static final String FILE = "webhook-pending.json";
  private final StateDirectory dir;

  public FilePendingDeliveries(Path stateDirectory) {
    this.dir = new StateDirectory(stateDirectory);
  }

  /** Adds the events not pending yet. */
  public void expect(Collection<EventKey> keys, Instant at) {
    if (keys.isEmpty()) {
      return;
    }
    dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      boolean changed = false;
      for (EventKey key : keys) {
        if (!all.has(key.value())) {
          all.put(key.value(), at.toString());
          changed = true;
        }
      }
      if (changed) {
        dir.write(FILE, all);
      }
      return null;
    });
  }

  /** The pending events, in the order they were added, with the time each was first expected. */
  public Map<EventKey, Instant> pending() {
    return dir.locked(() -> {
      Map<EventKey, Instant> pending = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : dir.read(FILE).properties()) {
        pending.put(new EventKey(e.getKey()), Instant.parse(e.getValue().asText()));
      }
      return pending;
    });
  }

  /** The event's deliveries are settled. */
  public void settled(EventKey key) {
    dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      if (all.remove(key.value()) != null) {
        dir.write(FILE, all);
      }
      return null;
    });
  }
}
