package com.capexalerts.testsupport.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.capexalerts.core.poll.FeedState;
import com.capexalerts.core.poll.FeedStateStore;
import java.time.Instant;
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
}
