package com.capexalerts.core.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money as written in a text.
 *
 * @param value    the amount in whole units of {@code currency} (380 billion yuan is 380000000000)
 * @param currency ISO 4217 code (USD, CNY, JPY, EUR, ...)
 * @param text     the words as written, e.g. "over 380 billion yuan"
 */
public record MoneyAmount(BigDecimal value, String currency, String text) {
  public MoneyAmount {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(text, "text");
  }
}
