package com.capexalerts.core.poll;

import java.util.List;

/**
 * The feeds table: per feed its place in the feed list (name, enabled) and its memory between polls
 * (conditional-GET validators, failures, backoff, health).
 */
public interface FeedStateStore {
  /** The stored state, or {@link FeedState#fresh(String)} when the feed was never polled nor listed. */
  FeedState load(String feedUrl);

  /** Stores the state whole, replacing what was stored for its URL. */
  void save(FeedState state);

  /** Every stored feed (listed or polled ad hoc), in URL order. */
  List<FeedState> all();

  /** Forgets the feed; false when nothing was stored for it. */
  boolean delete(String feedUrl);

  /**
   * True exactly once in the life of the store, for the caller that is to seed the feed list (from the
   * {@code FeedList} parameter or the bundled list); false ever after, even once every feed was removed.
   */
  boolean claimSeeding();
}
