package com.capexalerts.cli.state;

import com.capexalerts.core.alert.AnnouncementKind;
import com.capexalerts.core.webhook.DeliveryResult;
import com.capexalerts.core.webhook.Webhook;
import com.capexalerts.core.webhook.WebhookFilter;
import com.capexalerts.core.webhook.WebhookFormat;
import com.capexalerts.core.webhook.WebhookRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Webhooks in {@code webhooks.json}, keyed by id, with the DynamoDB attribute names. The file holds signing secrets:
 * the state directory writes it through a temporary file, which Java creates readable by its owner only.
 *
 * <p>An entry that is no valid webhook is skipped by {@link #list()} and reported to the warnings sink; {@link #get}
 * throws for it, naming the webhook and the problem.
 */
public final class FileWebhookRegistry implements WebhookRegistry {
  static final String FILE = "webhooks.json";
  private final StateDirectory dir;
  private final Consumer<String> warnings;

  FileWebhookRegistry(StateDirectory dir, Consumer<String> warnings) {
    this.dir = dir;
    this.warnings = warnings;
  }

  public FileWebhookRegistry(Path stateDirectory, Consumer<String> warnings) {
    this(new StateDirectory(stateDirectory), warnings);
  }

  @Override
  public boolean create(Webhook webhook) {
    return dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      if (all.has(webhook.id())) {
        return false;
      }
      all.set(webhook.id(), toJson(webhook));
      dir.write(FILE, all);
      return true;
    });
  }

  @Override
  public boolean update(Webhook webhook) {
    return dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      if (!all.has(webhook.id())) {
        return false;
      }
      all.set(webhook.id(), toJson(webhook));
      dir.write(FILE, all);
      return true;
    });
  }

  @Override
  public Optional<Webhook> get(String id) {
    return dir.locked(() -> {
      JsonNode n = dir.read(FILE).get(id);
      return n == null ? Optional.empty() : Optional.of(fromJson(id, n));
    });
  }

  @Override
  public List<Webhook> list() {
    Map<String, JsonNode> entries = dir.locked(() -> {
      Map<String, JsonNode> copy = new TreeMap<>();
      dir.read(FILE).properties().forEach(e -> copy.put(e.getKey(), e.getValue()));
      return copy;
    });
    List<Webhook> webhooks = new ArrayList<>();
    entries.forEach((id, n) -> {
      try {
        webhooks.add(fromJson(id, n));
      } catch (IllegalStateException e) {
        warnings.accept("skipped webhook " + id + " in " + dir.root().resolve(FILE) + ": " + e.getMessage());
      }
    });
    return List.copyOf(webhooks);
  }

  @Override
  public boolean delete(String id) {
    return dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      if (all.remove(id) == null) {
        return false;
      }
      dir.write(FILE, all);
      return true;
    });
  }

  /** The failure count, and disabling; never re-enables, never recreates a deleted webhook. */
  @Override
  public void recordResult(DeliveryResult result) {
    dir.locked(() -> {
      ObjectNode all = dir.read(FILE);
      if (all.get(result.webhookId()) instanceof ObjectNode n) {
        n.put("consecutive_failures", result.consecutiveFailures());
        if (result.disable()) {
          n.put("enabled", false);
        }
        dir.write(FILE, all);
      }
      return null;
    });
  }

  static ObjectNode toJson(Webhook w) {
    ObjectNode n = StateDirectory.JSON.createObjectNode();
    n.put("url", w.url().toString());
    n.put("format", w.format().wireName());
    if (w.secret() != null) {
      n.put("secret", w.secret());
    }
    if (w.filter().minUsd() != null) {
      n.put("min_usd", w.filter().minUsd());
    }
    ArrayNode companies = n.putArray("companies");
    w.filter().companies().stream().sorted().forEach(companies::add);
    ArrayNode kinds = n.putArray("kinds");
    w.filter().kinds().stream().sorted().map(AnnouncementKind::wireName).forEach(kinds::add);
    n.put("enabled", w.enabled());
    n.put("consecutive_failures", w.consecutiveFailures());
    return n;
  }

  static Webhook fromJson(String id, JsonNode n) {
    try {
      Set<String> companies = new HashSet<>();
      n.path("companies").forEach(c -> companies.add(c.asText()));
      Set<AnnouncementKind> kinds = new HashSet<>();
      n.path("kinds").forEach(k -> kinds.add(AnnouncementKind.fromWire(k.asText())));
      JsonNode min = n.get("min_usd");
      String url = FileFeedStateStore.text(n, "url");
      if (url == null) {
        throw new IllegalArgumentException("no url");
      }
      return new Webhook(id, URI.create(url), WebhookFormat.fromWire(FileFeedStateStore.text(n, "format")),
          FileFeedStateStore.text(n, "secret"),
          new WebhookFilter(min == null || min.isNull() ? null : min.decimalValue(), companies, kinds),
          n.path("enabled").asBoolean(true), n.path("consecutive_failures").asInt(0));
    } catch (RuntimeException e) {
      throw new IllegalStateException("webhook " + id + " is unreadable: " + e.getMessage(), e);
    }
  }
}
