package com.capexalerts.core.poll;

import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.feed.FeedItem;
import java.util.List;

/** Finds money figures in an item. Production binding: {@code Detector.withDefaults()::detect}. Thread-safe. */
@FunctionalInterface
public interface FindingSource {
  List<Finding> detect(FeedItem item);
}
