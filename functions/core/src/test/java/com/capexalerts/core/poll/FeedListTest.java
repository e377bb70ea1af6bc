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
}
