package com.capexalerts.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyParserTest {
  private final MoneyParser parser = new MoneyParser();

  private MoneySpan only(String text, String yen) {
    List<MoneySpan> spans = parser.find(text, yen);
    assertEquals(1, spans.size(), () -> "expected one amount in '" + text + "', got " + spans);
    return spans.get(0);
  }

  /** sentence | value in whole units | ISO currency | text as written. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Microsoft will spend $80 billion this year.           | 80000000000      | USD | $80 billion
          It set aside $80bn for the build-out.                 | 80000000000      | USD | $80bn
          A $80B plan was approved.                             | 80000000000      | USD | $80B
          The group pledged US$80 billion.                      | 80000000000      | USD | US$80 billion
          Spending of USD 80 bn is planned.                     | 80000000000      | USD | USD 80 bn
          It will put 80 billion dollars into chips.            | 80000000000      | USD | 80 billion dollars
          A project worth $1.5tn was unveiled.                  | 1500000000000    | USD | $1.5tn
          A project worth $1.5 trillion was unveiled.           | 1500000000000    | USD | $1.5 trillion
          They will pour half a trillion dollars into it.       | 500000000000     | USD | half a trillion dollars
          Alibaba will invest 380 billion yuan.                 | 380000000000     | CNY | 380 billion yuan
          Alibaba will invest RMB380 billion.                   | 380000000000     | CNY | RMB380 billion
          Alibaba will invest RMB 380bn.                        | 380000000000     | CNY | RMB 380bn
          Alibaba will invest CNY 380bn.                        | 380000000000     | CNY | CNY 380bn
          Alibaba will invest Rmb380bn.                         | 380000000000     | CNY | Rmb380bn
          The fund holds €10 billion.                           | 10000000000      | EUR | €10 billion
          The fund holds EUR 10bn.                              | 10000000000      | EUR | EUR 10bn
          Britain gets £5bn of new data centres.                | 5000000000       | GBP | £5bn
          It plans 1.5 trillion yen of spending.                | 1500000000000    | JPY | 1.5 trillion yen
          Samsung will spend 3 trillion won.                    | 3000000000000    | KRW | 3 trillion won
          Samsung will spend ₩3 trillion.                       | 3000000000000    | KRW | ₩3 trillion
          The plan is worth Rs 25,000 crore.                    | 250000000000     | INR | Rs 25,000 crore
          The plan is worth ₹1.33 lakh crore.                   | 1330000000000    | INR | ₹1.33 lakh crore
          The plan is worth Rs.500 crore.                       | 5000000000       | INR | Rs.500 crore
          The plan is worth Rs 1,05,600 crore.                  | 1056000000000    | INR | Rs 1,05,600 crore
          Spending reaches A$2 billion.                         | 2000000000       | AUD | A$2 billion
          Spending reaches C$1.2 billion.                       | 1200000000       | CAD | C$1.2 billion
          Spending reaches S$5 billion.                         | 5000000000       | SGD | S$5 billion
          Spending reaches HK$12 billion.                       | 12000000000      | HKD | HK$12 billion
          A AED 2 billion campus is planned.                    | 2000000000       | AED | AED 2 billion
          A RM10 billion campus is planned.                     | 10000000000      | MYR | RM10 billion
          A MYR 10 billion campus is planned.                   | 10000000000      | MYR | MYR 10 billion
          A SAR 5 billion campus is planned.                    | 5000000000       | SAR | SAR 5 billion
          A CHF 1 billion campus is planned.                    | 1000000000       | CHF | CHF 1 billion
          It will invest SEK 33.7 billion in Sweden.            | 33700000000      | SEK | SEK 33.7 billion
          It will invest R5.4 billion in South Africa.          | 5400000000       | ZAR | R5.4 billion
          Outlays of $25,000,000,000 were approved.             | 25000000000      | USD | $25,000,000,000
          A $500m round closed.                                 | 500000000        | USD | $500m
          A $500 mn round closed.                               | 500000000        | USD | $500 mn
          A $500 mln round closed.                              | 500000000        | USD | $500 mln
          A $2 bln order was placed.                            | 2000000000       | USD | $2 bln
          A $2.5 trn bet.                                       | 2500000000000    | USD | $2.5 trn
          A $1.2tr bet.                                         | 1200000000000    | USD | $1.2tr
          A salary of $750k was reported.                       | 750000             | USD | $750k
          Capex will be $60 billion to $65 billion this year.   | 65000000000      | USD | $60 billion to $65 billion
          Capex will be $60-65 billion this year.               | 65000000000      | USD | $60-65 billion
          Capex will be $115bn-$135bn this year.                | 135000000000     | USD | $115bn-$135bn
          Capex will be between $70 billion and $72 billion.    | 72000000000      | USD | between $70 billion and $72 billion
          Capex will be 60 to 65 billion dollars.               | 65000000000      | USD | 60 to 65 billion dollars
          It will invest up to $4 billion in Anthropic.         | 4000000000       | USD | up to $4 billion
          It will invest more than $100 billion.                | 100000000000     | USD | more than $100 billion
          It will invest over 380 billion yuan.                 | 380000000000     | CNY | over 380 billion yuan
          It will invest at least $10 billion.                  | 10000000000      | USD | at least $10 billion
          It will invest about $80 billion.                     | 80000000000      | USD | about $80 billion
          It will invest nearly $5 billion.                     | 5000000000       | USD | nearly $5 billion
          It will invest roughly $5 billion.                    | 5000000000       | USD | roughly $5 billion
          It will invest an additional $2.75 billion.           | 2750000000       | USD | an additional $2.75 billion
          A $10 billion-plus deal.                              | 10000000000      | USD | $10 billion-plus
          """)
  void readsEveryListedForm(String sentence, String value, String currency, String written) {
    MoneySpan span = only(sentence, "JPY");
    assertEquals(new BigDecimal(value), span.amount().value());
    assertEquals(currency, span.amount().currency());
    assertEquals(written, span.amount().text());
    assertEquals(written, sentence.substring(span.start(), span.start() + written.length()));
  }

  @Test
  void rangeKeepsUpperBoundAndIsMarked() {
    MoneySpan span = only("guided to $64 billion-$72 billion for the year", "JPY");
    assertTrue(span.range());
    assertEquals(new BigDecimal("72000000000"), span.amount().value());
    assertFalse(only("guided to $72 billion", "JPY").range());
  }

  @Test
  void parentheticalDollarConversionIsOneAmountWithStatedUsd() {
    String text = "Alibaba will invest more than 380 billion yuan ($53 billion) in AI.";
    MoneySpan span = only(text, "JPY");
    assertEquals("CNY", span.amount().currency());
    assertEquals("more than 380 billion yuan", span.amount().text());
    assertEquals(new BigDecimal("53000000000"), span.statedUsd());
    assertEquals(text.indexOf(")") + 1, span.end(), "the span covers the conversion");
  }

  @Test
  void appositiveDollarConversionIsOneAmount() {
    MoneySpan span = only("it pledged 380 billion yuan, or roughly $53 billion, to AI", "JPY");
    assertEquals("CNY", span.amount().currency());
    assertEquals(new BigDecimal("53000000000"), span.statedUsd());
  }

  @Test
  void dollarAmountWithForeignConversionKeepsTheDollarsAndNoStatedUsd() {
    MoneySpan span = only("a $53 billion (380 billion yuan) plan", "JPY");
    assertEquals("USD", span.amount().currency());
    assertEquals("$53 billion", span.amount().text());
    assertNull(span.statedUsd());
  }

  @Test
  void sameCurrencyInParenthesesIsNotAConversion() {
    assertEquals(2, parser.find("a $10 billion plan ($2 billion this year)", "JPY").size());
  }

  @Test
  void bareYenSignIsReadAsTheCallerSays() {
    MoneySpan yen = only("SoftBank will invest ¥1.5 trillion.", "JPY");
    assertEquals("JPY", yen.amount().currency());
    assertTrue(yen.yenSign());
    MoneySpan yuan = only("Tencent will invest ¥100 billion.", "CNY");
    assertEquals("CNY", yuan.amount().currency());
    assertEquals("JPY", yuan.withCurrency("JPY").amount().currency());
    assertFalse(only("SoftBank will invest 1.5 trillion yen.", "CNY").yenSign(), "the word yen is unambiguous");
    assertEquals("JPY", only("SoftBank will invest 1.5 trillion yen.", "CNY").amount().currency());
  }

  @Test
  void rejectsAnUnknownYenReading() {
    assertThrows(IllegalArgumentException.class, () -> parser.find("¥5 billion", "KRW"));
  }

  @ParameterizedTest(name = "no money in: {0}")
  @ValueSource(
      strings = {
        "Alibaba will invest 380 billion in AI.",
        "Shares fell 2.5% on Monday.",
        "Shares fell 2.5 percent on Monday.",
        "Nvidia's H100 chips and B200 systems sold out.",
        "In 2025 the company hired 20,000 people.",
        "The plan runs from 2025 to 2028.",
        "The note reads ($1 = 7.2 yuan).",
        "It won 3 contracts last year.",
        "Profit grew in Q3 and FY2025.",
        "The fourth-quarter 5G rollout continued.",
      })
  void findsNoMoneyWithoutACurrency(String text) {
    assertEquals(List.of(), parser.find(text, "JPY"));
  }

  @Test
  void findsSeveralAmountsInOrderWithPositions() {
    String text = "Microsoft plans $80 billion, Meta up to $65 billion and Alphabet $75bn.";
    List<MoneySpan> spans = parser.find(text, "JPY");
    assertEquals(
        List.of("$80 billion", "up to $65 billion", "$75bn"), spans.stream().map(s -> s.amount().text()).toList());
    for (MoneySpan s : spans) {
      assertTrue(text.substring(s.start(), s.end()).startsWith(s.amount().text()));
    }
  }

  @Test
  void raiseFromToIsTwoAmountsNotARange() {
    List<MoneySpan> spans = parser.find("lifted its forecast from $75 billion to $85 billion", "JPY");
    assertEquals(2, spans.size());
    assertFalse(spans.get(0).range());
    assertEquals(new BigDecimal("85000000000"), spans.get(1).amount().value());
  }

  @Test
  void yearAfterAmountIsNotARangeBound() {
    MoneySpan span = only("it will spend $60 billion to 2030", "JPY");
    assertEquals(new BigDecimal("60000000000"), span.amount().value());
    assertFalse(span.range());
  }

  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.Timeout(10)
  void longDigitRunsAreNotMoneyAndCostLinearTime() {
    String digits = "9".repeat(800_000);
    String text = "Microsoft will invest $" + digits + " billion, then $80 billion, and 1," + digits + ".5 more.";

    long start = System.nanoTime();
    java.util.List<MoneySpan> found = parser.find(text);
    long elapsed = System.nanoTime() - start;

    assertEquals(java.util.List.of("$80 billion"), found.stream().map(s -> text.substring(s.start(), s.end())).toList());
    org.junit.jupiter.api.Assertions.assertTrue(elapsed < java.time.Duration.ofSeconds(3).toNanos(),
        "800,000 digits took " + elapsed / 1_000_000 + " ms (19 s before the cap)");
  }
}
