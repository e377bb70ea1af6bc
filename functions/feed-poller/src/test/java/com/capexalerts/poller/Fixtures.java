package com.capexalerts.poller;

import static com.capexalerts.poller.Rss.item;

import com.capexalerts.aws.dynamo.TableNames;
import com.capexalerts.aws.dynamo.Tables;
import java.time.Instant;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The fixture news: Microsoft's $80 billion told by its blog and a news site, Alibaba's 380 billion yuan ($53
 * billion) told by Alizila (also relayed by the news site under the same guid) and a wire story, plus items that must
 * not alert: context mentions, an amount below Apple's own threshold, and an item older than the max age.
 */
final class Fixtures {
  static final Instant NOW = Instant.parse("2025-02-26T12:00:00Z");
  static final String MICROSOFT_EVENT = "microsoft-2025-02-25-80b";
  static final String ALIBABA_EVENT = "alibaba-2025-02-24-53b";
  static final String MICROSOFT_BLOG_LINK = "https://blogs.microsoft.com/blog/2025/02/25/ai-datacenters/";
  static final String NEWS_MICROSOFT_LINK = "https://technews.example/2025/02/25/microsoft-80-billion";
  static final String ALIZILA_LINK = "https://www.alizila.com/alibaba-ai-infrastructure-380-billion-yuan/";
  static final String WIRE_LINK = "https://wire.example/alibaba-380bn-yuan";

  static final Rss.Item ALIBABA_PLEDGE = item("alizila-53b",
      "Alibaba will invest more than 380 billion yuan ($53 billion) in AI infrastructure over the next three years",
      "Alibaba Group will invest more than 380 billion yuan ($53 billion) in cloud and AI infrastructure over the "
          + "next three years, more than it spent in the past decade.",
      ALIZILA_LINK, "2025-02-24T03:00:00Z");

  static final byte[] MICROSOFT_BLOG = Rss.feed("Official Microsoft Blog",
      item("ms-80b", "Microsoft will invest $80 billion in AI data centres this fiscal year",
          "Microsoft will invest $80 billion in AI-enabled data centres this fiscal year, Brad Smith wrote.",
          MICROSOFT_BLOG_LINK + "?utm_source=rss&utm_medium=rss", "2025-02-25T14:00:00Z"),
      item("ms-context", "Alibaba shares fell 2.5% after its AI plan",
          "The plan was compared with Microsoft's $80 billion and Meta's $65 billion budgets.",
          "https://blogs.microsoft.com/blog/2025/02/25/markets/", "2025-02-25T15:00:00Z"));

  static final byte[] NEWS = Rss.feed("Tech News",
      item("news-ms", "Microsoft will invest $80 billion in AI data centres, Brad Smith says",
          "The company repeated its plan.", NEWS_MICROSOFT_LINK, "2025-02-25T16:00:00Z"),
      item("news-apple-small", "Apple will invest $1.5 billion in AI servers in Texas",
          "A small plant.", "https://technews.example/apple-texas", "2025-02-25T17:00:00Z"),
      item("news-old", "Nvidia will invest $10 billion in AI research",
          "Old news.", "https://technews.example/nvidia-old", "2025-01-20T10:00:00Z"),
      ALIBABA_PLEDGE);

  static final byte[] ALIZILA = Rss.feed("Alizila",
      ALIBABA_PLEDGE,
      item("wire-yuan", "Alibaba will invest 380 billion yuan (about $52.6 billion) in cloud and AI hardware",
          "The pledge was announced on Monday.", WIRE_LINK, "2025-02-24T08:00:00Z"));

  private Fixtures() {}

  /** New, empty tables on the shared moto server. */
  static TableNames freshTables(DynamoDbClient dynamo) {
    TableNames names = TableNames.withPrefix("p" + UUID.randomUUID().toString().substring(0, 8));
    Tables.createIfMissing(dynamo, names);
    return names;
  }
}
