package com.capexalerts.core.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bytes are decoded as the XML declaration and byte-order mark say, not as the platform default. */
class FeedReaderEncodingTest {
  private static final String TITLE = "Café owners’ “AI” menu costs €5 — Zürich, São Paulo";

  private static String feed(String declaredEncoding) {
    return """
        <?xml version="1.0" encoding="%s"?>
        <rss version="2.0"><channel><title>Encodings</title><link>https://enc.example.com/</link>
        <description>d</description>
        <item><title>%s</title><link>https://enc.example.com/a</link><description>%s</description></item>
        </channel></rss>
        """.formatted(declaredEncoding, TITLE, TITLE);
  }

  @ParameterizedTest(name = "{0} declared, {1} bytes, BOM: {2}")
  @CsvSource({
      "windows-1252, windows-1252, ''",
      "ISO-8859-15,  ISO-8859-15,  ''",
      "UTF-8,        UTF-8,        EFBBBF",
      "UTF-16,       UTF-16BE,     FEFF",
      "UTF-16,       UTF-16LE,     FFFE",
  })
  void decodesAsDeclared(String declared, String charset, String bomHex) throws Exception {
    String text = feed(declared);
    if (charset.equals("ISO-8859-15")) {
      text = text.replace("’", "'").replace("“", "\"").replace("”", "\"").replace("—", "-"); // not in Latin-9
    }
    byte[] bom = java.util.HexFormat.of().parseHex(bomHex);
    byte[] content = text.getBytes(Charset.forName(charset));
    byte[] body = Arrays.copyOf(bom, bom.length + content.length);
    System.arraycopy(content, 0, body, bom.length, content.length);

    FeedParseResult result = new FeedReader().read(body, "https://enc.example.com/rss");

    String expected = charset.equals("ISO-8859-15")
        ? "Café owners' \"AI\" menu costs €5 - Zürich, São Paulo" : TITLE;
    assertEquals(expected, result.items().getFirst().title());
    assertEquals(expected, result.items().getFirst().summary());
  }

  @ParameterizedTest
  @CsvSource({"UTF-16BE", "UTF-16LE"})
  void utf16WithoutBomIsRecognisedFromTheDeclaration(String charset) throws Exception {
    byte[] body = feed("UTF-16").getBytes(Charset.forName(charset));

    FeedParseResult result = new FeedReader().read(body, "https://enc.example.com/rss");

    assertEquals(TITLE, result.items().getFirst().title());
  }

  @ParameterizedTest
  @CsvSource({"true", "false"})
  void undeclaredEncodingIsUtf8(boolean withDeclaration) throws Exception {
    String text = feed("UTF-8");
    if (!withDeclaration) {
      text = text.substring(text.indexOf("?>") + 2);
    }
    FeedParseResult result = new FeedReader().read(text.getBytes(StandardCharsets.UTF_8), "u");
    assertEquals(TITLE, result.items().getFirst().title());
  }
}
