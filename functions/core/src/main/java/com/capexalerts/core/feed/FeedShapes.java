package com.capexalerts.core.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Brings feeds that real publishers write, but Rome only half-knows, into the shapes Rome reads; Rome otherwise
 * fails on them with its internal exceptions (a NullPointerException for RSS without {@code <channel>}, an
 * ArrayIndexOutOfBoundsException for Atom 0.3 base64 content, "Invalid document" for a namespace-less {@code <feed>}).
 */
final class FeedShapes {
  static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
  static final Namespace ATOM_03 = Namespace.getNamespace("http://purl.org/atom/ns#");
  private static final Namespace RSS_10 = Namespace.getNamespace("http://purl.org/rss/1.0/");
  /** The versions Rome has an RSS parser for; the others (2.01, 2.1, none at all) are read as RSS 2.0. */
  private static final Set<String> ROME_RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");

  private FeedShapes() {}

  static void normalise(Document document) {
    Element root = document.getRootElement();
    switch (root.getName()) {
      case "rss" -> rss(root);
      case "RDF" -> rdf(root);
      case "feed" -> atom(root);
      default -> { }
    }
  }

  /** RSS in a namespace (Userland's), with an unknown version, or with its items straight under {@code <rss>}. */
  private static void rss(Element root) {
    if (!root.getNamespaceURI().isEmpty()) {
      moveNamespace(root, root.getNamespace(), Namespace.NO_NAMESPACE);
    }
    String version = root.getAttributeValue("version");
    if (version == null || !ROME_RSS_VERSIONS.contains(version.strip())) {
      root.setAttribute("version", "2.0");
    }
    if (root.getChild("channel") == null) {
      Element channel = new Element("channel");
      for (Element child : List.copyOf(root.getChildren())) {
        channel.addContent(child.detach());
      }
      root.addContent(channel);
    }
  }

  /** RSS 0.90 and 1.0 with no {@code <channel>}: Rome needs one, even empty. */
  private static void rdf(Element root) {
    boolean hasChannel = root.getChildren().stream().anyMatch(e -> e.getName().equals("channel"));
    if (!hasChannel) {
      Namespace ns = root.getNamespace("") != null && !root.getNamespace("").getURI().isEmpty()
          ? root.getNamespace("") : RSS_10;
      Element channel = new Element("channel", ns);
      channel.addContent(new Element("title", ns));
      channel.addContent(new Element("link", ns));
      channel.addContent(new Element("description", ns));
      root.addContent(0, channel);
    }
  }

  /**
   * A {@code <feed>} outside both Atom namespaces is read as Atom (0.3 when it says version="0.3", else 1.0); Atom
   * 0.3's base64 mode is decoded here, as Rome's decoder fails on the line breaks publishers put in it.
   */
  private static void atom(Element root) {
    Namespace ns = root.getNamespace();
    if (!ns.equals(ATOM_10) && !ns.equals(ATOM_03)) {
      moveNamespace(root, ns, "0.3".equals(root.getAttributeValue("version")) ? ATOM_03 : ATOM_10);
    }
    if (root.getNamespace().equals(ATOM_03)) {
      for (Element e : descendants(root)) {
        if ("base64".equals(e.getAttributeValue("mode"))) {
          try {
            String decoded = new String(Base64.getMimeDecoder().decode(e.getTextTrim()), StandardCharsets.UTF_8);
            e.setText(decoded);
            e.setAttribute("mode", "escaped");
          } catch (IllegalArgumentException notBase64) {
            e.setAttribute("mode", "escaped"); // keep the text as it is rather than lose the feed
          }
        }
      }
    }
  }

  private static void moveNamespace(Element root, Namespace from, Namespace to) {
    for (Element e : descendants(root)) {
      if (e.getNamespace().equals(from)) {
        e.setNamespace(to);
      }
    }
  }

  private static List<Element> descendants(Element root) {
    List<Element> all = new ArrayList<>();
    all.add(root);
    for (int i = 0; i < all.size(); i++) {
      all.addAll(all.get(i).getChildren());
    }
    return all;
  }
}
