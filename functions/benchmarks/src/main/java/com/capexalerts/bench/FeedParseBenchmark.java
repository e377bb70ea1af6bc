package com.capexalerts.bench;

import com.capexalerts.core.feed.FeedException;
import com.capexalerts.core.feed.FeedParseResult;
import com.capexalerts.core.feed.FeedReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time to read one large feed: 500 RSS 2.0 items, each with an HTML description of about 1 KB, through the whole
 * FeedReader path (decode, hardened parse, Rome, HTML to text, links, dates, ids). The score is ms per feed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FeedParseBenchmark {
  static final int ITEMS = 500;

  private static final String[] COMPANIES = {"Alibaba", "Microsoft", "Meta", "Alphabet", "Amazon", "Oracle",
      "Tencent", "Samsung", "Apple", "Nvidia"};
  private static final String[] TOPICS = {"data centres", "AI infrastructure", "a new smartphone", "cloud revenue",
      "chip supply", "an antitrust review", "quarterly results", "a software update", "fibre networks", "GPUs"};

  private final FeedReader reader = new FeedReader();
  private byte[] body;

  @Setup
  public void generateFeed() throws FeedException {
    body = feed(ITEMS);
    int read = reader.read(body, "https://bench.example.com/rss").items().size();
    if (read != ITEMS) {
      throw new IllegalStateException("generated feed reads as " + read + " items, expected " + ITEMS);
    }
  }

  @Benchmark
  public FeedParseResult read500ItemRss2Feed() throws FeedException {
    return reader.read(body, "https://bench.example.com/rss");
  }

  /** A deterministic RSS 2.0 feed: realistic titles, links with tracking parameters, RFC 822 dates, HTML bodies. */
  static byte[] feed(int items) {
    var rss = new StringBuilder(items * 1_600);
    rss.append("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Benchmark Wire</title><link>https://bench.example.com/</link>
        <description>Generated feed for the parse benchmark.</description>
        """);
    ZonedDateTime start = ZonedDateTime.of(2025, 2, 24, 9, 0, 0, 0, ZoneOffset.ofHours(8));
    for (int i = 0; i < items; i++) {
      String company = COMPANIES[i % COMPANIES.length];
      String topic = TOPICS[(i * 7) % TOPICS.length];
      int billions = 5 + (i * 13) % 90;
      String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(start.minusMinutes(37L * i));
      rss.append("<item>\n<title>").append(company).append(" outlines plans for ").append(topic)
          .append(" (story ").append(i).append(")</title>\n")
          .append("<link>https://bench.example.com/news/2025/").append(i).append("/").append(company.toLowerCase())
          .append("-update?utm_source=rss&amp;utm_medium=feed&amp;id=").append(i).append("</link>\n")
          .append("<guid isPermaLink=\"false\">bench-").append(i).append("</guid>\n")
          .append("<pubDate>").append(date).append("</pubDate>\n")
          .append("<dc:creator>Staff reporter</dc:creator>\n")
          .append("<description><![CDATA[").append(description(company, topic, billions)).append("]]></description>\n")
          .append("</item>\n");
    }
    rss.append("</channel></rss>\n");
    return rss.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String description(String company, String topic, int billions) {
    return """
        <div class="story"><p><strong>%1$s</strong> said on Monday it would put about <em>$%2$d billion</em> into \
        %3$s over the next three years, according to a statement published on its website &amp; filed with \
        regulators.</p>
        <p>The company said the spending would support demand from business customers and that most of it would \
        go to facilities in its home market, though it gave no breakdown by year and did not say how the spending would be financed.</p>
        <p>Analysts said the plan was in line with what rivals had announced in recent months&nbsp;&mdash; several \
        of them have raised their own budgets &#8212; and that investors would watch margins closely.</p>
        <ul><li>Amount: about $%2$d billion</li><li>Period: three years</li><li>Focus: %3$s</li></ul>
        <p>Shares of %1$s were little changed in early trading. <a href="https://bench.example.com/markets">Markets \
        coverage</a> &middot; <img src="https://bench.example.com/pic.jpg" alt="photo"/></p></div>""".formatted(
        company, billions, topic);
  }
}
