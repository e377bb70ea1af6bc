package com.capexalerts.core.poll;

import com.capexalerts.core.feed.FeedException;
import com.capexalerts.core.feed.FeedParseResult;

/** Turns a fetched body into items. Production binding: {@code new FeedReader()::read}. Thread-safe. */
@FunctionalInterface
public interface FeedParser {
  FeedParseResult parse(byte[] body, String feedUrl) throws FeedException;
}
