package com.capexalerts.core.eval;

import com.capexalerts.core.feed.FeedItem;
import java.time.Instant;
import java.util.Objects;

/** One item of the labelled corpus: a feed item plus its label. */
public record LabelledItem(
    String id, String title, String summary, String link, Instant published, String source, CorpusLabel label) {
  /** Publication order, undated items last, ties by id: the order a replay serves and scores items in. */
  public static final java.util.Comparator<LabelledItem> PUBLICATION_ORDER =
      java.util.Comparator.comparing((LabelledItem i) -> i.published() == null ? Instant.MAX : i.published())
          .thenComparing(LabelledItem::id);

  public LabelledItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(label, "label");
  }

  /** The item as the feed poller would hand it to the detector. */
  public FeedItem toFeedItem() {
    return new FeedItem(id, title, summary, link, published, source);
  }
}
