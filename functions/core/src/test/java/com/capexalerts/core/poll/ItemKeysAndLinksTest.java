package com.capexalerts.core.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.feed.FeedItem;
import com.capexalerts.core.feed.Links;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemKeysAndLinksTest {
  @Test
  void shortIdsAreKeptAndFeedIndependent() {
    FeedItem inFeedA = new FeedItem("https://www.alizila.com/a/", "t", "", null, null, "Alizila");
    FeedItem inFeedB = new FeedItem("  https://www.alizila.com/a/ ", "other title", "", null, null, "Google News");

    assertEquals("https://www.alizila.com/a/", ItemKeys.of(inFeedA));
    assertEquals(ItemKeys.of(inFeedA), ItemKeys.of(inFeedB));
  }

  @Test
  void longOrUnprintableIdsAreHashed() {
    String longId = "tag:news.google.com,2005:" + "x".repeat(300);
    String key = ItemKeys.of(longId);

    assertTrue(key.matches("sha256:[0-9a-f]{64}"), key);
    assertEquals(key, ItemKeys.of(longId));
    assertNotEquals(key, ItemKeys.of(longId + "y"));
    assertTrue(ItemKeys.of("id with spaces").startsWith("sha256:"));
    assertTrue(ItemKeys.of("über").startsWith("sha256:"));
    assertEquals("x".repeat(200), ItemKeys.of("x".repeat(200)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "HTTPS://WWW.Example.COM:443/Path/A?utm_source=rss&utm_medium=feed#top | https://www.example.com/Path/A",
      "https://example.com/a?id=7&fbclid=abc&x=1 | https://example.com/a?id=7&x=1",
      "http://example.com:80 | http://example.com/",
      "http://example.com:8080/a | http://example.com:8080/a",
      "https://news.google.com/rss/articles/CBMiX?oc=5 | https://news.google.com/rss/articles/CBMiX?oc=5",
      "not a url | not a url",
      "urn:uuid:1234 | urn:uuid:1234",
  })
  void canonicalLinks(String link, String expected) {
    assertEquals(expected, Links.canonicalOrAsIs(link));
  }

  @Test
  void missingLinksStayMissing() {
    assertNull(Links.canonicalOrAsIs(null));
    assertNull(Links.canonicalOrAsIs("  "));
  }

  @Test
  void seenKeysAreScopedByFeedAndSharedIdsAreToldApartByContent() {
    FeedItem a = new FeedItem("1001", "Microsoft invests", "", "https://a.example/1", null, "A");
    FeedItem b = new FeedItem("1001", "Alibaba invests", "", "https://b.example/1", null, "B");

    assertNotEquals(ItemKeys.of("https://a.example/rss", a), ItemKeys.of("https://b.example/rss", b));
    assertEquals(ItemKeys.of("https://a.example/rss", a), ItemKeys.of("https://a.example/rss", b),
        "the id alone: within one feed the poller disambiguates");
    assertNotEquals(ItemKeys.disambiguated("https://a.example/rss", a),
        ItemKeys.disambiguated("https://a.example/rss", b));
    assertTrue(ItemKeys.of("https://a.example/rss", a).endsWith("/1001"));
    assertTrue(ItemKeys.disambiguated("https://a.example/rss", a).startsWith(ItemKeys.of("https://a.example/rss", a)));
  }
}
