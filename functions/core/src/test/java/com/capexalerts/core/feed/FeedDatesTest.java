package com.capexalerts.core.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Mon, 24 Feb 2025 10:00:00 +05:30      | 2025-02-24T04:30:00Z
      Mon, 24 Feb 2025 10:00:00 +0530       | 2025-02-24T04:30:00Z
      Mon, 24 Feb 2025 10:00 GMT            | 2025-02-24T10:00:00Z
      24 Feb 2025 10:00:00 GMT+8            | 2025-02-24T02:00:00Z
      Mon, 24 Feb 2025 10:00:00 UTC-05:00   | 2025-02-24T15:00:00Z
      Mon, 24 Feb 2025 10:00:00 JST         | 2025-02-24T01:00:00Z
      Mon, 24 Feb 2025 10:00:00 (EST)       | 2025-02-24T15:00:00Z
      Mon, 24 Feb 2025 10:00:00             | 2025-02-24T10:00:00Z
      Monday, 24 February 2025 10:00:00 +0100 | 2025-02-24T09:00:00Z
      Mon, 24 Feb 25 10:00:00 -0800         | 2025-02-24T18:00:00Z
      24-Feb-2025 10:00:00 +0000            | 2025-02-24T10:00:00Z
      Mon, 24 Feb 2025                      | 2025-02-24T00:00:00Z
      Feb 24, 2025 10:00 PST                | 2025-02-24T18:00:00Z
      February 24, 2025                     | 2025-02-24T00:00:00Z
      2025-02-24T10:00Z                     | 2025-02-24T10:00:00Z
      2025-02-24T10:00+08:00                | 2025-02-24T02:00:00Z
      2025-02-24 10:00:00                   | 2025-02-24T10:00:00Z
      2025-02-24 10:00:00 +0800             | 2025-02-24T02:00:00Z
      2025-02-24T10:00:00.123456-03:00      | 2025-02-24T13:00:00.123456Z
      2025-02-24T10:00:00                   | 2025-02-24T10:00:00Z
      2025-02-24                            | 2025-02-24T00:00:00Z
      """)
  void parsesCommonVariants(String text, String expected) {
    assertEquals(Optional.of(Instant.parse(expected)), FeedDates.parse(text));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"sometime last week", "2025-02-30T10:00:00Z", "Mon, 31 Apr 2025 10:00:00 GMT",
      "Mon, 24 Foo 2025 10:00:00 GMT", "Mon, 24 Feb 2025 10:00:00 XYZ", "2025-02-24T25:00:00Z",
      "Mon, 24 Feb 2025 10:00:00 +2500", "24/02/2025", "Mon, 24 Feb 202 10:00:00 GMT"})
  void rejectsWhatItCannotReadExactly(String text) {
    assertEquals(Optional.empty(), FeedDates.parse(text));
  }

  @Test
  void impossibleDatesAreRecognisedSoNoOtherParserGuesses() {
    assertEquals(true, FeedDates.recognises("2025-02-30T10:00:00Z"));
    assertEquals(true, FeedDates.recognises("Mon, 31 Apr 2025 10:00:00 GMT"));
    assertEquals(false, FeedDates.recognises("Mon, 24 Feb 2025 10:00:00 Pacific Standard Time"));
    assertEquals(false, FeedDates.recognises("sometime last week"));
  }

  @Test
  void romeReadsWhatThisParserDoesNotKnowButNeverAnImpossibleDate() throws Exception {
    byte[] body = Fixtures.rss("""
        <item><title>Zone spelled out</title><link>https://wire.example.com/1</link>
          <pubDate>Mon, 24 Feb 2025 10:00:00 Pacific Standard Time</pubDate></item>
        <item><title>30 February</title><link>https://wire.example.com/2</link>
          <pubDate>Sun, 30 Feb 2025 10:00:00 GMT</pubDate></item>
        """);

    FeedParseResult result = new FeedReader().read(body, "https://wire.example.com/rss");

    assertEquals(Instant.parse("2025-02-24T18:00:00Z"), result.items().get(0).published());
    assertEquals(null, result.items().get(1).published()); // Rome alone would say 2 March
  }

  @Test
  void fallbackIsUsedWhenRomeCannotReadTheDate() throws Exception {
    byte[] body = Fixtures.rss("""
        <item><title>Odd zone</title><link>https://wire.example.com/1</link>
          <pubDate>Mon, 24 Feb 2025 10:00:00 +05:30</pubDate></item>
        <item><title>Space for T</title><link>https://wire.example.com/2</link>
          <dc:date>2025-02-24 10:00:00</dc:date></item>
        """);

    FeedParseResult result = new FeedReader().read(body, "https://wire.example.com/rss");

    assertEquals(Instant.parse("2025-02-24T04:30:00Z"), result.items().get(0).published());
    assertEquals(Instant.parse("2025-02-24T10:00:00Z"), result.items().get(1).published());
  }
}
