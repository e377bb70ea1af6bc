package com.capexalerts.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatTextTest {
  @Test
  void cleanMakesOneLineWithoutControlOrBidiCharacters() {
    assertEquals("a b c d e", ChatText.clean("  a\nb\r\n\tc\u2028d\u0007e  "));
    assertEquals("evil.exe", ChatText.clean("evil\u202E.exe"));
    assertEquals("", ChatText.clean(null));
  }

  @Test
  void fitKeepsShortTextWholeAndCutsLongTextWithAnEllipsis() {
    assertEquals("abc", ChatText.fit("abc", 3, ChatText::plain));
    assertEquals("ab…", ChatText.fit("abcd", 3, ChatText::plain));
  }

  @Test
  void fitNeverSplitsAnEscapeOrASurrogatePair() {
    // "<" escapes to 4 chars; a limit of 6 holds one escape and the ellipsis, not half of the second.
    assertEquals("&lt;…", ChatText.fit("<<<", 6, SlackPayloadRenderer::escape));
    assertEquals("\uD83D\uDE80…", ChatText.fit("\uD83D\uDE80\uD83D\uDE80", 3, ChatText::plain));
  }

  @Test
  void httpLinksOnly() {
    assertEquals(Optional.of("https://a.example/x?y=1"), ChatText.httpLink(" https://a.example/x?y=1 "));
    assertEquals(Optional.empty(), ChatText.httpLink("javascript:alert(1)"));
    assertEquals(Optional.empty(), ChatText.httpLink("https://a.example/<x>|y"));
    assertEquals(Optional.empty(), ChatText.httpLink("/relative"));
    assertEquals(Optional.empty(), ChatText.httpLink(null));
  }

  @Test
  void usdInWords() {
    assertEquals("$53 billion", ChatText.usd(new BigDecimal("53000000000")));
    assertEquals("$52.63 billion", ChatText.usd(new BigDecimal("52634000000")));
    assertEquals("$1.25 trillion", ChatText.usd(new BigDecimal("1250000000000")));
    assertEquals("$850 million", ChatText.usd(new BigDecimal("850000000")));
    assertEquals("$12,346", ChatText.usd(new BigDecimal("12345.6")));
    assertTrue(ChatText.usd(new BigDecimal("5.3E+10")).equals("$53 billion"));
  }
}
