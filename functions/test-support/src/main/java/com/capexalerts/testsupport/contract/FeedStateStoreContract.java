package com.capexalerts.testsupport.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.poll.FeedState;
import com.capexalerts.core.poll.FeedStateStore;
import com.capexalerts.core.fetch.FailureClass;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link FeedStateStore} must do; each subclass gives a fresh, empty store per test. */
public abstract class FeedStateStoreContract {
  private static final String URL = "https://www.datacenterdynamics.com/en/rss/";
  private FeedStateStore store;

  protected abstract FeedStateStore newStore() throws Exception;

  @BeforeEach
  void createStore() throws Exception {
    store = newStore();
  }

  @Test
  void anUnknownFeedIsFresh() {
    assertEquals(FeedState.fresh(URL), store.load(URL));
  }

  @Test
  void savedStateIsLoadedBackWholly() {
    FeedState state = new FeedState(URL, "W/\"abc\"", "Mon, 24 Feb 2025 09:30:00 GMT",
        Instant.parse("2025-02-24T09:30:15.123456Z"), 3, "HTTP 503", Instant.parse("2025-02-24T11:30:15Z"));

    store.save(state);

    assertEquals(state, store.load(URL));
  }

  @Test
  void savingReplacesEveryField() {
    store.save(new FeedState(URL, "\"v1\"", "Mon, 24 Feb 2025 09:30:00 GMT", null, 2, "timed out",
        Instant.parse("2025-02-24T10:00:00Z")));
    FeedState recovered = new FeedState(URL, null, null, Instant.parse("2025-02-24T10:15:00Z"), 0, null, null);

    store.save(recovered);

    assertEquals(recovered, store.load(URL));
    assertEquals(FeedState.fresh("https://other.example/feed"), store.load("https://other.example/feed"));
  }

  @Test
  void healthAndListingAreKept() {
    FeedState state = new FeedState(URL, "\"e\"", null, Instant.parse("2025-02-24T10:15:00Z"), 2,
        "https://x/: host name does not resolve (DNS)", Instant.parse("2025-02-24T11:00:00Z"), FailureClass.DNS,
        Instant.parse("2025-02-24T10:30:00Z"), Instant.parse("2025-02-20T08:00:00Z"), Duration.ofHours(30), "P14D",
        "DCD", true, false);
    store.save(state);
    assertEquals(state, store.load(URL));
    assertEquals(List.of(state), store.all());
  }

  @Test
  void feedsAreListedInUrlOrderAndDeleted() {
    FeedState b = FeedState.listed("https://b.example/feed", "B");
    FeedState a = FeedState.fresh("https://a.example/feed");
    store.save(b);
    store.save(a);
    assertEquals(List.of(a, b), store.all());

    assertTrue(store.delete("https://b.example/feed"));
    assertFalse(store.delete("https://b.example/feed"));
    assertEquals(List.of(a), store.all());
    assertEquals(FeedState.fresh("https://b.example/feed"), store.load("https://b.example/feed"));
  }

  @Test
  void seedingIsClaimedOnceAndIsNoFeed() {
    assertTrue(store.claimSeeding());
    assertFalse(store.claimSeeding());
    assertEquals(List.of(), store.all());
    store.save(FeedState.listed(URL, null));
    assertTrue(store.delete(URL));
    assertFalse(store.claimSeeding(), "still seeded once every feed is gone");
  }
}
