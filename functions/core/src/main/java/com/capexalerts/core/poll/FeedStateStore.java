package com.capexalerts.core.poll;

/** Per-feed memory between polls (conditional-GET validators, failures, backoff). */
public interface FeedStateStore {
  /** The stored state, or {@link FeedState#fresh(String)} when the feed was never polled. */
  FeedState load(String feedUrl);

  void save(FeedState state);
}
