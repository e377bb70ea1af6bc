package com.capexalerts.cli.state;

import com.capexalerts.core.poll.SeenItemStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seen items in {@code seen-items.json}: item key to expiry (epoch seconds). Expired records count as unseen and are
 * dropped on the next write, like the DynamoDB TTL.
 */
public final class FileSeenItemStore implements SeenItemStore {
  static final String FILE = "seen-items.json";
  private final StateDirectory dir;
  private final Clock clock;

  FileSeenItemStore(StateDirectory dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  public FileSeenItemStore(Path stateDirectory, Clock clock) {
    this(new StateDirectory(stateDirectory), clock);
  }

  @Override
  public Set<String> alreadySeen(Collection<String> itemKeys) {
    long now = clock.instant().getEpochSecond();
    return dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      Set<String> seen = new HashSet<>();
      for (String key : itemKeys) {
        JsonNode expires = all.get(key);
        if (expires != null && expires.asLong() > now) {
          seen.add(key);
        }
      }
      return seen;
    });
  }

  @Override
  public void markSeen(Collection<String> itemKeys, Instant expiresAt) {
    long now = clock.instant().getEpochSecond();
    dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      List<String> expired = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : all.properties()) {
        if (e.getValue().asLong() <= now) {
          expired.add(e.getKey());
        }
      }
      all.remove(expired);
      itemKeys.forEach(key -> all.put(key, expiresAt.getEpochSecond()));
      dir.write(FILE, all);
      return null;
    });
  }
}
