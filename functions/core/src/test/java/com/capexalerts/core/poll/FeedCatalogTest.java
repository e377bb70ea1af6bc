package com.capexalerts.core.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.fetch.FailureClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FeedCatalogTest {
  /** The smallest store: enough for the catalog's rules (the real stores pass FeedStateStoreContract). */
  static final class MapStore implements FeedStateStore {
    final Map<String, FeedState> states = new TreeMap<>();
    boolean seeded;

    @Override
    public FeedState load(String url) {
      return states.getOrDefault(url, FeedState.fresh(url));
    }

    @Override
    public void save(FeedState s) {
      states.put(s.feedUrl(), s);
    }

    @Override
    public List<FeedState> all() {
      return List.copyOf(states.values());
    }

    @Override
    public boolean delete(String url) {
      return states.remove(url) != null;
    }

    @Override
    public boolean claimSeeding() {
      boolean first = !seeded;
      seeded = true;
      return first;
    }
  }

  static final List<Feed> SEED = List.of(new Feed("https://a.example/rss", "A"), new Feed("https://b.example/rss", "B"));

  @Test
  void theListIsSeededOnceAndKeepsStatesPolledBefore() {
    MapStore store = new MapStore();
    store.save(new FeedState("https://a.example/rss", "\"v\"", null, Instant.EPOCH, 0, null, null));
    FeedCatalog catalog = new FeedCatalog(store, false);

    assertEquals(SEED, catalog.active(SEED));
    assertEquals("\"v\"", store.load("https://a.example/rss").etag(), "validators kept");
    assertTrue(catalog.remove("https://a.example/rss"));
    assertTrue(catalog.remove(FeedCatalog.id("https://b.example/rss")));
    assertEquals(List.of(), catalog.active(SEED), "not seeded again once emptied");
  }

  @Test
  void feedsAreAddedRenamedDisabledAndReset() {
    FeedCatalog catalog = new FeedCatalog(new MapStore(), false);
    catalog.active(List.of());
    FeedState added = catalog.add(" https://c.example/feed ", "C");
    assertEquals("https://c.example/feed", added.feedUrl());
    assertThrows(IllegalStateException.class, () -> catalog.add("https://c.example/feed", null));
    assertThrows(IllegalArgumentException.class, () -> catalog.add("ftp://c.example/feed", null));
    assertThrows(IllegalArgumentException.class, () -> catalog.add("/tmp/feed.xml", null), "no files in the cloud");

    String id = FeedCatalog.id(added.feedUrl());
    assertEquals(16, id.length());
    assertEquals("Sea", catalog.update(id, false, "Sea").orElseThrow().name());
    assertEquals(List.of(), catalog.active(List.of()), "disabled");
    catalog.update(id, true, null);
    assertEquals(List.of(new Feed("https://c.example/feed", "Sea")), catalog.active(List.of()));

    MapStore store = new MapStore();
    FeedCatalog c2 = new FeedCatalog(store, true);
    c2.add("/tmp/feed.xml", null);
    store.save(store.load("/tmp/feed.xml").withFetch("\"e\"", null, null, 4, "no such file",
        Instant.parse("2030-01-01T00:00:00Z"), "P14D").withError(FailureClass.FILE, Instant.EPOCH));
    FeedState reset = c2.reset("/tmp/feed.xml").orElseThrow();
    assertEquals(List.of(0, "none"), List.of(reset.consecutiveFailures(),
        reset.nextAttemptAt() == null && reset.etag() == null ? "none" : "left"));
    assertEquals(FailureClass.FILE, reset.lastErrorClass(), "the history stays");
    assertFalse(c2.reset("https://unknown.example/").isPresent());
  }

  @Test
  void importAddsWhatIsNewAndReportsWhatIsBad() {
    FeedCatalog catalog = new FeedCatalog(new MapStore(), false);
    catalog.add("https://a.example/rss", null);
    List<String> problems = new ArrayList<>();
    List<FeedState> added = catalog.addAll(List.of(new Feed("https://a.example/rss", null),
        new Feed("file:/etc/passwd", null), new Feed("https://d.example/rss", "D")), problems);
    assertEquals(List.of("https://d.example/rss"), added.stream().map(FeedState::feedUrl).toList());
    assertEquals(1, problems.size(), problems.toString());
  }

  @Test
  void aFeedIsStaleAfterFiveUsualGapsAndNeverBeforeTwoDays() {
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    FeedState s = FeedState.listed("https://a.example/rss", null)
        .withFetch(null, null, t0, 0, null, null, null)
        .withNewItemsAt(t0).withNewItemsAt(t0.plus(Duration.ofDays(1)));
    assertEquals(Duration.ofDays(1), s.newItemGap());
    Instant last = t0.plus(Duration.ofDays(1));
    assertEquals(FeedHealth.Status.OK, FeedHealth.of(s, last.plus(Duration.ofDays(4))).status());
    assertEquals(FeedHealth.Status.STALE, FeedHealth.of(s, last.plus(Duration.ofDays(6))).status());

    FeedState hourly = s.withNewItemsAt(last.plus(Duration.ofHours(1)));
    assertTrue(hourly.newItemGap().compareTo(Duration.ofDays(1)) < 0, "moves towards the latest gap");
    assertFalse(FeedHealth.of(hourly, last.plus(Duration.ofHours(30))).stale(), "two days at least");
  }
}
