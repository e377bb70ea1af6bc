package com.capexalerts.core.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One bad item is reported with its position; the items around it are kept. */
class FeedReaderItemErrorsTest {
  private static final String URL = "https://wire.example.com/rss";

  private static List<String> titles(FeedParseResult result) {
    return result.items().stream().map(FeedItem::title).toList();
  }

  @Test
  void itemWithNothingToShowIsReportedWithItsIndexAndTheOthersKept() throws Exception {
    byte[] body = Fixtures.rss("""
        <item><title>First good item</title><link>https://wire.example.com/1</link></item>
        <item><guid isPermaLink="false">only-a-guid</guid><pubDate>Mon, 24 Feb 2025 10:00:00 GMT</pubDate></item>
        <item><title>Third good item</title><link>https://wire.example.com/3</link></item>
        """);

    FeedParseResult result = new FeedReader().read(body, URL);

    assertEquals(List.of("First good item", "Third good item"), titles(result));
    assertEquals(List.of("feed " + URL + ", item 2: has no title, no link and no description"), result.itemErrors());
  }

  @Test
  void unparseableDateKeepsTheItemWithoutADate() throws Exception {
    byte[] body = Fixtures.rss("""
        <item><title>Dated</title><link>https://wire.example.com/1</link>
          <pubDate>Mon, 24 Feb 2025 10:00:00 GMT</pubDate></item>
        <item><title>Badly dated</title><link>https://wire.example.com/2</link>
          <pubDate>sometime last week</pubDate></item>
        <item><title>Impossible date</title><link>https://wire.example.com/3</link>
          <dc:date>2025-02-30T10:00:00Z</dc:date></item>
        """);

    FeedParseResult result = new FeedReader().read(body, URL);

    assertEquals(List.of("Dated", "Badly dated", "Impossible date"), titles(result));
    assertEquals(List.of(), result.itemErrors());
    assertEquals(Instant.parse("2025-02-24T10:00:00Z"), result.items().get(0).published());
    assertNull(result.items().get(1).published());
    assertNull(result.items().get(2).published());
  }

  @Test
  void itemWhoseProcessingThrowsIsReportedAndSkipped() throws Exception {
    byte[] body = Fixtures.rss("""
        <item><title>Before</title><link>https://wire.example.com/1</link></item>
        <item><title>Explodes</title><link>https://wire.example.com/2</link></item>
        <item><title>After</title><link>https://wire.example.com/3</link></item>
        """);
    var standard = new EntryMapper();
    ItemMapper failingOnOne = (entry, element, feed) -> {
      if (entry.getTitle().equals("Explodes")) {
        throw new IllegalStateException("simulated failure while mapping");
      }
      return standard.map(entry, element, feed);
    };

    FeedParseResult result = new FeedReader(failingOnOne).read(body, URL);

    assertEquals(List.of("Before", "After"), titles(result));
    assertEquals(List.of("feed " + URL + ", item 2: could not be read "
        + "(IllegalStateException: simulated failure while mapping)"), result.itemErrors());
  }

  @Test
  void itemsWithOnlyATitleOrOnlyADescriptionAreKept() throws Exception {
    byte[] body = Fixtures.rss("""
        <item><title>Headline only</title></item>
        <item><description>A description without a title, as RSS 2.0 allows.</description>
          <pubDate>Tue, 25 Feb 2025 08:00:00 GMT</pubDate></item>
        <item><link>https://wire.example.com/link-only?utm_source=x</link></item>
        """);

    FeedParseResult result = new FeedReader().read(body, URL);

    assertEquals(List.of(), result.itemErrors());
    assertEquals(3, result.items().size());
    FeedItem headline = result.items().get(0);
    assertEquals("sha256:" + FeedReaderFormatsTest.sha256Hex("Headline only\n"), headline.id());
    FeedItem untitled = result.items().get(1);
    assertEquals("", untitled.title());
    assertEquals("sha256:" + FeedReaderFormatsTest.sha256Hex(
        "A description without a title, as RSS 2.0 allows.\n2025-02-25T08:00:00Z"), untitled.id());
    FeedItem linkOnly = result.items().get(2);
    assertEquals("https://wire.example.com/link-only", linkOnly.id()); // canonical: tracking removed
    assertEquals("https://wire.example.com/link-only?utm_source=x", linkOnly.link());
  }

  @Test
  void junkInChannelHintsThatRomeRejectsDoesNotCostTheItems() throws Exception {
    byte[] body = Fixtures.rss("""
        <ttl>soon</ttl><skipHours><hour>x</hour></skipHours><skipDays><day>Caturday</day></skipDays>
        <cloud domain="rpc.example.com" port="eighty" path="/rpc" registerProcedure="p" protocol="xml-rpc"/>
        <item><title>Kept</title><link>https://wire.example.com/1</link></item>
        """);

    FeedParseResult result = new FeedReader().read(body, URL);

    assertEquals(List.of("Kept"), titles(result));
  }

  @Test
  void unusableLinksAreDroppedNotFatal() throws Exception {
    byte[] body = Fixtures.rss("""
        <item><title>Script link</title><link>javascript:alert(1)</link></item>
        <item><title>Mail link</title><link>mailto:news@wire.example.com</link></item>
        <item><title>Spaces in link</title><link>https://wire.example.com/a b|c</link></item>
        """);

    FeedParseResult result = new FeedReader().read(body, URL);

    assertEquals(List.of(), result.itemErrors());
    assertNull(result.items().get(0).link());
    assertNull(result.items().get(1).link());
    assertEquals("https://wire.example.com/a%20b%7Cc", result.items().get(2).link());
  }
}
