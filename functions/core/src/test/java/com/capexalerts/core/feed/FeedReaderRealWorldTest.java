package com.capexalerts.core.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shapes that real feeds have and Rome alone refuses with its internal exceptions, and what stays refused. */
class FeedReaderRealWorldTest {
  private static final String URL = "https://wire.example.com/rss";
  private static final Instant FETCHED = Instant.parse("2025-03-01T12:00:00Z");
  private final FeedReader reader = new FeedReader(Clock.fixed(FETCHED, ZoneOffset.UTC));

  private FeedParseResult read(String xml) throws FeedException {
    return reader.read(xml.getBytes(StandardCharsets.UTF_8), URL);
  }

  private static List<String> titles(FeedParseResult r) {
    return r.items().stream().map(FeedItem::title).toList();
  }

  @Test
  void anAggregatorsItemSourceNamesTheOutletElseTheFeedTitleDoes() throws Exception {
    FeedParseResult r = read("<rss version=\"2.0\"><channel><title>Google News - AI</title>"
        + "<item><title>AWS to put $12b into Singapore cloud - Straits Desk</title><guid>g-1</guid>"
        + "<source url=\"https://straits.example.sg\">Straits Desk</source></item>"
        + "<item><title>No source here</title><guid>g-2</guid></item></channel></rss>");
    assertEquals(List.of("Straits Desk", "Google News - AI"), r.items().stream().map(FeedItem::source).toList());
  }

  @Test
  void rssWithoutAChannelKeepsItsItems() throws Exception {
    FeedParseResult r = read("<rss><item><title>Direct item</title><link>https://wire.example.com/1</link></item>"
        + "</rss>");
    assertEquals(List.of("Direct item"), titles(r));
    assertEquals(List.of(), read("<rss version=\"2.0\"></rss>").items(), "an empty rss is an empty feed");
  }

  @Test
  void rssInUserlandsNamespaceAndUnknownVersionsAreRss20() throws Exception {
    FeedParseResult ns = read("<rss xmlns=\"http://backend.userland.com/rss2\"><channel><title>Wire</title>"
        + "<item><title>Namespaced</title><guid>n-1</guid></item></channel></rss>");
    assertEquals(List.of("Namespaced"), titles(ns));
    assertEquals("n-1", ns.items().getFirst().id());
    FeedParseResult v21 = read("<rss version=\"2.1\"><channel><title>Wire</title><item><title>Two one</title>"
        + "</item></channel></rss>");
    assertEquals(List.of("Two one"), titles(v21));
  }

  @Test
  void aFeedOutsideTheAtomNamespaceIsReadAsAtom() throws Exception {
    FeedParseResult r = read("<feed><title>Bare</title><entry><id>tag:x,2025:1</id><title>Bare entry</title>"
        + "<link href=\"https://wire.example.com/e1\"/><updated>2025-02-24T10:00:00Z</updated></entry></feed>");
    assertEquals(List.of("Bare entry"), titles(r));
    assertEquals("tag:x,2025:1", r.items().getFirst().id());
    assertEquals("https://wire.example.com/e1", r.items().getFirst().link());
    assertEquals("Bare", r.feedTitle());
  }

  @Test
  void atom03Base64ContentIsDecoded() throws Exception {
    FeedParseResult r = read("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>Old</title><entry>"
        + "<id>e-1</id><title mode=\"base64\">\n  TWljcm9zb2Z0IHdpbGwgaW52ZXN0\n  IDxiPiQ4MCBiaWxsaW9uPC9iPg==\n</title>"
        + "</entry></feed>");
    assertEquals(List.of("Microsoft will invest $80 billion"), titles(r));
  }

  @Test
  void controlCharactersAreDroppedWithAWarningInsteadOfLosingTheFeed() throws Exception {
    FeedParseResult r = read("<rss version=\"2.0\"><channel><title>Wire</title><item><title>Bell\u0007 in "
        + "title</title><link>https://wire.example.com/1</link></item></channel></rss>");
    assertEquals(List.of("Bell in title"), titles(r));
    assertEquals(1, r.itemErrors().size(), r.itemErrors().toString());
    assertTrue(r.itemErrors().getFirst().startsWith("warning: feed " + URL + ": dropped 1 character(s)"),
        r.itemErrors().toString());
  }

  @Test
  void aMegabyteOfEscapedHtmlIsNotStoppedByTheEntityLimit() throws Exception {
    StringBuilder items = new StringBuilder();
    String escaped = "&lt;p&gt;Microsoft &amp;amp; partners &lt;b&gt;invest&lt;/b&gt;&lt;/p&gt;".repeat(40);
    int n = 0;
    while (items.length() < 1_100_000) {
      items.append("<item><title>Item ").append(++n).append("</title><link>https://wire.example.com/").append(n)
          .append("</link><description>").append(escaped).append("</description></item>");
    }
    FeedParseResult r = read("<rss version=\"2.0\"><channel><title>Wire</title>" + items + "</channel></rss>");
    assertEquals(n, r.items().size());
    assertTrue(n * 40 * 10 > 100_000, "more entity references than the JDK's default limit");
  }

  @Test
  void anUndeclaredItunesPrefixIsReadWithAWarning() throws Exception {
    FeedParseResult r = read("<rss version=\"2.0\"><channel><title>Pod</title><item><title>Ep 1</title>"
        + "<itunes:subtitle>Foo</itunes:subtitle></item></channel></rss>");
    assertEquals(List.of("Ep 1"), titles(r));
    assertTrue(r.itemErrors().getFirst().contains("prefix \"itunes\" is used but not declared"), r.itemErrors().toString());
  }

  @Test
  void cdfAndAnUnknownPrefixStayRefusedWithAClearReason() {
    FeedException cdf = assertThrows(FeedException.class, () -> read("<CHANNEL HREF=\"http://x.example/\">"
        + "<TITLE>CDF</TITLE></CHANNEL>"));
    assertTrue(cdf.getMessage().contains("CDF (Channel Definition Format), not RSS or Atom"), cdf.getMessage());
    FeedException prefix = assertThrows(FeedException.class, () -> read("<rss><channel><x:y>1</x:y></channel></rss>"));
    assertTrue(prefix.getMessage().contains("The prefix \"x\""), prefix.getMessage());
  }

  @Test
  void jsonFeed11IsRead() throws Exception {
    FeedParseResult r = read("""
        {"version": "https://jsonfeed.org/version/1.1", "title": "JSON Wire",
         "home_page_url": "https://wire.example.com/",
         "items": [
           {"id": "1", "title": "Meta will invest $65 billion in AI", "url": "/meta-65",
            "content_html": "<p>Meta <b>will</b> invest $65 billion.</p>", "date_published": "2025-02-24T10:00:00Z"},
           {"id": 2, "content_text": "No title, plain text", "date_published": "9999-01-01T00:00:00Z"},
           {"title": "No id"},
           "not an object"
         ]}
        """);
    assertEquals(List.of("Meta will invest $65 billion in AI", ""), titles(r));
    FeedItem meta = r.items().getFirst();
    assertEquals("1", meta.id());
    assertEquals("https://wire.example.com/meta-65", meta.link());
    assertEquals("Meta will invest $65 billion.", meta.summary());
    assertEquals(Instant.parse("2025-02-24T10:00:00Z"), meta.published());
    assertEquals("JSON Wire", meta.source());
    assertEquals("2", r.items().get(1).id());
    assertEquals(FETCHED, r.items().get(1).published(), "year 9999 is implausible: the fetch time");
    assertEquals(3, r.itemErrors().size(), r.itemErrors().toString());
    assertTrue(r.itemErrors().get(0).contains("item 2: warning: date read as 9999-01-01T00:00:00Z is implausible"),
        r.itemErrors().toString());
    assertTrue(r.itemErrors().get(1).contains("item 3: has no id"), r.itemErrors().toString());
  }

  @Test
  void jsonThatIsNotAJsonFeedIsRefusedSayingSo() {
    FeedException e = assertThrows(FeedException.class, () -> read("{\"items\": []}"));
    assertTrue(e.getMessage().contains("not a JSON Feed"), e.getMessage());
    FeedException broken = assertThrows(FeedException.class, () -> read("{\"version\": "));
    assertTrue(broken.getMessage().contains("JSON but not well-formed"), broken.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1740391200",                                  // epoch seconds, which Rome reads as a year
      "9999-12-31T00:00:00Z",
      "1970-01-01T00:00:00Z",
      "2025-03-04T12:00:01Z",                        // over two days after the fetch
  })
  void implausibleDatesBecomeTheFetchTimeWithAWarning(String date) throws Exception {
    FeedParseResult r = read("<rss version=\"2.0\"><channel><title>Wire</title><item><title>Dated</title>"
        + "<link>https://wire.example.com/1</link><pubDate>" + date + "</pubDate></item></channel></rss>");
    assertEquals(FETCHED, r.items().getFirst().published());
    assertEquals(1, r.itemErrors().size(), r.itemErrors().toString());
    assertTrue(r.itemErrors().getFirst().contains("item 1: warning: date read as"), r.itemErrors().toString());
  }

  @Test
  void aLongFractionOfASecondIsCutNotReadAsMoreSeconds() throws Exception {
    FeedParseResult r = read("<rss version=\"2.0\"><channel><title>Wire</title><item><title>Dated</title>"
        + "<link>https://wire.example.com/1</link><pubDate>2025-02-24T10:00:00.123456789012Z</pubDate></item>"
        + "</channel></rss>");
    assertEquals(Instant.parse("2025-02-24T10:00:00.123456789Z"), r.items().getFirst().published());
    assertEquals(List.of(), r.itemErrors());
    FeedParseResult plausible = read("<rss version=\"2.0\"><channel><title>Wire</title><item><title>Soon</title>"
        + "<link>https://wire.example.com/2</link><pubDate>2025-03-02T12:00:00Z</pubDate></item></channel></rss>");
    assertEquals(Instant.parse("2025-03-02T12:00:00Z"), plausible.items().getFirst().published(),
        "a day ahead is clock drift, kept");
    assertNull(read("<rss version=\"2.0\"><channel><title>W</title><item><title>Undated</title></item></channel>"
        + "</rss>").items().getFirst().published());
  }
}
