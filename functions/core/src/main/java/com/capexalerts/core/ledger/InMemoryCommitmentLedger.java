package com.capexalerts.core.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A ledger in memory: for tests and one-shot tools. Thread-safe. */
public final class InMemoryCommitmentLedger implements CommitmentLedger {
  private final Map<String, Commitment> entries = new LinkedHashMap<>();
  private final Map<String, Set<String>> tokens = new HashMap<>();
  private String seed;

  private static String id(String company, String key) {
    return company + "\u0000" + key;
  }

  @Override
  public synchronized List<Commitment> forCompany(String company) {
    return entries.values().stream().filter(c -> c.company().equals(company)).toList();
  }

  @Override
  public synchronized boolean record(Commitment c) {
    String id = id(c.company(), c.key());
    if (entries.containsKey(id)) {
      return false;
    }
    entries.put(id, c);
    tokens.put(id, new HashSet<>());
    return true;
  }

  @Override
  public synchronized boolean addSource(String company, String key, String sourceToken) {
    String id = id(company, key);
    Commitment c = entries.get(id);
    if (c == null || tokens.get(id).size() >= MAX_SOURCES || !tokens.get(id).add(sourceToken)) {
      return false;
    }
    entries.put(id, c.withSources(c.sources() + 1));
    return true;
  }

  @Override
  public synchronized List<Commitment> all() {
    return new ArrayList<>(entries.values());
  }

  @Override
  public synchronized Optional<String> seededWith() {
    return Optional.ofNullable(seed);
  }

  @Override
  public synchronized boolean markSeeded(String seedName) {
    if (seed != null) {
      return false;
    }
    seed = seedName;
    return true;
  }
}
