package com.capexalerts.core.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SubscriptionProtocolTest {
  @ParameterizedTest
  @ValueSource(strings = {"ops@example.com", "first.last+alerts@mail.example.co.uk", "x_y@sub-domain.example.org"})
  void acceptsEmailAddresses(String address) {
    assertEquals(Optional.empty(), SubscriptionProtocol.EMAIL.problem(address));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ops", "ops@", "@example.com", "ops@example", "ops@exa mple.com", "a b@example.com",
      "ops@@example.com", "ops@example.c", ".ops@example.com", "ops@-example.com", "ops@example.com\n"})
  void refusesWhatIsNoEmailAddress(String address) {
    assertTrue(SubscriptionProtocol.EMAIL.problem(address).isPresent(), address);
  }

  @Test
  void refusesOverlongEmailAddresses() {
    String address = "a".repeat(250) + "@example.com";
    assertTrue(SubscriptionProtocol.EMAIL.problem(address).orElseThrow().contains("254"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+4915112345678", "+12025550123", "+8613800138000"})
  void acceptsE164Numbers(String number) {
    assertEquals(Optional.empty(), SubscriptionProtocol.SMS.problem(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"015112345678", "+0151123456", "+49 151 12345678", "+1234", "+1234567890123456",
      "+49-151-1234567", "tel:+4915112345678"})
  void refusesWhatIsNoE164Number(String number) {
    assertTrue(SubscriptionProtocol.SMS.problem(number).orElseThrow().contains("E.164"), number);
  }

  @Test
  void protocolNamesAreReadInAnyCase() {
    assertEquals(SubscriptionProtocol.SMS, SubscriptionProtocol.fromWire(" SMS "));
    assertEquals("email", SubscriptionProtocol.EMAIL.wireName());
    assertThrows(IllegalArgumentException.class, () -> SubscriptionProtocol.fromWire("https"));
  }
}
