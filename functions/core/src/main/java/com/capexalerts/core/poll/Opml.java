package com.capexalerts.core.poll;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** OPML 2.0 subscription lists, the format feed readers import and export: {@code <outline type="rss" xmlUrl=…>}. */
public final class Opml {
  /** The largest OPML document read. */
  public static final int MAX_BYTES = 1024 * 1024;

  private Opml() {}

  /** True when the text looks like an OPML document (an XML prolog or an {@code <opml} element first). */
  public static boolean looksLike(String text) {
    String t = text.stripLeading();
    return t.startsWith("<?xml") || t.regionMatches(true, 0, "<opml", 0, 5);
  }

  /**
   * The feeds of an OPML document: every outline with an {@code xmlUrl}, at any depth (folders are flattened), named
   * by its {@code title} or {@code text}. DOCTYPEs are refused (no entities, no external resources).
   *
   * @throws IllegalArgumentException not OPML, or no feed in it
   */
  public static List<Feed> parse(byte[] body) {
    if (body.length > MAX_BYTES) {
      throw new IllegalArgumentException("OPML document over " + MAX_BYTES + " bytes");
    }
    Document doc;
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      doc = b.parse(new ByteArrayInputStream(body));
    } catch (SAXException e) {
      throw new IllegalArgumentException("not well-formed OPML: " + e.getMessage());
    } catch (ParserConfigurationException | IOException e) {
      throw new IllegalArgumentException("OPML could not be read: " + e.getMessage());
    }
    Element root = doc.getDocumentElement();
    if (!"opml".equals(root.getTagName())) {
      throw new IllegalArgumentException("root element <" + root.getTagName() + ">, not <opml>");
    }
    List<Feed> feeds = new ArrayList<>();
    NodeList outlines = root.getElementsByTagName("outline");
    for (int i = 0; i < outlines.getLength(); i++) {
      Element o = (Element) outlines.item(i);
      String url = o.getAttribute("xmlUrl").strip();
      if (url.isEmpty()) {
        continue; // a folder
      }
      String name = !o.getAttribute("title").isBlank() ? o.getAttribute("title") : o.getAttribute("text");
      feeds.add(new Feed(url, name.isBlank() ? null : name));
    }
    if (feeds.isEmpty()) {
      throw new IllegalArgumentException("no <outline xmlUrl=\"…\"> in the OPML document");
    }
    return feeds;
  }

  /** An OPML 2.0 document of the feeds; a disabled feed carries {@code capexEnabled="false"} (readers ignore it). */
  public static String write(List<FeedState> feeds, Instant now) {
    StringBuilder s = new StringBuilder();
    s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n")
        .append("    <title>AI Capex Alerts feeds</title>\n    <dateCreated>")
        .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC)))
        .append("</dateCreated>\n  </head>\n  <body>\n");
    for (FeedState f : feeds) {
      String name = f.name() != null ? f.name() : Feed.defaultName(f.feedUrl());
      s.append("    <outline type=\"rss\" text=\"").append(escape(name)).append("\" title=\"").append(escape(name))
          .append("\" xmlUrl=\"").append(escape(f.feedUrl())).append('"');
      if (!f.enabled()) {
        s.append(" capexEnabled=\"false\"");
      }
      s.append("/>\n");
    }
    return s.append("  </body>\n</opml>\n").toString();
  }

  private static String escape(String v) {
    StringBuilder b = new StringBuilder(v.length());
    for (char c : v.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> b.append(c < 0x20 ? ' ' : c);
      }
    }
    return b.toString();
  }
}
