package com.capexalerts.cli.state;

import static com.capexalerts.cli.state.FileFeedStateStore.putIfPresent;
import static com.capexalerts.cli.state.FileFeedStateStore.text;

import com.capexalerts.core.alert.Announcement;
import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.alert.AnnouncementStore;
import com.capexalerts.core.alert.EventKey;
import com.capexalerts.core.alert.Source;
import com.capexalerts.core.money.MoneyAmount;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Events in {@code announcements.json}, keyed by event key, with the DynamoDB attribute names. Each operation is
 * one locked read-modify-write, which gives the conditional semantics of the DynamoDB store.
 */
public final class FileAnnouncementStore implements AnnouncementStore {
  static final String FILE = "announcements.json";
  private final StateDirectory dir;

  FileAnnouncementStore(StateDirectory dir) {
    this.dir = dir;
  }

  public FileAnnouncementStore(Path stateDirectory) {
    this(new StateDirectory(stateDirectory));
  }

  @Override
  public List<Announcement> recentForCompany(String company, Instant from, Instant to) {
    return dir.locked(() -> {
      List<Announcement> found = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : dir.read(FILE).properties()) {
        Announcement a = fromJson(e.getValue());
        // Exact company match, as the DynamoDB index partition is.
        if (a.company().equals(company) && !a.published().isBefore(from) && !a.published().isAfter(to)) {
          found.add(a);
        }
      }
      return found;
    });
  }

  @Override
  public boolean create(Announcement announcement) {
    return dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      if (all.has(announcement.key().value())) {
        return false;
      }
      all.set(announcement.key().value(), toJson(announcement));
      dir.write(FILE, all);
      return true;
    });
  }

  @Override
  public boolean addSource(EventKey key, Source source) {
    String token = token(source);
    return dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      JsonNode event = all.get(key.value());
      if (event == null) {
        return false;
      }
      ArrayNode sources = (ArrayNode) event.path("sources");
      if (sources.size() >= MAX_SOURCES) {
        return false;
      }
      for (JsonNode existing : sources) {
        if (token.equals(token(sourceFromJson(existing)))) {
          return false;
        }
      }
      sources.add(sourceToJson(source));
      dir.write(FILE, all);
      return true;
    });
  }

  @Override
  public Optional<Announcement> get(EventKey key) {
    return dir.locked(() -> Optional.ofNullable(dir.read(FILE).get(key.value())).map(FileAnnouncementStore::fromJson));
  }

  @Override
  public Claim claimNotification(EventKey key, String claimant, Instant now, Duration lease) {
    return dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      ObjectNode event = (ObjectNode) all.get(key.value());
      if (event == null) {
        return Claim.MISSING;
      }
      if (event.has("notified_at")) {
        return Claim.ALREADY_PUBLISHED;
      }
      String holder = text(event, "notify_claimant");
      boolean expired = event.has("notify_claimed_at")
          && event.get("notify_claimed_at").asLong() < now.toEpochMilli() - lease.toMillis()
          || holderIsGone(holder);
      if (holder != null && !holder.equals(claimant) && !expired) {
        return Claim.HELD_BY_OTHER;
      }
      event.put("notify_claimant", claimant);
      event.put("notify_claimed_at", now.toEpochMilli());
      dir.write(FILE, all);
      return Claim.CLAIMED;
    });
  }

  /**
   * A claimant for a local process: {@code local:<pid>:<random>}. A claim whose process no longer runs (a killed run)
   * is taken over at once instead of after the lease; the outbox keeps the takeover from publishing twice.
   */
  public static String localClaimant() {
    return "local:" + ProcessHandle.current().pid() + ":" + UUID.randomUUID();
  }

  private static boolean holderIsGone(String holder) {
    if (holder == null || !holder.startsWith("local:")) {
      return false;
    }
    String[] parts = holder.split(":", 3);
    try {
      long pid = Long.parseLong(parts[1]);
      return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return false;
    }
  }

  @Override
  public void markPublished(EventKey key, String claimant, String messageId, Instant at) {
    dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      JsonNode event = all.get(key.value());
      // Only the current holder records the publish, as in DynamoDB.
      if (event instanceof ObjectNode e && claimant.equals(text(e, "notify_claimant"))) {
        e.put("notified_at", at.toString());
        e.put("message_id", messageId);
        dir.write(FILE, all);
      }
      return null;
    });
  }

  @Override
  public void releaseClaim(EventKey key, String claimant) {
    dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      JsonNode event = all.get(key.value());
      if (event instanceof ObjectNode e && claimant.equals(text(e, "notify_claimant"))) {
        e.remove(List.of("notify_claimant", "notify_claimed_at"));
        dir.write(FILE, all);
      }
      return null;
    });
  }

  /**
   * Events whose alert has not gone out yet (never claimed, or claimed and not recorded), oldest key first. The
   * local run retries them, as the stream's retries do in the cloud, so a run that died after storing never drops one.
   */
  public List<EventKey> unpublished() {
    return dir.locked(() -> {
      List<EventKey> keys = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : dir.read(FILE).properties()) {
        if (!e.getValue().has("notified_at")) {
          keys.add(new EventKey(e.getKey()));
        }
      }
      keys.sort(java.util.Comparator.comparing(EventKey::value));
      return keys;
    });
  }

  /** A source's identity within its event: the canonical link, else the title (as the DynamoDB store). */
  private static String token(Source source) {
    return source.link() != null ? source.link() : "title:" + source.title();
  }

  static ObjectNode toJson(Announcement a) {
    ObjectNode n = StateDirectory.JSON.createObjectNode();
    n.put("event_key", a.key().value());
    n.put("company", a.company());
    n.put("kind", a.kind().wireName());
    n.put("amount", a.amount().value());
    n.put("currency", a.amount().currency());
    n.put("amount_text", a.amount().text());
    n.put("amount_usd", a.amountUsd());
    putIfPresent(n, "period", a.period());
    n.put("evidence", a.evidence());
    n.put("title", a.title());
    putIfPresent(n, "link", a.link());
    if (!a.sources().isEmpty()) {
      putIfPresent(n, "outlet", a.sources().getFirst().outlet());
    }
    n.put("published", a.published().toString());
    n.put("detected_at", a.detectedAt().toString());
    ArrayNode sources = n.putArray("sources");
    a.sources().forEach(s -> sources.add(sourceToJson(s)));
    putIfPresent(n, "updates", a.updates() == null ? null : a.updates().value());
    return n;
  }

  static Announcement fromJson(JsonNode n) {
    String key = text(n, "event_key");
    try {
      List<Source> sources = new ArrayList<>();
      n.path("sources").forEach(s -> sources.add(sourceFromJson(s)));
      String updates = text(n, "updates");
      return new Announcement(new EventKey(Objects.requireNonNull(key, "event_key")), text(n, "company"),
          AnnouncementKind.fromWire(text(n, "kind")),
          new MoneyAmount(decimal(n, "amount"), text(n, "currency"), text(n, "amount_text")),
          decimal(n, "amount_usd"), text(n, "period"), text(n, "evidence"), text(n, "title"), text(n, "link"),
          Instant.parse(text(n, "published")), Instant.parse(text(n, "detected_at")), sources,
          updates == null ? null : new EventKey(updates));
    } catch (RuntimeException e) {
      throw new IllegalStateException("announcement " + key + " in " + FILE + " is malformed: " + e.getMessage(), e);
    }
  }

  private static ObjectNode sourceToJson(Source s) {
    ObjectNode n = StateDirectory.JSON.createObjectNode();
    putIfPresent(n, "link", s.link());
    putIfPresent(n, "outlet", s.outlet());
    putIfPresent(n, "title", s.title());
    putIfPresent(n, "published", s.published() == null ? null : s.published().toString());
    return n;
  }

  private static Source sourceFromJson(JsonNode n) {
    String published = text(n, "published");
    return new Source(text(n, "link"), text(n, "outlet"), text(n, "title"),
        published == null ? null : Instant.parse(published));
  }

  private static BigDecimal decimal(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException("missing number " + field);
    }
    return v.decimalValue();
  }
}
