package com.capexalerts.core.feed;

import java.util.List;

/**
 * The readable part of one feed body.
 *
 * @param feedUrl    where the feed came from (URL or file path), used in messages
 * @param feedTitle  the feed's own title, or null
 * @param items      the items that could be read, in feed order
 * @param itemErrors one message per item that could not be read ("feed X, item 3: why"); the rest are kept
 */
public record FeedParseResult(String feedUrl, String feedTitle, List<FeedItem> items, List<String> itemErrors) {
  public FeedParseResult {
    items = List.copyOf(items);
    itemErrors = List.copyOf(itemErrors);
  }
}
