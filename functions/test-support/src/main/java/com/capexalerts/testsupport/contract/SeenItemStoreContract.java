package com.capexalerts.testsupport.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.capexalerts.core.poll.SeenItemStore;
import com.capexalerts.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SeenItemStore} must do; each subclass gives a fresh, empty store per test on the given clock. */
public abstract class SeenItemStoreContract {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-02-24T09:30:00Z"));
  private SeenItemStore store;

  protected abstract SeenItemStore newStore(Clock clock) throws Exception;

  @BeforeEach
  void createStore() throws Exception {
    store = newStore(clock);
  }

  private Instant inDays(int days) {
    return clock.instant().plus(Duration.ofDays(days));
  }

  @Test
  void nothingIsSeenAtFirst() {
    assertEquals(Set.of(), store.alreadySeen(List.of("a", "b")));
    assertEquals(Set.of(), store.alreadySeen(List.of()));
  }

  @Test
  void onlyMarkedItemsAreSeen() {
    store.markSeen(List.of("urn:a", "https://example.com/b"), inDays(30));

    assertEquals(Set.of("urn:a", "https://example.com/b"),
        store.alreadySeen(List.of("urn:a", "https://example.com/b", "urn:c")));
  }

  @Test
  void markingIsIdempotentAndToleratesDuplicates() {
    store.markSeen(List.of("a", "a", "b"), inDays(30));
    store.markSeen(List.of("b"), inDays(30));
    store.markSeen(List.of(), inDays(30));

    assertEquals(Set.of("a", "b"), store.alreadySeen(List.of("a", "b", "b", "c")));
  }

  @Test
  void manyItemsAtOnce() {
    List<String> keys = IntStream.range(0, 260).mapToObj(i -> "item-" + i).toList();
    store.markSeen(keys.subList(0, 230), inDays(30));

    Set<String> seen = store.alreadySeen(keys);

    assertEquals(keys.subList(0, 230).stream().collect(Collectors.toSet()), seen);
  }

  @Test
  void expiredRecordsCountAsUnseen() {
    store.markSeen(List.of("short"), clock.instant().plus(Duration.ofHours(1)));
    store.markSeen(List.of("long"), inDays(30));

    clock.advance(Duration.ofHours(2));

    assertEquals(Set.of("long"), store.alreadySeen(List.of("short", "long")));
  }
}
