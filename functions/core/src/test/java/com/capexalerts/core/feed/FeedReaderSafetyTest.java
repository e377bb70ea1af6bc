package com.capexalerts.core.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile and broken bodies: nothing leaks, nothing hangs, and the error says which feed and why. */
class FeedReaderSafetyTest {
  private static final String URL = "https://hostile.example.com/feed.xml";
  private static final String SECRET = "TOP-SECRET-7f3a9c";

  @TempDir Path dir;
  private HttpServer server;
  private final AtomicInteger dtdRequests = new AtomicInteger();

  @BeforeEach
  void startDtdServer() throws Exception {
    // Stands in for an attacker's server: any fetch of a DTD or entity shows up as a request here.
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      dtdRequests.incrementAndGet();
      byte[] dtd = ("<!ENTITY secret \"" + SECRET + "\">").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, dtd.length);
      exchange.getResponseBody().write(dtd);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopDtdServer() {
    server.stop(0);
  }

  private String serverUrl(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private Path secretFile() throws Exception {
    return Files.writeString(dir.resolve("secret.txt"), SECRET);
  }

  private static String everyMessage(Throwable t) {
    var all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c).append('\n');
    }
    return all.toString();
  }

  private static FeedException readFails(String body) {
    return assertThrows(FeedException.class,
        () -> new FeedReader().read(body.getBytes(StandardCharsets.UTF_8), URL));
  }

  @Test
  void xxeFileEntityIsRefusedAndLeaksNothing() throws Exception {
    String body = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
        <rss version="2.0"><channel><title>&xxe;</title><link>https://x.example/</link><description>d</description>
        <item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>
        """.formatted(secretFile().toUri());

    FeedException e = readFails(body);

    assertTrue(e.getMessage().startsWith("feed " + URL + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("DOCTYPE with an internal subset is refused"), e.getMessage());
    assertFalse(everyMessage(e).contains(SECRET), everyMessage(e));
  }

  @Test
  void xxeParameterEntityToRemoteServerIsNeverFetched() {
    String body = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [ <!ENTITY %% remote SYSTEM "%s"> %%remote; ]>
        <rss version="2.0"><channel><title>&secret;</title></channel></rss>
        """.formatted(serverUrl("/evil.dtd"));

    FeedException e = readFails(body);

    assertTrue(e.getMessage().contains("internal subset"), e.getMessage());
    assertEquals(0, dtdRequests.get());
    assertFalse(everyMessage(e).contains(SECRET));
  }

  @Test
  void plainExternalDoctypeIsDroppedAndItsDtdNeverFetched() throws Exception {
    // Like RSS 0.91's Netscape DOCTYPE, but pointing at a server that would define &secret;.
    String body = """
        <?xml version="1.0"?>
        <!DOCTYPE rss SYSTEM "%s">
        <rss version="0.91"><channel><title>Old feed</title><link>https://old.example/</link>
        <description>d</description><item><title>Still readable</title><link>https://old.example/a</link></item>
        </channel></rss>
        """.formatted(serverUrl("/rss-0.91.dtd"));

    FeedParseResult result = new FeedReader().read(body.getBytes(StandardCharsets.UTF_8), URL);

    assertEquals("Still readable", result.items().getFirst().title());
    assertEquals(0, dtdRequests.get());
  }

  @Test
  void entityFromAnUnloadedExternalDtdStaysUnresolved() {
    String body = """
        <?xml version="1.0"?>
        <!DOCTYPE rss SYSTEM "%s">
        <rss version="2.0"><channel><title>&secret;</title></channel></rss>
        """.formatted(serverUrl("/evil.dtd"));

    FeedException e = readFails(body);

    assertTrue(e.getMessage().contains("not well-formed XML at line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("secret"), e.getMessage()); // names the undeclared entity
    assertFalse(everyMessage(e).contains(SECRET));
    assertEquals(0, dtdRequests.get());
  }

  @Test
  void hardenedParserOnItsOwnRejectsAnyDoctype() throws Exception {
    // Second layer, without the prolog check: the SAX parser itself refuses DOCTYPEs and fetches nothing.
    String body = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> <!ENTITY %% remote SYSTEM "%s"> %%remote; ]>
        <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
        """.formatted(secretFile().toUri(), serverUrl("/evil.dtd"));

    FeedException e = assertThrows(FeedException.class, () -> SafeXml.parseText(body, URL));

    assertTrue(e.getMessage().contains("DOCTYPE is disallowed"), e.getMessage());
    assertFalse(everyMessage(e).contains(SECRET));
    assertEquals(0, dtdRequests.get());
  }

  private static final String BILLION_LAUGHS = """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [
       <!ENTITY lol "lol">
       <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
       <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
       <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
       <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
       <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
       <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
       <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
       <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
       <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
      ]>
      <rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>
      """;

  @Test
  void billionLaughsFailsFastWithBoundedMemory() throws Exception {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    new FeedReader().read(Fixtures.feed("newsroom-rss2.xml"), "warm-up"); // class loading is not the attack's cost
    long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    long start = System.nanoTime();

    FeedException e = readFails(BILLION_LAUGHS);
    FeedException second = assertThrows(FeedException.class, () -> SafeXml.parseText(BILLION_LAUGHS, URL));

    long millis = (System.nanoTime() - start) / 1_000_000;
    long allocatedMb = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / (1024 * 1024);
    assertTrue(millis < 500, "took " + millis + " ms");
    assertTrue(allocatedMb < 32, "allocated " + allocatedMb + " MB"); // expanded, lol9 alone would be ~3 GB
    assertTrue(e.getMessage().contains("billion laughs"), e.getMessage());
    assertTrue(second.getMessage().contains("DOCTYPE is disallowed"), second.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      HTML page with doctype  | <!DOCTYPE html><html><head><title>Not found</title></head><body>404</body></html> | HTML page
      HTML page, no doctype   | <html lang="en"><head><title>Login</title></head><body><p>Sign in</p></body></html> | HTML page
      XHTML page              | <?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html> | HTML page
      JSON object             | {"items": [{"title": "not a feed"}]} | JSON
      JSON array              | [1, 2, 3] | JSON
      plain text              | Service temporarily unavailable | not XML (31 characters that do not start with '<'
      XML that is not a feed  | <?xml version="1.0"?><note><to>Ops</to></note> | root element <note> is not RSS or Atom
      only whitespace         | '   \t  ' | only whitespace
      """)
  void nonFeedBodiesGiveAClearError(String what, String body, String expected) {
    FeedException e = readFails(body.replace("\\t", "\t"));

    assertTrue(e.getMessage().startsWith("feed " + URL + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), what + " -> " + e.getMessage());
    assertTrue(!e.getMessage().contains("temporarily") && !e.getMessage().contains("Sign in"),
        "stored errors never carry the body's text: " + e.getMessage());
  }

  @Test
  void emptyBodyGivesAClearError() {
    FeedException e = assertThrows(FeedException.class, () -> new FeedReader().read(new byte[0], URL));
    assertEquals("feed " + URL + ": empty body (0 bytes), not RSS or Atom", e.getMessage());
    assertThrows(FeedException.class, () -> new FeedReader().read(null, URL));
  }

  @Test
  void truncatedFeedNamesThePositionAndTheLikelyCause() {
    byte[] full = Fixtures.feed("newsroom-rss2.xml");
    byte[] truncated = Arrays.copyOf(full, full.length / 2);

    FeedException e = assertThrows(FeedException.class, () -> new FeedReader().read(truncated, URL));

    assertTrue(e.getMessage().startsWith("feed " + URL + ": not well-formed XML at line "), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void malformedXmlNamesLineAndColumn() {
    FeedException e = readFails("<rss version=\"2.0\">\n<channel><title>Oops</titel></channel></rss>");
    assertTrue(e.getMessage().contains("not well-formed XML at line 2, column"), e.getMessage());
    assertTrue(e.getMessage().contains("titel") || e.getMessage().contains("title"), e.getMessage());
  }

  @Test
  void oversizedBodyIsRefusedBeforeParsing() {
    byte[] huge = new byte[SafeXml.MAX_BODY_BYTES + 1];
    Arrays.fill(huge, (byte) ' ');
    FeedException e = assertThrows(FeedException.class, () -> new FeedReader().read(huge, URL));
    assertTrue(e.getMessage().contains("over the limit"), e.getMessage());
  }
}
