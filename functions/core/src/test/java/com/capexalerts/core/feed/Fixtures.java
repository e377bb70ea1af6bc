package com.capexalerts.core.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test input: fixture feeds from src/test/resources/feeds and small inline feeds. */
final class Fixtures {
  private Fixtures() {}

  static byte[] feed(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture feeds/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FeedParseResult read(String name) throws FeedException {
    return new FeedReader().read(feed(name), "https://feeds.example/" + name);
  }

  /** An RSS 2.0 feed around the given item elements. */
  static byte[] rss(String items) {
    return ("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>Test Wire</title>
            <link>https://wire.example.com/news/</link>
            <description>test</description>
        """ + items + """
          </channel>
        </rss>
        """).getBytes(StandardCharsets.UTF_8);
  }
}
