package com.capexalerts.core.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedReaderFormatsTest {

  private static FeedItem item(FeedParseResult result, String titleStart) {
    return result.items().stream().filter(i -> i.title().startsWith(titleStart)).findFirst()
        .orElseThrow(() -> new AssertionError("no item starting " + titleStart + " in " + result.items()));
  }

  @Test
  void rss2NewsroomFeed() throws Exception {
    FeedParseResult result = Fixtures.read("newsroom-rss2.xml");

    assertEquals("https://feeds.example/newsroom-rss2.xml", result.feedUrl());
    assertEquals("Pacific Tech Wire — Business", result.feedTitle());
    assertEquals(List.of(), result.itemErrors());
    assertEquals(6, result.items().size());

    FeedItem alibaba = result.items().getFirst();
    assertEquals("ptw-2025-02-24-alibaba-ai-infrastructure", alibaba.id());
    assertEquals("Alibaba to invest over 380 billion yuan ($53 billion) in AI infrastructure over three years",
        alibaba.title());
    assertEquals("https://www.pacifictechwire.example/business/2025/02/24/alibaba-ai-infrastructure-380-billion-yuan"
        + "?utm_source=rss&utm_medium=feed&utm_campaign=business", alibaba.link());
    assertEquals(Instant.parse("2025-02-24T01:15:00Z"), alibaba.published());
    assertEquals("Pacific Tech Wire — Business", alibaba.source());
    // content:encoded (longer) wins over the one-line description; blocks stay separate sentences.
    assertTrue(alibaba.summary().startsWith("Alibaba Group said on Monday it will invest more than 380 billion yuan "
        + "($53 billion) in cloud computing and AI infrastructure over the next three years. The company said"),
        alibaba.summary());
    assertTrue(alibaba.summary().contains("up to $65 billion for 2025. Alibaba’s Hong Kong-listed shares fell 2.5% on "
        + "Monday. Key figures. More than 380 billion yuan over three years. About $53 billion at current exchange "
        + "rates"), alibaba.summary());
    assertFalse(alibaba.summary().contains("<"), alibaba.summary());
    assertFalse(alibaba.summary().contains("  "), alibaba.summary());

    FeedItem samsung = item(result, "Samsung");
    assertEquals("https://www.pacifictechwire.example/business/2025/02/23/samsung-thinner-foldable", samsung.id());
    assertEquals("The prototype folds flat with a hinge about a third slimmer than last year’s model. "
        + "Samsung did not say when it would go on sale.", samsung.summary());
    assertEquals(Instant.parse("2025-02-23T18:40:00Z"), samsung.published());

    FeedItem fibre = item(result, "Broadband");
    assertEquals("Broadband: AT&T and Verizon widen their fibre footprint", fibre.title());
    assertEquals("Both carriers added homes to their fibre networks in the fourth quarter. "
        + "Analysts expect more deals for regional networks this year.", fibre.summary());
    assertEquals(Instant.parse("2025-02-22T13:00:00Z"), fibre.published()); // EST = UTC-5

    // No guid: the id is the canonical link, resolved against the channel link.
    FeedItem chips = item(result, "US weighs");
    assertEquals("https://www.pacifictechwire.example/business/2025/02/21/ai-chip-export-rules", chips.link());
    assertEquals(chips.link(), chips.id());

    FeedItem apple = item(result, "Apple");
    assertEquals("ptw-2025-01-31-apple-services", apple.id());
    assertEquals(Instant.parse("2025-01-30T23:05:00Z"), apple.published());
  }

  @Test
  void atomFeedWithXmlBaseAndMixedContentTypes() throws Exception {
    FeedParseResult result = Fixtures.read("tech-atom.xml");

    assertEquals("ByteSized Tech: Infrastructure", result.feedTitle());
    assertEquals(List.of(), result.itemErrors());
    assertEquals(5, result.items().size());

    FeedItem microsoft = item(result, "Microsoft");
    assertEquals("tag:bytesized.example.net,2025-01-03:microsoft-ai-capex", microsoft.id());
    assertEquals("https://bytesized.example.net/infrastructure/2025/01/03/microsoft-80-billion-ai-data-centres",
        microsoft.link());
    assertEquals(Instant.parse("2025-01-03T18:30:00Z"), microsoft.published()); // published, not updated
    assertEquals("Microsoft plans to spend about $80 billion in its fiscal year ending in June on data centres that "
        + "train AI models and run AI and cloud applications, the company’s vice chair and president wrote in a blog "
        + "post. More than half of that amount is to be spent in the United States.", microsoft.summary());

    FeedItem meta = item(result, "Meta");
    assertEquals("https://bytesized.example.net/infrastructure/2025/01/24/meta-65-billion-capex", meta.link());
    assertEquals(Instant.parse("2025-01-24T21:05:00Z"), meta.published());
    // xhtml content; the first paragraph has no full stop, so one is added at the block boundary.
    assertEquals("Meta expects capital expenditures of $60 billion to $65 billion in 2025, chief executive Mark "
        + "Zuckerberg wrote in a post on Friday. The company is building a data centre of more than two gigawatts "
        + "and expects to end the year with well over a million GPUs.", meta.summary());

    FeedItem northwind = item(result, "Open-source database");
    assertEquals("Open-source database Northwind ships version 2.0", northwind.title()); // type="html" title
    assertEquals("https://bytesized.example.net/databases/northwind-2-0", northwind.link()); // entry xml:base
    assertEquals("The release adds logical replication & faster vacuuming.", northwind.summary());
    assertEquals(Instant.parse("2025-01-22T09:00:00Z"), northwind.published()); // ISO without seconds

    FeedItem carrier = item(result, "Carrier");
    assertEquals(Instant.parse("2025-01-20T06:45:00Z"), carrier.published()); // only <updated>

    FeedItem amazon = item(result, "Amazon");
    assertEquals("https://bytesized.example.net/markets/2025/01/17/amazon-cloud-beat", amazon.link());
  }

  @Test
  void rss1RdfFeedWithDcDates() throws Exception {
    FeedParseResult result = Fixtures.read("rdf-rss1.xml");

    assertEquals("Infra Daily", result.feedTitle());
    assertEquals(List.of(), result.itemErrors());
    assertEquals(5, result.items().size());

    FeedItem alibaba = result.items().getFirst();
    assertEquals("https://infradaily.example.org/2025/02/24/alibaba-380-billion-yuan", alibaba.id()); // rdf:about
    assertEquals(Instant.parse("2025-02-24T06:40:00Z"), alibaba.published());
    assertEquals("Alibaba says it will put more than 380 billion yuan, roughly $53 billion, into AI and cloud "
        + "infrastructure over three years. Its shares slipped 2.5% in Hong Kong after the announcement.",
        alibaba.summary());

    FeedItem alphabet = item(result, "Alphabet");
    assertEquals(Instant.parse("2025-02-05T08:10:00Z"), alphabet.published()); // dc:date without seconds
    assertEquals("Alphabet told investors it expects capital expenditures of roughly $75 billion this year, mostly "
        + "on servers and data centres for AI. It spent $52.5 billion in 2024.", alphabet.summary());

    assertEquals(Instant.parse("2025-02-03T00:00:00Z"), item(result, "Open-source browser").published());
    assertEquals(Instant.parse("2025-01-29T11:00:00Z"), item(result, "Regional grid").published());
  }

  @Test
  void rss091NetscapeFeedWithDoctypeLatin1AndHtmlEntities() throws Exception {
    FeedParseResult result = Fixtures.read("rss091.xml");

    assertEquals("Midwest Business Journal: Technology", result.feedTitle());
    assertEquals(List.of(), result.itemErrors());
    assertEquals(4, result.items().size());

    FeedItem aws = result.items().getFirst();
    assertEquals("AWS plans $11 billion data centre campus in Indiana", aws.title());
    assertEquals("https://mbj.example.com/technology/aws-indiana-data-centre-campus", aws.id());
    assertNull(aws.published());
    assertTrue(aws.summary().endsWith("one of the largest capital projects in the state's history."), aws.summary());

    FeedItem cafe = item(result, "Caf");
    assertEquals("Café chain rolls out app-based ordering", cafe.title()); // &eacute; without a DTD
    assertEquals("Customers at the chain’s 120 cafés can now order and pay from their phones.", cafe.summary());

    // No link and no guid: the id is a hash of title and (absent) date, the same on every read.
    FeedItem roundup = item(result, "Weekly roundup");
    assertNull(roundup.link());
    assertEquals("sha256:" + sha256Hex(roundup.title() + "\n"), roundup.id());
    assertEquals(roundup.id(), item(Fixtures.read("rss091.xml"), "Weekly roundup").id());

    FeedItem games = item(result, "Games studio");
    assertEquals("https://mbj.example.com/technology/games-studio-delays-sequel", games.link());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.91", "0.92", "0.93", "0.94", "2.0"})
  void everyRssVersionAttributeIsRead(String version) throws Exception {
    byte[] body = ("""
        <rss version="%s"><channel><title>Versions</title><link>https://v.example.com/</link>
        <description>d</description>
        <item><title>Item one</title><link>https://v.example.com/one</link><description>First.</description></item>
        <item><title>Item two</title><link>two</link><description>Second.</description></item>
        </channel></rss>""".formatted(version)).getBytes(StandardCharsets.UTF_8);

    FeedParseResult result = new FeedReader().read(body, "https://v.example.com/rss");

    assertEquals(List.of("Item one", "Item two"), result.items().stream().map(FeedItem::title).toList());
    assertEquals("https://v.example.com/two", result.items().get(1).link());
  }

  @Test
  void sourceFallsBackToHostOfFeedUrlWhenFeedHasNoTitle() throws Exception {
    byte[] body = """
        <rss version="2.0"><channel><link>https://untitled.example.com/</link><description>d</description>
        <item><title>Something happened</title><link>https://untitled.example.com/a</link></item>
        </channel></rss>""".getBytes(StandardCharsets.UTF_8);

    FeedParseResult result = new FeedReader().read(body, "https://Feeds.Untitled.example.com:8443/rss.xml");

    assertNull(result.feedTitle());
    assertEquals("feeds.untitled.example.com", result.items().getFirst().source());
  }

  @Test
  void longerOfDescriptionAndContentIsKeptAndCapped() throws Exception {
    String longParagraph = "Word ".repeat(6_000); // 30 000 chars of text
    byte[] body = Fixtures.rss("""
        <item><title>Short content, long description</title><link>https://wire.example.com/a</link>
          <description>A description that is clearly longer than the content below it.</description>
          <content:encoded><![CDATA[<p>Short.</p>]]></content:encoded></item>
        <item><title>Huge content</title><link>https://wire.example.com/b</link>
          <description>Short.</description>
          <content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>
        """.formatted(longParagraph));

    FeedParseResult result = new FeedReader().read(body, "https://wire.example.com/rss");

    assertEquals("A description that is clearly longer than the content below it.",
        result.items().get(0).summary());
    String huge = result.items().get(1).summary();
    assertTrue(huge.length() <= EntryMapper.MAX_SUMMARY_CHARS, "length " + huge.length());
    assertTrue(huge.length() > EntryMapper.MAX_SUMMARY_CHARS - 10, "length " + huge.length());
    assertTrue(huge.endsWith("Word…"), huge.substring(huge.length() - 20));
  }

  @Test
  void leadingWhitespaceAndCommentBeforeTheDeclarationAreTolerated() throws Exception {
    byte[] body = ("\n\n  <!-- generated by a CMS -->\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<rss version=\"2.0\"><channel><title>Sloppy</title><link>https://s.example.com/</link>"
        + "<description>d</description><item><title>Still read</title><link>/a</link></item></channel></rss>")
        .getBytes(StandardCharsets.UTF_8);

    FeedParseResult result = new FeedReader().read(body, "https://s.example.com/rss");

    assertEquals("https://s.example.com/a", result.items().getFirst().link());
  }

  @Test
  void htmlEntitiesThatXmlDoesNotDeclareAreDecoded() throws Exception {
    byte[] body = Fixtures.rss("""
        <item><title>Caf&eacute; &amp; bar &mdash; AI&nbsp;menus</title><link>https://wire.example.com/1</link>
          <description>Prices &euro;5 &hellip; &lt;b&gt;bold&lt;/b&gt;</description></item>
        <item><title>AT&T and R&D, unescaped</title><link>https://wire.example.com/2</link></item>
        """);

    FeedParseResult result = new FeedReader().read(body, "https://wire.example.com/rss");

    assertEquals("Café & bar — AI menus", result.items().getFirst().title());
    assertEquals("Prices €5 … bold", result.items().getFirst().summary());
    assertEquals("AT&T and R&D, unescaped", result.items().get(1).title()); // not XML, but common
    assertTrue(SafeXml.hasNonXmlEntity("a &eacute; b"));
    assertFalse(SafeXml.hasNonXmlEntity("a &amp; &lt; &gt; &quot; &apos; &#233; &#xE9; b"));
    assertFalse(SafeXml.hasNonXmlEntity("<a><![CDATA[x&nbsp;y]]>&amp;<![CDATA[&eacute;]]></a>"));
    assertTrue(SafeXml.hasNonXmlEntity("<a><![CDATA[x&nbsp;y]]>&eacute;<![CDATA[&z;]]></a>"));
    assertTrue(SafeXml.hasNonXmlEntity("<a>AT&T</a>"));
  }

  @Test
  void concurrentReadsGiveTheSameResultAsOneAtATime() throws Exception {
    var reader = new FeedReader();
    List<String> names = List.of("newsroom-rss2.xml", "tech-atom.xml", "rdf-rss1.xml", "rss091.xml");
    var expected = new java.util.ArrayList<FeedParseResult>();
    for (String name : names) {
      expected.add(reader.read(Fixtures.feed(name), name));
    }
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<FeedParseResult>>();
      for (int round = 0; round < 10; round++) {
        for (String name : names) {
          futures.add(pool.submit(() -> reader.read(Fixtures.feed(name), name)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertEquals(expected.get(i % names.size()), futures.get(i).get());
      }
    }
  }

  @Test
  void readingTheSameBodyTwiceGivesTheSameItems() throws Exception {
    byte[] body = Fixtures.feed("newsroom-rss2.xml");
    var reader = new FeedReader();
    assertEquals(reader.read(body, "u").items(), reader.read(body, "u").items());
  }

  static String sha256Hex(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
