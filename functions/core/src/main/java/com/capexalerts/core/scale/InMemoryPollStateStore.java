package com.capexalerts.core.scale;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Feed states in memory: the embedded state of benchmarks and tests. Counts writes so tests can assert on them. */
public final class InMemoryPollStateStore implements PollStateStore {
  private final Map<String, PollState> states = new ConcurrentHashMap<>();
  private final AtomicInteger writes = new AtomicInteger();

  @Override
  public List<PollState> all() {
    return List.copyOf(states.values());
  }

  @Override
  public Map<String, PollState> load(Collection<String> feedUrls) {
    Map<String, PollState> found = new LinkedHashMap<>();
    feedUrls.forEach(url -> {
      PollState s = states.get(url);
      if (s != null) {
        found.put(url, s);
      }
    });
    return found;
  }

  @Override
  public void save(PollState state) {
    writes.incrementAndGet();
    // As the table adapter: an empty recent-item list (a state from a work message) keeps the stored one.
    states.merge(state.feedUrl(), state, (old, now) -> now.recentItems().isEmpty() && !old.recentItems().isEmpty()
        ? now.withBody(now.bodyHash(), old.recentItems(), now.lastChangeAt(), now.publishGap()).withFailure(
            now.consecutiveFailures(), now.lastError(), now.nextDueAt())
        : now);
  }

  public int writes() {
    return writes.get();
  }
}
