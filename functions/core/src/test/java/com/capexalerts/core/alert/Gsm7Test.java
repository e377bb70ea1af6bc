package com.capexalerts.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Gsm7Test {
  @Test
  void basicCharactersCostOneSeptetAndExtensionCharactersTwo() {
    assertEquals(3, Gsm7.septets("abc"));
    assertEquals(2, Gsm7.septets("€"));
    assertEquals(7, Gsm7.septets("{x}^"), "three extension characters and one basic");
    assertEquals(4, Gsm7.septets("@£$¥"), "these four are in the basic table");
  }

  @Test
  void charactersOutsideTheAlphabetAreNamedInTheError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gsm7.septets("380亿元"));
    assertTrue(e.getMessage().contains("U+4EBF"), e.getMessage());
    assertTrue(e.getMessage().contains("index 3"), e.getMessage());
  }

  @Test
  void knowsWhichCharactersAreEncodable() {
    assertTrue(Gsm7.isEncodable('¥'), "yen/yuan sign is in the basic table");
    assertTrue(Gsm7.isEncodable('€'));
    assertTrue(Gsm7.isEncodable('É'));
    assertFalse(Gsm7.isEncodable('元'));
    assertFalse(Gsm7.isEncodable('`'), "backtick is not GSM");
    assertFalse(Gsm7.isEncodable('ç'), "only the capital C cedilla is in the table");
    assertFalse(Gsm7.isEncodable("rocket 🚀"));
    assertFalse(Gsm7.isEncodable(0x1B), "ESC is a switch, not a character");
  }

  @Test
  void transliterationKeepsMeaningWherePossible() {
    TextFolding.Folded quotes = Gsm7.transliterate("“AI” — it’s… big  news");
    assertEquals("\"AI\" - it's... big news", quotes.text());
    assertTrue(quotes.lossless());

    TextFolding.Folded accents = Gsm7.transliterate("Façade Ørsted é €5bn");
    assertEquals("Facade Ørsted é €5bn", accents.text(), "GSM letters and the euro sign stay, ç loses its cedilla");
    assertTrue(accents.lossless());
  }

  @Test
  void transliterationDropsWhatHasNoGsmFormAndSaysSo() {
    TextFolding.Folded cjk = Gsm7.transliterate("3800亿元 plan 🚀🚀 ok");
    assertEquals("3800 plan ok", cjk.text());
    assertFalse(cjk.lossless());
    assertTrue(Gsm7.isEncodable(cjk.text()));
  }

  @Test
  void truncationCutsAtAWordAndMarksIt() {
    String text = "Alibaba said it would invest over 380 billion yuan in AI infrastructure over three years";
    String cut = Gsm7.truncate(text, 40);
    assertEquals("Alibaba said it would invest over 380...", cut);
    assertEquals("Alibaba said it would invest...", Gsm7.truncate(text, 35), "a word is never cut in half");
    assertTrue(Gsm7.septets(cut) <= 40);
    assertEquals(text, Gsm7.truncate(text, 200), "short text is unchanged");
  }

  @Test
  void truncationNeverSplitsATwoSeptetCharacterOrExceedsTheLimit() {
    String euros = "€".repeat(100); // 100 characters, 200 septets
    String cut = Gsm7.truncate(euros, Gsm7.SINGLE_SEGMENT_SEPTETS);
    assertTrue(Gsm7.septets(cut) <= Gsm7.SINGLE_SEGMENT_SEPTETS, cut);
    assertEquals("€".repeat(78) + "...", cut, "78 euros (156 septets) plus the 3-septet mark");

    String mixed = "a".repeat(155) + "€€€€";
    String cut2 = Gsm7.truncate(mixed, 160);
    assertEquals(160, Gsm7.septets(cut2));
    assertTrue(cut2.endsWith("a€..."), cut2);
  }
}
