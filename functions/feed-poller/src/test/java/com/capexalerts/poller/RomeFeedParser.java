package com.capexalerts.poller;

import com.capexalerts.core.feed.FeedException;
import com.capexalerts.core.feed.FeedItem;
import com.capexalerts.core.feed.FeedParseResult;
import com.capexalerts.core.poll.FeedParser;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the project's FeedReader while it is a placeholder on this branch: parses the RSS fixtures with Rome
 * (guid as id, description as summary) and counts its calls, so tests can assert that a 304 costs no parsing.
 */
final class RomeFeedParser implements FeedParser {
  final AtomicInteger calls = new AtomicInteger();

  @Override
  public FeedParseResult parse(byte[] body, String feedUrl) throws FeedException {
    calls.incrementAndGet();
    try {
      SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
      List<FeedItem> items = new ArrayList<>();
      for (SyndEntry e : feed.getEntries()) {
        items.add(new FeedItem(e.getUri() != null ? e.getUri() : e.getLink(), e.getTitle(),
            e.getDescription() == null ? "" : e.getDescription().getValue(), e.getLink(),
            e.getPublishedDate() == null ? null : e.getPublishedDate().toInstant(), null));
      }
      return new FeedParseResult(feedUrl, feed.getTitle(), items, List.of());
    } catch (Exception e) {
      throw new FeedException(feedUrl + ": not a feed: " + e.getMessage(), e);
    }
  }
}
