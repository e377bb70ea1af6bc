package com.capexalerts.cli.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.FindingKind;
import com.capexalerts.core.feed.FeedException;
import com.capexalerts.core.feed.FeedItem;
import com.capexalerts.core.feed.FeedParseResult;
import com.capexalerts.core.money.MoneyAmount;
import com.capexalerts.core.poll.Feed;
import com.capexalerts.core.poll.FeedStatus;
import com.capexalerts.core.poll.PollReport;
import com.capexalerts.core.poll.Poller;
import com.capexalerts.core.poll.PollerConfig;
import com.capexalerts.testsupport.MutableClock;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local run: feeds read from disk (a file: URL and a plain path) and state in a directory, as the CLI does.
 * Parsing and detection are small stand-ins (the project's reader and detector are placeholders on this branch).
 */
class LocalPollTest {
  private static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>%s</title><link>https://example.com/</link><description>d</description>
      <item><guid>%s</guid><title>Microsoft will invest $80 billion in AI data centres this fiscal year</title>
      <link>%s</link><pubDate>Tue, 25 Feb 2025 14:00:00 GMT</pubDate></item>
      </channel></rss>
      """;

  @TempDir
  Path dir;

  @Test
  void fileFeedsAndFileStateBehaveLikeTheCloud() throws Exception {
    Path blog = Files.writeString(dir.resolve("microsoft.xml"),
        RSS.formatted("Microsoft", "ms-80b", "https://blogs.microsoft.com/a/"));
    Path news = Files.writeString(dir.resolve("news.xml"),
        RSS.formatted("News", "news-80b", "https://news.example/microsoft"));
    MutableClock clock = new MutableClock(Instant.parse("2025-02-26T12:00:00Z"));
    FileStores state = FileStores.open(dir.resolve("state"), clock);
    Poller poller = Poller.builder()
        .config(PollerConfig.defaults())
        .parser(LocalPollTest::parse)
        .findings(item -> item.title().startsWith("Microsoft will invest $80 billion")
            ? List.of(new Finding("Microsoft", FindingKind.ANNOUNCEMENT, new MoneyAmount(new BigDecimal("8e10"),
                "USD", "$80 billion"), new BigDecimal("8e10"), "this fiscal year", item.title(), false))
            : List.of())
        .feedStates(state.feedStates())
        .seenItems(state.seenItems())
        .announcements(state.announcements())
        .ledger(state.ledger())
        .clock(clock)
        .build();
    List<Feed> feeds = List.of(new Feed(blog.toUri().toString(), "Microsoft"), new Feed(news.toString(), "News"));

    PollReport first = poller.poll(feeds);
    clock.advance(Duration.ofMinutes(15));
    PollReport second = poller.poll(feeds);

    assertEquals(List.of("microsoft-2025-02-25-80b"), first.newEvents().stream().map(a -> a.key().value()).toList());
    assertEquals(1, first.sourcesAdded().size());
    assertEquals(List.of(FeedStatus.NOT_MODIFIED, FeedStatus.NOT_MODIFIED),
        second.feeds().stream().map(f -> f.status()).toList(), "unchanged files are not read again");
    assertEquals(2, state.announcements().get(first.newEvents().getFirst().key()).orElseThrow().sources().size());
  }

  private static FeedParseResult parse(byte[] body, String url) throws FeedException {
    try {
      var feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
      return new FeedParseResult(url, feed.getTitle(), feed.getEntries().stream()
          .map(e -> new FeedItem(e.getUri(), e.getTitle(), "", e.getLink(), e.getPublishedDate().toInstant(), null))
          .toList(), List.of());
    } catch (Exception e) {
      throw new FeedException(url + ": " + e.getMessage(), e);
    }
  }
}
