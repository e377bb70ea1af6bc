package com.capexalerts.cli.state;

import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.webhook.DeliveryAttempt;
import com.capexalerts.core.webhook.DeliveryInProgressException;
import com.capexalerts.core.webhook.DeliveryLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The delivery log in {@code deliveries.json}, with the semantics of the DynamoDB one: a claim with a lease (taken
 * under the state directory's lock, so two local processes cannot both send), a delivered marker, and the latest
 * attempts per webhook for diagnosis.
 *
 * <pre>{"events": {webhook id: {event key: {state, lease_until | delivery_id + delivered_at, expires_at}}},
 *  "attempts": {webhook id: [attempt, ... newest last]}}</pre>
 *
 * Entries expire like the table's items ({@link #RETENTION}); expired ones are dropped whenever the file is written.
 */
public final class FileDeliveryLog implements DeliveryLog {
  static final String FILE = "deliveries.json";
  /** Kept as long as the cloud keeps them (DynamoDeliveryLog.RETENTION). */
  static final Duration RETENTION = Duration.ofDays(30);
  /** Attempts kept per webhook: enough to see what went wrong lately without the file growing for ever. */
  static final int ATTEMPTS_KEPT = 100;
  private static final String CLAIMED = "claimed";
  private static final String DELIVERED = "delivered";

  private final StateDirectory dir;
  private final Clock clock;
  private final Duration claimLease;

  FileDeliveryLog(StateDirectory dir, Clock clock, Duration claimLease) {
    if (claimLease.isNegative() || claimLease.isZero()) {
      throw new IllegalArgumentException("claim lease must be positive: " + claimLease);
    }
    this.dir = dir;
    this.clock = clock;
    this.claimLease = claimLease;
  }

  public FileDeliveryLog(Path stateDirectory, Clock clock, Duration claimLease) {
    this(new StateDirectory(stateDirectory), clock, claimLease);
  }

  @Override
  public boolean alreadyDelivered(String webhookId, EventKey eventKey) {
    return dir.locked(() -> {
      Instant now = clock.instant();
      ObjectNode all = dir.read(FILE);
      ObjectNode events = all.withObjectProperty("events").withObjectProperty(webhookId);
      JsonNode entry = events.get(eventKey.value());
      if (entry != null && !expired(entry, now)) {
        if (DELIVERED.equals(entry.path("state").asText())) {
          return true;
        }
        Instant leaseUntil = Instant.parse(entry.path("lease_until").asText());
        if (leaseUntil.isAfter(now)) {
          throw new DeliveryInProgressException(webhookId, eventKey, leaseUntil);
        }
      }
      ObjectNode claim = events.putObject(eventKey.value());
      claim.put("state", CLAIMED);
      claim.put("lease_until", now.plus(claimLease).toString());
      claim.put("expires_at", now.plus(RETENTION).toString());
      write(all, now);
      return false;
    });
  }

  @Override
  public void releaseClaim(String webhookId, EventKey eventKey) {
    dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      ObjectNode events = all.withObjectProperty("events").withObjectProperty(webhookId);
      JsonNode entry = events.get(eventKey.value());
      if (entry != null && CLAIMED.equals(entry.path("state").asText())) {
        events.remove(eventKey.value());
        write(all, clock.instant());
      }
      return null;
    });
  }

  @Override
  public void recordDelivered(String webhookId, EventKey eventKey, String deliveryId, Instant at) {
    dir.locked(() -> {
      Instant now = clock.instant();
      ObjectNode all = dir.read(FILE);
      ObjectNode entry = all.withObjectProperty("events").withObjectProperty(webhookId).putObject(eventKey.value());
      entry.put("state", DELIVERED);
      entry.put("delivery_id", deliveryId);
      entry.put("delivered_at", at.toString());
      entry.put("expires_at", now.plus(RETENTION).toString());
      write(all, now);
      return null;
    });
  }

  /** Best effort, as the port asks: an attempt that cannot be written is still in the delivery result. */
  @Override
  public void recordAttempt(DeliveryAttempt a) {
    try {
      dir.locked(() -> {
        ObjectNode all = dir.read(FILE);
        ArrayNode list = all.withObjectProperty("attempts").withArrayProperty(a.webhookId());
        ObjectNode n = list.addObject();
        n.put("event_key", a.eventKey().value());
        n.put("delivery_id", a.deliveryId());
        n.put("attempt", a.attempt());
        n.put("started_at", a.startedAt().toString());
        n.put("duration_ms", a.duration().toMillis());
        n.put("status", a.statusCode());
        if (a.error() != null) {
          n.put("error", a.error());
        }
        while (list.size() > ATTEMPTS_KEPT) {
          list.remove(0);
        }
        write(all, clock.instant());
        return null;
      });
    } catch (RuntimeException e) {
      // See above.
    }
  }

  /** The webhook's most recent attempts, newest first (in the order they were recorded). */
  public List<DeliveryAttempt> recentAttempts(String webhookId, int limit) {
    JsonNode list = dir.locked(() -> dir.read(FILE).path("attempts").path(webhookId));
    List<DeliveryAttempt> attempts = new ArrayList<>();
    for (int i = list.size() - 1; i >= 0 && attempts.size() < limit; i--) {
      JsonNode n = list.get(i);
      attempts.add(new DeliveryAttempt(webhookId, new EventKey(n.path("event_key").asText()),
          n.path("delivery_id").asText(), n.path("attempt").asInt(), Instant.parse(n.path("started_at").asText()),
          Duration.ofMillis(n.path("duration_ms").asLong()), n.path("status").asInt(),
          FileFeedStateStore.text(n, "error")));
    }
    return attempts;
  }

  private void write(ObjectNode all, Instant now) {
    // Drop what has expired, as DynamoDB's TTL does.
    for (Map.Entry<String, JsonNode> webhook : all.withObjectProperty("events").properties()) {
      ObjectNode events = (ObjectNode) webhook.getValue();
      List<String> gone = new ArrayList<>();
      events.properties().forEach(e -> {
        if (expired(e.getValue(), now)) {
          gone.add(e.getKey());
        }
      });
      events.remove(gone);
    }
    dir.write(FILE, all);
  }

  private static boolean expired(JsonNode entry, Instant now) {
    String expires = FileFeedStateStore.text(entry, "expires_at");
    return expires != null && !Instant.parse(expires).isAfter(now);
  }
}
