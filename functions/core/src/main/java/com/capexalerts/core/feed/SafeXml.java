package com.capexalerts.core.feed;

import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Turns a fetched body into an XML document without ever resolving a DTD or an entity.
 *
 * <p>Two layers: (1) a look at the prolog refuses any DOCTYPE with an internal subset (where XXE and "billion laughs"
 * entities are declared) before parsing starts, and drops a plain external DOCTYPE such as RSS 0.91's (its DTD is
 * never loaded, so removing the declaration loses nothing and lets layer 2 refuse every DOCTYPE); (2) the SAX parser
 * itself rejects any DOCTYPE, external entity or external DTD, with secure processing on, and fails loudly if the
 * JDK's parser does not accept one of these settings.
 */
final class SafeXml {
  /** Feeds are a few hundred KB; anything far larger is not a feed we want in memory. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
  private static final String EXTERNAL_GENERAL = "http://xml.org/sax/features/external-general-entities";
  private static final String EXTERNAL_PARAMETER = "http://xml.org/sax/features/external-parameter-entities";
  private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
  /**
   * The JDK's limits on entity references and their replacement text. They guard against entities declared in a DTD;
   * with DOCTYPEs refused only the five predefined entities and character references remain, yet the JDK counts them
   * too, so a large feed of escaped HTML would be refused. Raised to the body size cap (see ENTITY_REFERENCE_LIMIT).
   */
  private static final List<String> ENTITY_SIZE_LIMITS = List.of("jdk.xml.entityReplacementLimit",
      "jdk.xml.maxGeneralEntitySizeLimit", "jdk.xml.totalEntitySizeLimit");

  private SafeXml() {}

  /**
   * Entity references allowed in one document. The JDK counts even {@code &lt;} and {@code &#233;} against a
   * 100,000 default, which a 1 MB feed of escaped HTML exceeds. No entity can be declared here (every DOCTYPE is
   * refused), so a reference expands to one character at most and the body size already bounds the work.
   */
  static final String ENTITY_REFERENCE_LIMIT = Integer.toString(MAX_BODY_BYTES);

  /** A parsed body and what was repaired on the way. */
  record Parsed(Document document, List<String> warnings) {}

  /** Parses a feed body; every failure is a FeedException that names the feed and says why. */
  static Document parse(byte[] body, String feedUrl) throws FeedException {
    return parseWithWarnings(body, feedUrl).document();
  }

  /** As {@link #parse}, also saying what was repaired (characters XML forbids, dropped with a warning). */
  static Parsed parseWithWarnings(byte[] body, String feedUrl) throws FeedException {
    if (body == null || body.length == 0) {
      throw new FeedException(where(feedUrl) + "empty body (0 bytes), not RSS or Atom");
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new FeedException(where(feedUrl) + "body is " + body.length + " bytes, over the limit of "
          + MAX_BODY_BYTES + " bytes for a feed");
    }
    String text = decode(body, feedUrl);
    List<String> warnings = new ArrayList<>();
    String legal = withoutIllegalCharacters(text);
    if (legal.length() != text.length()) {
      warnings.add("warning: " + where(feedUrl) + "dropped " + (text.length() - legal.length())
          + " character(s) that XML does not allow (control characters), first at offset " + firstIllegal(text));
    }
    String xml = checkedProlog(legal, feedUrl);
    for (int repairs = 0; ; repairs++) {
      try {
        return new Parsed(parseText(xml, feedUrl), List.copyOf(warnings));
      } catch (FeedException e) {
        Matcher unbound = UNBOUND_PREFIX.matcher(String.valueOf(e.getMessage()));
        String uri = unbound.find() ? WELL_KNOWN_PREFIXES.get(unbound.group(1)) : null;
        int root = rootStart(xml);
        if (uri == null || root < 0 || repairs >= WELL_KNOWN_PREFIXES.size()) {
          throw e;
        }
        // Publishers forget to declare itunes:, dc: or media:; the prefix can only mean the usual namespace.
        warnings.add("warning: " + where(feedUrl) + "namespace prefix \"" + unbound.group(1) + "\" is used but not "
            + "declared; read as " + uri);
        int nameEnd = root + 1 + rootName(xml, root + 1).length();
        xml = xml.substring(0, nameEnd) + " xmlns:" + unbound.group(1) + "=\"" + uri + "\"" + xml.substring(nameEnd);
      }
    }
  }

  private static final Pattern UNBOUND_PREFIX = Pattern.compile("The prefix \"([A-Za-z][\\w.-]*)\" for (?:element|"
      + "attribute) \"[^\"]*\"(?: associated with an element type \"[^\"]*\")? is not bound");
  private static final Map<String, String> WELL_KNOWN_PREFIXES = Map.of(
      "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
      "dc", "http://purl.org/dc/elements/1.1/",
      "content", "http://purl.org/rss/1.0/modules/content/",
      "media", "http://search.yahoo.com/mrss/",
      "atom", "http://www.w3.org/2005/Atom",
      "slash", "http://purl.org/rss/1.0/modules/slash/",
      "wfw", "http://wellformedweb.org/CommentAPI/",
      "georss", "http://www.georss.org/georss",
      "sy", "http://purl.org/rss/1.0/modules/syndication/");

  /** Where the root element's start tag begins (the prolog has been checked, so the first "<" not of "<?" or "<!"). */
  private static int rootStart(String xml) {
    int i = 0;
    while ((i = xml.indexOf('<', i)) >= 0) {
      if (xml.startsWith("<!--", i)) {
        i = xml.indexOf("-->", i);
      } else if (xml.startsWith("<?", i)) {
        i = xml.indexOf("?>", i);
      } else if (xml.startsWith("<!", i)) {
        i = xml.indexOf('>', i);
      } else {
        return i;
      }
      if (i < 0) {
        return -1;
      }
    }
    return -1;
  }

  /** XML 1.0's Char production: tab, newline, carriage return, U+0020 to U+FFFD (pairs of surrogates), no others. */
  private static boolean legal(String s, int i) {
    char c = s.charAt(i);
    if (c >= 0x20 && c <= 0xD7FF || c == 0x9 || c == 0xA || c == 0xD || c >= 0xE000 && c <= 0xFFFD) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  static String withoutIllegalCharacters(String text) {
    int first = firstIllegal(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      if (legal(text, i)) {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }

  private static int firstIllegal(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!legal(text, i)) {
        return i;
      }
    }
    return -1;
  }

  /** Parses XML text with the hardened parser only (no prolog checks); the second layer on its own. */
  static Document parseText(String xml, String feedUrl) throws FeedException {
    try {
      // Rome's fixer turns HTML entities (&nbsp;, &eacute;) into character references; without a DTD they are
      // errors. It reads char by char, so it is only used on bodies that need it.
      Reader reader = new StringReader(xml);
      return hardenedBuilder().build(hasNonXmlEntity(xml) ? new XmlFixerReader(reader) : reader);
    } catch (JDOMParseException e) {
      throw new FeedException(where(feedUrl) + "not well-formed XML" + position(e) + ": " + reason(e), e);
    } catch (JDOMException | IOException e) {
      throw new FeedException(where(feedUrl) + "XML could not be read: " + e.getMessage(), e);
    }
  }

  /** True when some "&" outside CDATA does not start one of XML's five entities or a character reference. */
  static boolean hasNonXmlEntity(String xml) {
    int cdata = xml.indexOf("<![CDATA[");
    int from = 0;
    while (true) {
      int amp = xml.indexOf('&', from);
      if (amp < 0) {
        return false;
      }
      if (cdata >= 0 && cdata < amp) { // "&" inside CDATA is plain text: jump past the section
        int end = xml.indexOf("]]>", cdata + 9);
        if (end < 0) {
          return true; // unclosed CDATA: let the fixer and the parser deal with it
        }
        from = end + 3;
        cdata = xml.indexOf("<![CDATA[", from);
        continue;
      }
      if (!(xml.startsWith("amp;", amp + 1) || xml.startsWith("lt;", amp + 1) || xml.startsWith("gt;", amp + 1)
          || xml.startsWith("quot;", amp + 1) || xml.startsWith("apos;", amp + 1) || xml.startsWith("#", amp + 1))) {
        return true;
      }
      from = amp + 1;
    }
  }

  static String where(String feedUrl) {
    return "feed " + feedUrl + ": ";
  }

  /** Decodes by BOM and XML declaration (Rome's XmlReader, lenient: falls back to UTF-8 rather than failing). */
  private static String decode(byte[] body, String feedUrl) throws FeedException {
    try (var reader = new XmlReader(new ByteArrayInputStream(body), true)) {
      var out = new StringBuilder(body.length);
      char[] buffer = new char[8192];
      for (int n; (n = reader.read(buffer)) != -1; ) {
        out.append(buffer, 0, n);
      }
      String text = out.toString();
      if (text.isBlank()) {
        throw new FeedException(where(feedUrl) + "body is only whitespace, not RSS or Atom");
      }
      return text;
    } catch (IOException e) {
      throw new FeedException(where(feedUrl) + "body could not be decoded: " + e.getMessage(), e);
    }
  }

  /**
   * Looks at everything before the root element. Refuses what is clearly not a feed (JSON, HTML) and any DOCTYPE
   * with an internal subset; removes a DOCTYPE that only names an external DTD, which is never fetched. Also drops
   * what would stop a parser at the first byte though the feed is fine: leading whitespace, and an XML declaration
   * after a leading comment (the text is already decoded, so the declaration has done its job).
   */
  static String checkedProlog(String text, String feedUrl) throws FeedException {
    int first = skipWhitespace(text, 0);
    if (first < text.length() && (text.charAt(first) == '{' || text.charAt(first) == '[')) {
      throw new FeedException(where(feedUrl) + "body is JSON, not RSS or Atom XML");
    }
    if (first >= text.length() || text.charAt(first) != '<') {
      // Never the body's own text: errors are stored and shown, and a redirect may have led to an internal page.
      throw new FeedException(where(feedUrl) + "body is not XML (" + text.length() + " characters that do not start"
          + " with '<'; an error page or plain text?)");
    }
    text = text.substring(first);
    int i = 0;
    while (i < text.length()) {
      i = skipWhitespace(text, i);
      if (i > 0 && text.startsWith("<?xml", i) && i + 5 < text.length() && Character.isWhitespace(text.charAt(i + 5))) {
        text = text.substring(0, i) + text.substring(skipPast(text, i, "?>", feedUrl));
      } else if (text.startsWith("<?", i)) {
        i = skipPast(text, i, "?>", feedUrl);
      } else if (text.startsWith("<!--", i)) {
        i = skipPast(text, i, "-->", feedUrl);
      } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        text = text.substring(0, i) + text.substring(doctypeEnd(text, i, feedUrl));
      } else {
        rejectHtmlRoot(text, i, feedUrl);
        return text;
      }
    }
    return text;
  }

  private static int doctypeEnd(String text, int start, String feedUrl) throws FeedException {
    // <!DOCTYPE html> says nothing of the root: an HTML page is recognised by its <html> root, after the prolog.
    char quote = 0;
    for (int i = start + 9; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        throw new FeedException(where(feedUrl) + "DOCTYPE with an internal subset is refused: entity declarations "
            + "there can read local files (XXE) or expand without bound (billion laughs)");
      } else if (c == '>') {
        return i + 1;
      }
    }
    throw new FeedException(where(feedUrl) + "not well-formed XML: DOCTYPE declaration is never closed");
  }

  private static void rejectHtmlRoot(String text, int at, String feedUrl) throws FeedException {
    if (text.startsWith("<", at) && rootName(text, at + 1).equalsIgnoreCase("html")) {
      throw new FeedException(where(feedUrl) + "body is an HTML page (root element <html>), not RSS or Atom");
    }
  }

  private static String rootName(String text, int from) {
    int end = from;
    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || ":-_.".indexOf(text.charAt(end)) >= 0)) {
      end++;
    }
    return text.substring(from, end);
  }

  private static int skipWhitespace(String text, int i) {
    while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
      i++;
    }
    return i;
  }

  private static int skipPast(String text, int from, String end, String feedUrl) throws FeedException {
    int at = text.indexOf(end, from);
    if (at < 0) {
      throw new FeedException(where(feedUrl) + "not well-formed XML: the prolog's markup at character " + from
          + " is never closed (no \"" + end + "\")");
    }
    return at + end.length();
  }

  private static String position(JDOMParseException e) {
    return e.getLineNumber() > 0 ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() : "";
  }

  private static String reason(JDOMParseException e) {
    String msg = e.getCause() instanceof SAXParseException sax ? sax.getMessage() : e.getMessage();
    if (msg != null && msg.toLowerCase(Locale.ROOT).contains("must start and end within the same entity")) {
      return msg + " (the body ends early: truncated download?)";
    }
    return msg;
  }

  private static SAXBuilder hardenedBuilder() throws JDOMException {
    var builder = new SAXBuilder(new HardenedReaders());
    // JDOM re-applies its own entity setting on every parse: it must say "do not expand" too.
    builder.setExpandEntities(false);
    builder.setFeature(DISALLOW_DOCTYPE, true);
    builder.setFeature(EXTERNAL_GENERAL, false);
    builder.setFeature(EXTERNAL_PARAMETER, false);
    builder.setFeature(LOAD_EXTERNAL_DTD, false);
    return builder;
  }

  /** SAX readers from the JDK's own parser, hardened; a setting it refuses is an error, never silently skipped. */
  private static final class HardenedReaders implements XMLReaderJDOMFactory {
    @Override
    public XMLReader createXMLReader() throws JDOMException {
      try {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        factory.setXIncludeAware(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature(DISALLOW_DOCTYPE, true);
        factory.setFeature(EXTERNAL_GENERAL, false);
        factory.setFeature(EXTERNAL_PARAMETER, false);
        factory.setFeature(LOAD_EXTERNAL_DTD, false);
        SAXParser parser = factory.newSAXParser();
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        for (String limit : ENTITY_SIZE_LIMITS) {
          parser.setProperty(limit, ENTITY_REFERENCE_LIMIT);
        }
        XMLReader reader = parser.getXMLReader();
        reader.setEntityResolver((publicId, systemId) -> {
          throw new SAXException("external entity refused: " + systemId);
        });
        return reader;
      } catch (ParserConfigurationException | SAXException e) {
        throw new JDOMException("the JDK's SAX parser refused a hardening setting", e);
      }
    }

    @Override
    public boolean isValidating() {
      return false;
    }
  }
}
