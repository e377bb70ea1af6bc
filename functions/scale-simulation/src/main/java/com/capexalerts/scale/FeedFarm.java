package com.capexalerts.scale;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many RSS feeds on 127.0.0.1, spread over several ports (each port one origin, as separate sites would be). Each
 * feed answers after a delay with 20 items and an ETag, and 304 to a matching If-None-Match. A feed's kind says how
 * it behaves: unchanged, publishing (a new item per version), slow, failing (HTTP 503 with Retry-After, or 500), or
 * carrying the shared announcement that many outlets retell.
 */
public final class FeedFarm implements AutoCloseable {
  public enum Kind { QUIET, PUBLISHING, SLOW, FAILING, ANNOUNCING }

  /** Titles of the same pledge as different outlets write it. */
  static final List<String> RETOLD = List.of(
      "Microsoft plans $80 billion AI data-centre spend this fiscal year",
      "Microsoft to invest $80 billion in AI data centers in fiscal 2025",
      "Microsoft expects to spend $80 billion on AI-enabled data centers this fiscal year");
  static final String RETOLD_SUMMARY = "Microsoft is on track to invest approximately $80 billion in fiscal 2025 to "
      + "build out AI-enabled data centres, vice chair Brad Smith wrote in a blog post on Friday.";

  private final List<HttpServer> servers = new ArrayList<>();
  private final Kind[] kinds;
  private final AtomicIntegerArray versions;
  private final long delayMs;
  private final long slowMs;
  private final Instant published;
  /** Shown from this version on by announcing feeds; before it they are quiet. */
  private volatile int announceFrom = Integer.MAX_VALUE;
  public final AtomicLong requests = new AtomicLong();
  public final AtomicLong notModified = new AtomicLong();
  /** 5xx answers. */
  public final AtomicLong failed = new AtomicLong();
  /** Items in the 200 bodies served. */
  public final AtomicLong items = new AtomicLong();
  /** Bodies served that carry the retold pledge: once above 0, one alert is owed. */
  public final AtomicLong announcementsServed = new AtomicLong();

  /**
   * @param kinds     one per feed
   * @param origins   ports to spread the feeds over
   * @param delayMs   answer delay of a normal feed
   * @param slowMs    answer delay of a slow feed
   * @param published publication time of the announcement items
   */
  public FeedFarm(Kind[] kinds, int origins, long delayMs, long slowMs, Instant published) throws IOException {
    this.kinds = kinds.clone();
    this.versions = new AtomicIntegerArray(kinds.length);
    this.delayMs = delayMs;
    this.slowMs = slowMs;
    this.published = published;
    for (int i = 0; i < origins; i++) {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext("/", this::answer);
      server.start();
      servers.add(server);
    }
  }

  public int size() {
    return kinds.length;
  }

  public Kind kind(int feed) {
    return kinds[feed];
  }

  public String url(int feed) {
    return "http://127.0.0.1:" + servers.get(feed % servers.size()).getAddress().getPort() + "/feed/" + feed;
  }

  /** Publishing feeds get a new item (a new version, so a new ETag). */
  public void publish(int feed) {
    versions.incrementAndGet(feed);
  }

  /** Announcing feeds carry the retold pledge from now on. */
  public void announce() {
    for (int i = 0; i < kinds.length; i++) {
      if (kinds[i] == Kind.ANNOUNCING) {
        versions.incrementAndGet(i);
      }
    }
    announceFrom = 0;
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      int feed;
      try {
        feed = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
      } catch (NumberFormatException e) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      Kind kind = kinds[feed];
      sleep(kind == Kind.SLOW ? slowMs : delayMs);
      if (kind == Kind.FAILING) {
        failed.incrementAndGet();
        if (feed % 2 == 0) {
          exchange.getResponseHeaders().set("Retry-After", "1800");
          exchange.sendResponseHeaders(503, -1);
        } else {
          exchange.sendResponseHeaders(500, -1);
        }
        return;
      }
      int version = versions.get(feed);
      String etag = "\"f" + feed + "-v" + version + "\"";
      exchange.getResponseHeaders().set("ETag", etag);
      if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
        notModified.incrementAndGet();
        exchange.sendResponseHeaders(304, -1);
        return;
      }
      boolean announcing = kind == Kind.ANNOUNCING && announceFrom == 0;
      if (announcing) {
        announcementsServed.incrementAndGet();
      }
      items.addAndGet(20);
      byte[] body = rss(feed, version, announcing).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** 20 items, the newest {@code version} of them new since version 0. */
  private String rss(int feed, int version, boolean announcing) {
    StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
        .append("<title>Loopback feed ").append(feed).append("</title><link>http://outlet-").append(feed)
        .append(".example/</link><description>simulated</description>");
    int items = 20;
    if (announcing) {
      String title = RETOLD.get(feed % RETOLD.size());
      s.append("<item><title>").append(title.replace("&", "&amp;")).append("</title>")
          .append("<link>http://outlet-").append(feed).append(".example/microsoft-80-billion</link>")
          .append("<guid>outlet-").append(feed).append("-microsoft-80-billion</guid>")
          .append("<pubDate>").append(rfc1123(published.minusSeconds(86_400L * (feed % 3) + 60L * (feed % 600)))).append("</pubDate>")
          .append("<description>").append(RETOLD_SUMMARY).append("</description></item>");
      items--;
    }
    for (int j = 0; j < items; j++) {
      int n = version + 1000 - j;
      s.append("<item><title>Outlet ").append(feed).append(" notes, number ").append(n)
          .append(": quarterly update on local weather and sports</title>")
          .append("<link>http://outlet-").append(feed).append(".example/notes/").append(n).append("</link>")
          .append("<guid>outlet-").append(feed).append("-notes-").append(n).append("</guid>")
          .append("<pubDate>").append(rfc1123(published.minusSeconds(3600L * (j + 1)))).append("</pubDate>")
          .append("<description>Nothing about money here.</description></item>");
    }
    return s.append("</channel></rss>").toString();
  }

  private static String rfc1123(Instant t) {
    return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atOffset(java.time.ZoneOffset.UTC));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
  }
}
