package com.capexalerts.poller;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Builds RSS 2.0 fixture documents. */
final class Rss {
  record Item(String guid, String title, String description, String link, Instant published) {}

  private Rss() {}

  static Item item(String guid, String title, String description, String link, String published) {
    return new Item(guid, title, description, link, Instant.parse(published));
  }

  static byte[] feed(String title, Item... items) {
    StringBuilder xml = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>%s</title><link>https://example.com/</link>
        <description>fixture</description>
        """.formatted(escape(title)));
    for (Item i : items) {
      xml.append("<item><guid isPermaLink=\"false\">").append(escape(i.guid())).append("</guid>")
          .append("<title>").append(escape(i.title())).append("</title>")
          .append("<description>").append(escape(i.description())).append("</description>")
          .append("<link>").append(escape(i.link())).append("</link>")
          .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(i.published().atOffset(
              ZoneOffset.UTC))).append("</pubDate></item>\n");
    }
    xml.append("</channel></rss>\n");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
