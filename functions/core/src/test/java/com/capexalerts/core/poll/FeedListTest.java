package com.capexalerts.core.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeedListTest {
  @Test
  void commaSeparatedUrlsGetHostNames() {
    assertEquals(List.of(new Feed("https://www.theregister.com/headlines.atom", "theregister.com"),
            new Feed("samples/feeds/alibaba.xml", "alibaba.xml")),
        FeedList.parse(" https://www.theregister.com/headlines.atom , samples/feeds/alibaba.xml,"));
  }

  @Test
  void jsonListsOfStringsAndObjectsDropDuplicates() {
    List<Feed> feeds = FeedList.parse("""
        [{"url": "https://blogs.microsoft.com/feed/", "name": "Official Microsoft Blog"},
         "https://blog.google/rss/",
         {"url": "https://blogs.microsoft.com/feed/", "name": "again"}]""");

    assertEquals(List.of(new Feed("https://blogs.microsoft.com/feed/", "Official Microsoft Blog"),
        new Feed("https://blog.google/rss/", "blog.google")), feeds);
  }

  @Test
  void errorsNameTheEntry() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FeedList.parse("[\"https://a.example/feed\", {\"name\": \"no url\"}]"));
    assertTrue(e.getMessage().startsWith("entry 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FeedList.parse("[not json"));
    assertThrows(IllegalArgumentException.class, () -> FeedList.parse(" , "));
    assertThrows(IllegalArgumentException.class, () -> FeedList.parse("[]"));
  }

  @Test
  void aThousandLineFileIsAThousandFeeds() {
    StringBuilder text = new StringBuilder("# feeds, one a line\n\n");
    for (int i = 0; i < 1000; i++) {
      text.append("https://feeds").append(i).append(".example/rss\r\n");
    }
    List<Feed> feeds = FeedList.parse(text.toString());
    assertEquals(1000, feeds.size());
    assertEquals("https://feeds999.example/rss", feeds.get(999).url());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FeedList.parse("https://a.example/rss\nhttps://b.example/rss https://c.example/rss\n"));
    assertTrue(e.getMessage().startsWith("line 2"), e.getMessage());
  }

  @Test
  void opmlOutlinesAtAnyDepthAreFeeds() {
    List<Feed> feeds = FeedList.parse("""
        <?xml version="1.0"?>
        <opml version="2.0"><head><title>x</title></head><body>
          <outline text="Tech"><outline type="rss" text="DCD" xmlUrl="https://www.datacenterdynamics.com/en/rss/"/>
          </outline>
          <outline type="rss" title="Register &amp; Co" text="reg" xmlUrl="https://www.theregister.com/headlines.atom"/>
        </body></opml>""");
    assertEquals(List.of(new Feed("https://www.datacenterdynamics.com/en/rss/", "DCD"),
        new Feed("https://www.theregister.com/headlines.atom", "Register & Co")), feeds);
    assertThrows(IllegalArgumentException.class, () -> FeedList.parse(
        "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x \"y\">]><opml><body/></opml>"));
    assertThrows(IllegalArgumentException.class, () -> FeedList.parse("<?xml version=\"1.0\"?><rss/>"));
  }

  @Test
  void opmlRoundTripsTheList() {
    List<FeedState> states = List.of(FeedState.listed("https://a.example/rss?x=1&y=2", "A <1>"),
        FeedState.listed("https://b.example/atom", null).withListing(null, true, false));
    String opml = Opml.write(states, java.time.Instant.parse("2026-01-01T00:00:00Z"));
    assertTrue(opml.contains("capexEnabled=\"false\""), opml);
    assertEquals(List.of(new Feed("https://a.example/rss?x=1&y=2", "A <1>"), new Feed("https://b.example/atom", null)),
        FeedList.parse(opml));
  }
}
