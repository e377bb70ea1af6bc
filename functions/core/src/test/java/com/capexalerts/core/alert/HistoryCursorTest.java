package com.capexalerts.core.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class HistoryCursorTest {
  @Test
  void aTokenReadsBackToTheSamePosition() {
    HistoryCursor c = new HistoryCursor("Alibaba", 1_740_384_900L, "alibaba-2025-02-24-52b");
    String token = c.encode();
    assertTrue(token.matches("[A-Za-z0-9_-]+"), "base64url without padding: " + token);
    assertEquals(c, HistoryCursor.decode(token, "Alibaba"));
  }

  @Test
  void aTokenOfAnotherCompanyIsRefused() {
    String token = new HistoryCursor("Alibaba", 1L, "k").encode();
    InvalidCursorException e = assertThrows(InvalidCursorException.class, () -> HistoryCursor.decode(token, "Meta"));
    assertTrue(e.getMessage().contains("another query"), e.getMessage());
  }

  @Test
  void garbageAndForeignJsonAreRefused() {
    assertThrows(InvalidCursorException.class, () -> HistoryCursor.decode("not base64 !", "EVENT"));
    String foreign = Base64.getUrlEncoder().encodeToString("{\"event_key\":{\"S\":\"x\"}}".getBytes());
    assertThrows(InvalidCursorException.class, () -> HistoryCursor.decode(foreign, "EVENT"));
    String array = Base64.getUrlEncoder().encodeToString("[1]".getBytes());
    assertThrows(InvalidCursorException.class, () -> HistoryCursor.decode(array, "EVENT"));
  }
}
