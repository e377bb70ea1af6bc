package com.capexalerts.core.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      paragraphs become sentences | <p>Alibaba will invest</p><p>Shares fell 2.5%</p> | Alibaba will invest. Shares fell 2.5%
      existing punctuation kept   | <p>It rose 4%.</p><p>Really?</p><p>Yes!</p> | It rose 4%. Really? Yes!
      quote after full stop       | <p>"We are all in," she said.”</p><p>Next.</p> | "We are all in," she said.” Next.
      line breaks                 | First line<br>Second line<br/>Third | First line. Second line. Third
      headings and lists          | <h2>Key figures</h2><ul><li>$53 billion</li><li>three years</li></ul> | Key figures. $53 billion. three years
      colon before a list         | Highlights:<ul><li>One</li></ul> | Highlights: One
      inline tags join words      | <b>Micro</b>soft and <a href="x">Meta</a> | Microsoft and Meta
      table cells are words       | <table><tr><td>Capex</td><td>$80bn</td></tr><tr><td>Year</td><td>2025</td></tr></table> | Capex $80bn. Year 2025
      entities decoded            | AT&amp;T &ndash; caf&eacute; &#8364;5 &quot;AI&quot; &nbsp;x | AT&T – café €5 "AI" x
      whitespace folded           | `  spread \n\t over\u00a0\u00a0lines  ` | spread over lines
      scripts and styles dropped  | <style>p{color:red}</style><p>Text</p><script>alert(1)</script> | Text
      zero-width and soft hyphen  | in\u200Bvest\u00ADment | investment
      plain text untouched        | Capex of 380 billion yuan (about $53 billion) | Capex of 380 billion yuan (about $53 billion)
      less-than in prose          | revenue < 5% of sales | revenue < 5% of sales
      CDATA-style raw markup      | <div><p>One</p>Two</div>Three | One. Two. Three
      """)
  void cleansHtml(String what, String html, String expected) {
    String input = html.replace("\\n", "\n").replace("\\t", "\t").replace("\\u00a0", "\u00a0")
        .replace("\\u200B", "\u200B").replace("\\u00AD", "\u00AD");
    assertEquals(expected, HtmlText.clean(input), what);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "<p> </p>", "<br><br>"})
  void blankGivesEmpty(String html) {
    assertEquals("", HtmlText.clean(html));
  }

  @ParameterizedTest
  @CsvSource({
      "'short text', 20, 'short text'",
      "'one two three four', 10, 'one two…'",
      "'abcdefghijklmnop', 10, 'abcdefghi…'",
  })
  void truncatesAtAWordBoundary(String text, int max, String expected) {
    String cut = HtmlText.truncate(text, max);
    assertEquals(expected, cut);
    assertEquals(true, cut.length() <= max);
  }
}
