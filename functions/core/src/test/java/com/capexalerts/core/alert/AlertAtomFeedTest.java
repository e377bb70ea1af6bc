package com.capexalerts.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.money.MoneyAmount;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class AlertAtomFeedTest {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String SELF = "https://api.example.com/feed.atom";
  private static final String ALT = "https://api.example.com/announcements";
  private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");

  static Announcement event(String key, String company, AnnouncementKind kind, String amount, String currency,
      String text, String usd, String evidence, String published) {
    Instant at = Instant.parse(published);
    String link = "https://news.example.com/" + key;
    return new Announcement(new EventKey(key), company, kind, new MoneyAmount(new BigDecimal(amount), currency, text),
        new BigDecimal(usd), null, evidence, company + " invests " + text, link, at, at.plusSeconds(120),
        List.of(new Source(link, "Example Wire", company + " invests", at),
            new Source("https://other.example.org/" + key, "Other Outlet", "Retold", at.plusSeconds(600))),
        kind == AnnouncementKind.UPDATE ? new EventKey(key + "-earlier") : null);
  }

  static List<Announcement> threeEvents() {
    return List.of(
        event("alibaba-2025-02-24-52b", "Alibaba", AnnouncementKind.ANNOUNCEMENT, "380000000000", "CNY",
            "over 380 billion yuan", "52400000000",
            "Alibaba said it would invest over 380 billion yuan (about $53 billion) in AI infrastructure.",
            "2025-02-24T08:15:00Z"),
        event("microsoft-2025-01-03-80b", "Microsoft", AnnouncementKind.ANNOUNCEMENT, "80000000000", "USD",
            "$80 billion", "80000000000", "Microsoft plans to spend $80 billion on AI-enabled data centres.",
            "2025-01-03T17:00:00Z"),
        event("meta-2025-01-24-65b", "Meta", AnnouncementKind.UPDATE, "65000000000", "USD", "$65 billion",
            "65000000000", "Meta will spend up to $65 billion\u0007 this year, largely for AI.",
            "2025-01-24T15:00:00Z"));
  }

  @Test
  void romeReadsTheFeedBackWithOneEntryPerEventAndUniqueIds() throws Exception {
    List<Announcement> events = threeEvents();
    String xml = AlertAtomFeed.write(events, SELF, ALT, "application/json", NOW);

    SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
    assertEquals("atom_1.0", feed.getFeedType());
    assertEquals("AI Capex Alerts", feed.getTitle());
    assertTrue(feed.getUri().startsWith("urn:uuid:"), feed.getUri());
    assertEquals(3, feed.getEntries().size());
    Set<String> ids = feed.getEntries().stream().map(SyndEntry::getUri).collect(Collectors.toSet());
    assertEquals(3, ids.size(), "ids are unique");
    for (int k = 0; k < events.size(); k++) {
      Announcement a = events.get(k);
      SyndEntry e = feed.getEntries().get(k);
      assertEquals(AlertAtomFeed.entryId(a.key()), e.getUri());
      assertEquals(a.evidence().replace("\u0007", ""), e.getDescription().getValue());
      assertEquals(a.detectedAt(), e.getUpdatedDate().toInstant());
      assertEquals(a.published(), e.getPublishedDate().toInstant());
      assertEquals(a.link(), e.getLink());
    }
    assertEquals("Alibaba: over 380 billion yuan (about $52.4 billion)", feed.getEntries().get(0).getTitle());
    assertEquals("Microsoft: $80 billion", feed.getEntries().get(1).getTitle());
    assertEquals("Raised: Meta: $65 billion", feed.getEntries().get(2).getTitle());
    // The feed's updated time is its newest entry's.
    assertEquals(events.getFirst().detectedAt(), feed.getPublishedDate().toInstant());
    List<String> rels = new ArrayList<>();
    for (SyndLink l : feed.getLinks()) {
      rels.add(l.getRel() + " " + l.getHref());
    }
    assertTrue(rels.contains("self " + SELF), rels.toString());
    assertTrue(rels.contains("alternate " + ALT), rels.toString());
  }

  @Test
  void theDocumentHasTheElementsRfc4287Requires() throws Exception {
    Document doc = parse(AlertAtomFeed.write(threeEvents(), SELF, ALT, "application/json", NOW));
    Element root = doc.getDocumentElement();
    assertEquals(ATOM, root.getNamespaceURI());
    assertEquals("feed", root.getLocalName());
    for (String required : List.of("id", "title", "updated", "author")) {
      assertEquals(1, children(root, required).size(), "feed/" + required);
    }
    NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
    assertEquals(3, entries.getLength());
    Set<String> ids = new HashSet<>();
    for (int k = 0; k < entries.getLength(); k++) {
      Element entry = (Element) entries.item(k);
      for (String required : List.of("id", "title", "updated", "summary")) {
        assertEquals(1, children(entry, required).size(), "entry/" + required);
      }
      ids.add(children(entry, "id").getFirst().getTextContent());
      for (Element author : children(entry, "author")) {
        assertEquals("AI Capex Alerts", children(author, "name").getFirst().getTextContent());
      }
      // The first outlet is the alternate page, the event's capex-alert/1 document the JSON alternate, the second
      // outlet related.
      List<String> rels = children(entry, "link").stream().map(l -> l.getAttribute("rel") + " "
          + l.getAttribute("type")).toList();
      assertEquals(List.of("alternate text/html", "alternate application/json", "related text/html"), rels);
      assertTrue(children(entry, "link").get(1).getAttribute("href").startsWith(ALT + "/"));
      Instant updated = Instant.parse(children(entry, "updated").getFirst().getTextContent());
      assertNotNull(updated);
    }
    assertEquals(3, ids.size());
  }

  @Test
  void anEmptyFeedIsStillValidAndDatedNow() throws Exception {
    String xml = AlertAtomFeed.write(List.of(), SELF, ALT, "application/json", NOW);
    SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
    assertEquals(0, feed.getEntries().size());
    assertEquals(NOW, feed.getPublishedDate().toInstant());
    Document doc = parse(xml);
    assertEquals("2025-03-01T00:00:00Z", children(doc.getDocumentElement(), "updated").getFirst().getTextContent());
  }

  @Test
  void atMostTheLatestFiftyEventsAreWritten() throws Exception {
    List<Announcement> many = new ArrayList<>();
    Instant start = Instant.parse("2025-02-01T00:00:00Z");
    for (int k = 0; k < 60; k++) {
      many.add(event("e-" + k, "Company" + k, AnnouncementKind.ANNOUNCEMENT, "2000000000", "USD", "$2 billion",
          "2000000000", "Company" + k + " will invest $2 billion in AI.", start.minusSeconds(3600L * k).toString()));
    }
    SyndFeed feed = new SyndFeedInput().build(new StringReader(
        AlertAtomFeed.write(many, SELF, ALT, "application/json", NOW)));
    assertEquals(AlertAtomFeed.LATEST, feed.getEntries().size());
    assertEquals(AlertAtomFeed.entryId(new EventKey("e-0")), feed.getEntries().getFirst().getUri());
    assertEquals(AlertAtomFeed.entryId(new EventKey("e-49")), feed.getEntries().getLast().getUri());
  }

  @Test
  void entryIdsAreStableAndDifferPerKey() {
    assertEquals(AlertAtomFeed.entryId(new EventKey("a")), AlertAtomFeed.entryId(new EventKey("a")));
    assertTrue(!AlertAtomFeed.entryId(new EventKey("a")).equals(AlertAtomFeed.entryId(new EventKey("b"))));
    assertTrue(AlertAtomFeed.entryId(new EventKey("a")).matches("urn:uuid:[0-9a-f-]{36}"));
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int k = 0; k < nodes.getLength(); k++) {
      if (nodes.item(k) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }
}
