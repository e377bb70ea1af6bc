package com.capexalerts.core.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinksTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      HTTPS://News.Example.COM/Business/Story                        | https://news.example.com/Business/Story
      https://news.example.com                                       | https://news.example.com/
      http://news.example.com:80/a                                   | http://news.example.com/a
      https://news.example.com:443/a                                 | https://news.example.com/a
      https://news.example.com:8443/a                                | https://news.example.com:8443/a
      http://news.example.com:443/a                                  | http://news.example.com:443/a
      https://news.example.com/a#comments                            | https://news.example.com/a
      https://news.example.com/a?utm_source=rss&utm_medium=feed      | https://news.example.com/a
      https://news.example.com/a?id=7&utm_source=rss&page=2#top      | https://news.example.com/a?id=7&page=2
      https://news.example.com/a?UTM_Campaign=x&b=1&fbclid=Iw&a=2    | https://news.example.com/a?b=1&a=2
      https://news.example.com/a?gclid=1&mc_cid=2&mc_eid=3&igshid=4  | https://news.example.com/a
      https://news.example.com/a?ref_src=twsrc&_hsenc=p2&_hsmi=9&q=  | https://news.example.com/a?q=
      https://news.example.com/a?ref=homepage&&x=%20y                | https://news.example.com/a?ref=homepage&x=%20y
      https://news.example.com/search?q=AI+capex                     | https://news.example.com/search?q=AI+capex
      https://news.example.com/a b                                   | https://news.example.com/a%20b
      https://news.example.com/caf\u00e9                              | https://news.example.com/caf%C3%A9
      https://news.example.com/100%                                  | https://news.example.com/100%25
      https://user@news.example.com/a                                | https://user@news.example.com/a
      """)
  void canonical(String link, String expected) {
    assertEquals(expected, Links.canonical(link.replace("\\u00e9", "é")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "/relative/path", "mailto:news@example.com", "javascript:alert(1)",
      "ftp://files.example.com/a", "https://", "not a url at all"})
  void nonWebLinksAreRejectedWithAReason(String link) {
    var e = assertThrows(IllegalArgumentException.class, () -> Links.canonical(link));
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
  }

  @ParameterizedTest(name = "{1} against {0}")
  @CsvSource(delimiter = '|', textBlock = """
      https://news.example.com/business/       | story-1                        | https://news.example.com/business/story-1
      https://news.example.com/business/index  | story-1                        | https://news.example.com/business/story-1
      https://news.example.com/business/       | /tech/story-2                  | https://news.example.com/tech/story-2
      https://news.example.com/business/a/     | ../b                           | https://news.example.com/business/b
      https://news.example.com                 | story-3                        | https://news.example.com/story-3
      https://news.example.com/business/       | //cdn.example.net/x            | https://cdn.example.net/x
      https://news.example.com/business/       | ?page=2                        | https://news.example.com/business/?page=2
      https://news.example.com/business/       | https://other.example.org/abs  | https://other.example.org/abs
      feeds/local-file.xml                     | https://other.example.org/abs  | https://other.example.org/abs
      """)
  void resolves(String base, String href, String expected) {
    assertEquals(Optional.of(expected), Links.resolve(base, href));
  }

  @ParameterizedTest(name = "{1} against {0}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      NULL                          | story-1
      feeds/local-file.xml          | story-1
      https://news.example.com/     | NULL
      https://news.example.com/     | '  '
      https://news.example.com/     | javascript:void(0)
      https://news.example.com/     | mailto:a@example.com
      mailto:a@example.com          | story-1
      """)
  void unresolvableLinksAreEmpty(String base, String href) {
    assertEquals(Optional.empty(), Links.resolve(base, href));
  }
}
