package com.capexalerts.core.detect;

import com.capexalerts.core.feed.FeedItem;
import java.util.List;

/** Finds watched companies' AI investment figures in a feed item. Deterministic and thread-safe. */
public final class Detector {
  /** A detector with the default watchlist and rate table. */
  public static Detector withDefaults() {
    return new Detector();
  }

  private Detector() {}

  /** Findings of one item, in text order. PLACEHOLDER: replaced by the real detector. */
  public List<Finding> detect(FeedItem item) {
    return detect(item.title(), item.summary());
  }

  public List<Finding> detect(String title, String text) {
    return List.of();
  }
}
