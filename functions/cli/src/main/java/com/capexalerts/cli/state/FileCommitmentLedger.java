package com.capexalerts.cli.state;

import static com.capexalerts.cli.state.FileFeedStateStore.text;

import com.capexalerts.core.ledger.Commitment;
import com.capexalerts.core.ledger.CommitmentLedger;
import com.capexalerts.core.ledger.CommitmentOrigin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger in {@code ledger.json}: {@code {"seeded_with": …, "entries": {"Company\u0000key": {…}}}}, with the
 * DynamoDB attribute names. Each operation is one locked read-modify-write, as the conditional writes in DynamoDB.
 */
public final class FileCommitmentLedger implements CommitmentLedger {
  static final String FILE = "ledger.json";
  private final StateDirectory dir;

  FileCommitmentLedger(StateDirectory dir) {
    this.dir = dir;
  }

  public FileCommitmentLedger(Path stateDirectory) {
    this(new StateDirectory(stateDirectory));
  }

  private static String id(String company, String key) {
    return company + "/" + key;
  }

  private ObjectNode entries(ObjectNode root) {
    JsonNode e = root.get("entries");
    return e instanceof ObjectNode o ? o : root.putObject("entries");
  }

  @Override
  public List<Commitment> forCompany(String company) {
    return dir.locked(() -> {
      List<Commitment> found = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : entries(dir.read(FILE)).properties()) {
        if (company.equals(text(e.getValue(), "company"))) {
          found.add(fromJson(e.getValue()));
        }
      }
      return found;
    });
  }

  @Override
  public boolean record(Commitment c) {
    return dir.locked(() -> {
      ObjectNode root = dir.read(FILE);
      ObjectNode entries = entries(root);
      String id = id(c.company(), c.key());
      if (entries.has(id)) {
        return false;
      }
      entries.set(id, toJson(c));
      dir.write(FILE, root);
      return true;
    });
  }

  @Override
  public boolean addSource(String company, String key, String sourceToken) {
    return dir.locked(() -> {
      ObjectNode root = dir.read(FILE);
      JsonNode entry = entries(root).get(id(company, key));
      if (!(entry instanceof ObjectNode e)) {
        return false;
      }
      ArrayNode links = e.has("source_links") ? (ArrayNode) e.get("source_links") : e.putArray("source_links");
      if (links.size() >= MAX_SOURCES) {
        return false;
      }
      for (JsonNode l : links) {
        if (l.asText().equals(sourceToken)) {
          return false;
        }
      }
      links.add(sourceToken);
      e.put("sources", e.path("sources").asInt() + 1);
      dir.write(FILE, root);
      return true;
    });
  }

  @Override
  public List<Commitment> all() {
    return dir.locked(() -> {
      List<Commitment> found = new ArrayList<>();
      entries(dir.read(FILE)).properties().forEach(e -> found.add(fromJson(e.getValue())));
      return found;
    });
  }

  @Override
  public Optional<String> seededWith() {
    return dir.locked(() -> Optional.ofNullable(text(dir.read(FILE), "seeded_with")));
  }

  @Override
  public boolean markSeeded(String seedName) {
    return dir.locked(() -> {
      ObjectNode root = dir.read(FILE);
      if (root.has("seeded_with")) {
        return false;
      }
      root.put("seeded_with", seedName);
      entries(root);
      dir.write(FILE, root);
      return true;
    });
  }

  static ObjectNode toJson(Commitment c) {
    ObjectNode n = StateDirectory.JSON.createObjectNode();
    n.put("entry_key", c.key());
    n.put("company", c.company());
    n.put("amount", c.amount());
    n.put("currency", c.currency());
    n.put("amount_usd", c.amountUsd());
    FileFeedStateStore.putIfPresent(n, "period", c.period());
    n.put("what", c.what());
    n.put("announced", c.announced().toString());
    n.put("first_seen", c.firstSeen().toString());
    FileFeedStateStore.putIfPresent(n, "link", c.link());
    n.put("origin", c.origin().wireName());
    n.put("sources", c.sources());
    return n;
  }

  static Commitment fromJson(JsonNode n) {
    String key = text(n, "entry_key");
    try {
      return new Commitment(key, text(n, "company"), decimal(n, "amount"), text(n, "currency"),
          decimal(n, "amount_usd"), text(n, "period"), text(n, "what"), LocalDate.parse(text(n, "announced")),
          Instant.parse(text(n, "first_seen")), text(n, "link"), CommitmentOrigin.fromWire(text(n, "origin")),
          n.path("sources").asInt());
    } catch (RuntimeException e) {
      throw new IllegalStateException("ledger entry " + key + " in " + FILE + " is malformed: " + e.getMessage(), e);
    }
  }

  private static BigDecimal decimal(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException("missing number " + field);
    }
    return v.decimalValue();
  }
}
