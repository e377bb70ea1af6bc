package com.capexalerts.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.poll.Feed;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bundled default feed list: syntax only, never fetched. */
class BundledFeedsTest {
  private final List<Feed> feeds = PollerSettings.bundledFeeds();

  @Test
  void everyEntryIsAnHttpsUrlWithAHostAndAName() {
    Set<String> seen = new HashSet<>();
    for (Feed feed : feeds) {
      URI uri = URI.create(feed.url()); // throws on bad syntax
      assertEquals("https", uri.getScheme(), feed.url());
      assertTrue(uri.getHost() != null && uri.getHost().contains("."), feed.url());
      assertTrue(uri.getRawFragment() == null, feed.url());
      assertFalse(feed.name().isBlank(), feed.url());
      assertTrue(seen.add(feed.url()), "duplicate " + feed.url());
    }
  }

  @Test
  void coversTheBigTechNewsroomsAndTheTradePress() {
    Set<String> hosts = new HashSet<>();
    feeds.forEach(f -> hosts.add(URI.create(f.url()).getHost()));

    assertTrue(hosts.containsAll(Set.of("blogs.microsoft.com", "blog.google", "press.aboutamazon.com",
        "about.fb.com", "nvidianews.nvidia.com", "www.alizila.com", "www.datacenterdynamics.com",
        "www.theregister.com", "news.google.com")), hosts.toString());
  }

  @Test
  void googleNewsSearchesAreWellFormedAndAboutAiInvestment() {
    List<URI> searches = feeds.stream().map(f -> URI.create(f.url()))
        .filter(u -> u.getHost().equals("news.google.com")).toList();

    assertFalse(searches.isEmpty());
    Set<String> editions = new HashSet<>();
    for (URI search : searches) {
      assertEquals("/rss/search", search.getPath());
      String query = URLDecoder.decode(search.getRawQuery(), StandardCharsets.UTF_8);
      if (query.contains("hl=en-US")) {
        assertTrue(query.contains("gl=US") && query.contains("ceid=US:en"), query);
        assertTrue(query.contains("AI") && query.contains("billion"), query);
        editions.add("en-US");
      } else {
        // Chinese editions: simplified for the mainland, traditional for Taiwan; amounts in 亿/億.
        boolean cn = query.contains("hl=zh-CN") && query.contains("gl=CN") && query.contains("ceid=CN:zh-Hans");
        boolean tw = query.contains("hl=zh-TW") && query.contains("gl=TW") && query.contains("ceid=TW:zh-Hant");
        assertTrue(cn || tw, "not a known Google News edition: " + query);
        assertTrue(query.contains("AI") && query.contains(cn ? "亿" : "億"), query);
        editions.add(cn ? "zh-CN" : "zh-TW");
      }
    }
    assertEquals(Set.of("en-US", "zh-CN", "zh-TW"), editions);
  }
}
