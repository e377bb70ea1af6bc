package com.capexalerts.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.company.Watchlist;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerTest {
  private final LedgerMatcher matcher = new LedgerMatcher(new BigDecimal("0.10"));

  private static Commitment known(String company, String usd, String period, String what, String date,
      CommitmentOrigin origin) {
    return new Commitment(company.toLowerCase() + "-" + date, company, new BigDecimal(usd), "USD", new BigDecimal(usd),
        period, what, LocalDate.parse(date), Instant.parse(date + "T00:00:00Z"), null, origin, 0);
  }

  private LedgerMatcher.Decision decide(String company, String usd, String period, String text, boolean raise,
      String published, Commitment... known) {
    return matcher.decide(new LedgerMatcher.Claim(company, new BigDecimal(usd), period, text, raise,
        Instant.parse(published)), List.of(known));
  }

  @Test
  void twoLocalCurrenciesAreTwoPledgesAtTheSameDollarValue() {
    Commitment australia = new Commitment("microsoft-2023-10-22-3.3b", "Microsoft", new BigDecimal("5e9"), "AUD",
        new BigDecimal("3.3e9"), null, "Microsoft will invest A$5 billion in data centres", LocalDate.parse("2023-10-22"),
        Instant.parse("2023-10-22T00:00:00Z"), null, CommitmentOrigin.ALERT, 1);
    var uk = matcher.decide(new LedgerMatcher.Claim("Microsoft", new BigDecimal("3.2e9"), null,
        "Microsoft will invest £2.5 billion over three years", false, Instant.parse("2023-11-30T00:00:00Z"), "GBP"),
        List.of(australia));
    assertInstanceOf(LedgerMatcher.Decision.Fresh.class, uk, "pounds are no retelling of Australian dollars");
    var retold = matcher.decide(new LedgerMatcher.Claim("Microsoft", new BigDecimal("3.3e9"), null,
        "Microsoft will invest $3.3 billion in data centres", false, Instant.parse("2023-10-23T00:00:00Z"), "USD"),
        List.of(australia));
    assertInstanceOf(LedgerMatcher.Decision.Known.class, retold, "a retelling converts to dollars");
  }

  @Test
  void aRestatementMonthsLaterIsTheKnownCommitment() {
    Commitment plan = known("Microsoft", "80e9", "fiscal 2025", "AI data centres", "2025-01-03", CommitmentOrigin.ALERT);
    var d = decide("Microsoft", "80e9", null, "Microsoft, which plans to spend $80 billion, cut jobs.", false,
        "2025-04-20T10:00:00Z", plan);
    assertEquals(plan, assertInstanceOf(LedgerMatcher.Decision.Known.class, d).commitment());
  }

  @Test
  void anotherTrancheOfTheSameSizeMonthsLaterIsNewMoneyButItsRetellingIsNot() {
    Commitment first = known("Amazon", "4e9", null, "Amazon will invest up to $4 billion in Anthropic", "2023-09-25",
        CommitmentOrigin.ALERT);
    String text = "Amazon is putting another $4 billion into Anthropic, bringing its total to $8 billion.";
    var tranche = matcher.decide(new LedgerMatcher.Claim("Amazon", new BigDecimal("4e9"), null, text, false,
        Instant.parse("2024-11-22T15:30:00Z"), "USD", true), List.of(first));
    assertInstanceOf(LedgerMatcher.Decision.Fresh.class, tranche, "new money 14 months on");
    Commitment second = known("Amazon", "4e9", null, text, "2024-11-22", CommitmentOrigin.ALERT);
    var retold = matcher.decide(new LedgerMatcher.Claim("Amazon", new BigDecimal("4e9"), null, text, false,
        Instant.parse("2024-11-23T08:00:00Z"), "USD", true), List.of(first, second));
    assertEquals(second, assertInstanceOf(LedgerMatcher.Decision.Known.class, retold).commitment());
    var restated = decide("Amazon", "4e9", null, "Amazon, which has put $4 billion into Anthropic, cut jobs.", false,
        "2024-12-10T10:00:00Z", first);
    assertEquals(first, assertInstanceOf(LedgerMatcher.Decision.Known.class, restated).commitment(),
        "no increment: the old pledge restated");
  }

  @Test
  void anotherFiscalYearIsANewCommitment() {
    Commitment fy25 = known("Microsoft", "80e9", "fiscal 2025", "AI data centres", "2025-01-03", CommitmentOrigin.SEED);
    var d = decide("Microsoft", "82e9", "in fiscal 2026", "Microsoft expects $82 billion in fiscal 2026.", false,
        "2025-07-30T10:00:00Z", fy25);
    assertInstanceOf(LedgerMatcher.Decision.Fresh.class, d);
  }

  @Test
  void similarAmountsForDifferentPlacesAreTwoPledges() {
    Commitment wisconsin = known("Microsoft", "3.3e9", null, "$3.3 billion in Wisconsin", "2024-05-08",
        CommitmentOrigin.ALERT);
    assertInstanceOf(LedgerMatcher.Decision.Fresh.class, decide("Microsoft", "3.2e9", null,
        "Microsoft will invest $3.2 billion in Sweden.", false, "2024-06-03T08:00:00Z", wisconsin));
    assertInstanceOf(LedgerMatcher.Decision.Known.class, decide("Microsoft", "3.3e9", null,
        "Microsoft's $3.3 billion Wisconsin campus is on track.", false, "2025-06-03T08:00:00Z", wisconsin));
  }

  @Test
  void aLargerFigureForTheSamePeriodIsAnUpdate() {
    Commitment first = known("Alphabet", "85e9", "2025", "capex", "2025-07-23", CommitmentOrigin.ALERT);
    var d = decide("Alphabet", "93e9", "in 2025", "Alphabet now expects $91-93 billion in 2025.", true,
        "2025-10-29T21:00:00Z", first);
    assertEquals(first, assertInstanceOf(LedgerMatcher.Decision.Fresh.class, d).updates());
  }

  @Test
  void aSeedEntryLetsTheOriginalCoverageAlertOnce() {
    Commitment seed = known("Alibaba", "53e9", "over three years", "cloud and AI", "2025-02-24",
        CommitmentOrigin.SEED);
    assertInstanceOf(LedgerMatcher.Decision.Fresh.class, decide("Alibaba", "53e9", "over the next three years",
        "Alibaba will invest 380 billion yuan.", false, "2025-02-24T04:00:00Z", seed));
    assertInstanceOf(LedgerMatcher.Decision.Known.class, decide("Alibaba", "52e9", null,
        "Alibaba's 380 billion yuan plan.", false, "2025-09-01T04:00:00Z", seed));
  }

  @Test
  void placesAndInvesteesTellPledgesApart() {
    assertTrue(Places.disjoint(Places.in("$3.3 billion in Wisconsin"), Places.in("kronor for Sweden")));
    assertTrue(!Places.disjoint(Places.in("new sites in Texas and Ohio"), Places.in("AI infrastructure in the US")),
        "a state lies in the United States");
    assertTrue(!Places.disjoint(Places.in("a data centre"), Places.in("in Sweden")), "no place on one side");
    assertTrue(!Places.disjoint(Places.in("a first campus rising in Abilene"), Places.in("a first data centre in Texas")),
        "a city is in its state");
    assertEquals(Set.of("india"), Places.in("US$17.5 billion for cloud and AI in India"), "US$ is a currency");
    assertEquals(Set.of(), Places.in("according to a report in a Hong Kong newspaper"), "a source's place is no place of the money");
    assertEquals(Set.of(), Places.in("380 billion yuan, roughly 53 billion U.S. dollars"), "a currency is no place");
    assertTrue(Places.disjoint(Places.in("a stake in Anthropic", "Microsoft"), Places.in("data centres in France")));
    assertEquals(Set.of(), Places.in("OpenAI will buy compute", "OpenAI"), "the committing company is no anchor");
    assertEquals(Set.of(), Places.in("tell us more"), "the word us is no place");
  }

  @Test
  void aMentionStandsOnlyForTheSameFigureAndNeverForAStatedPeriodItLacks() {
    Commitment background = known("OpenAI", "40e9", null, "its funding round", "2025-03-31",
        CommitmentOrigin.MENTION);
    assertInstanceOf(LedgerMatcher.Decision.Fresh.class, decide("OpenAI", "38e9", null,
        "OpenAI signs a $38 billion compute deal.", false, "2025-11-03T15:00:00Z", background), "5 % off: another deal");
    assertInstanceOf(LedgerMatcher.Decision.Known.class, decide("OpenAI", "40e9", null,
        "OpenAI, which raised $40 billion, hired staff.", false, "2025-11-03T15:00:00Z", background));
    assertInstanceOf(LedgerMatcher.Decision.Fresh.class, decide("OpenAI", "40e9", "in 2026",
        "OpenAI will spend $40 billion in 2026.", false, "2025-11-03T15:00:00Z", background));
    assertInstanceOf(LedgerMatcher.Decision.Fresh.class, decide("OpenAI", "40e9", null,
        "OpenAI will spend $40 billion.", false, "2025-04-01T15:00:00Z", background),
        "within the 3-day grace a first report read as background does not hide the next day's coverage");
  }

  @Test
  void periodsCompare() {
    Instant in2025 = Instant.parse("2025-03-01T00:00:00Z");
    assertEquals("Y2025", Periods.token("this year", in2025));
    assertEquals("Y2026", Periods.token("in fiscal 2026", in2025));
    assertEquals("D3", Periods.token("over the next three years", in2025));
    assertEquals("E2027", Periods.token("through 2027", in2025));
    assertEquals("R2025-2028", Periods.token("from 2025 to 2028", in2025));
    assertEquals(null, Periods.token("this fiscal year", in2025));
    assertTrue(Periods.distinct("Y2025", "Y2026"));
    assertTrue(!Periods.distinct("Y2025", "D3"));
  }

  @Test
  void theBundledSeedIsThePublicRecordOfEveryWatchedCompanyButTwo() {
    List<Commitment> seed = LedgerFile.bundled();
    assertTrue(seed.size() >= 80 && seed.size() <= 150, "entries: " + seed.size());
    Watchlist watchlist = Watchlist.defaults();
    Set<String> keys = new HashSet<>();
    Set<String> companies = new HashSet<>();
    for (Commitment c : seed) {
      assertTrue(watchlist.companies().stream().anyMatch(w -> w.name().equals(c.company())), "canonical: " + c.company());
      assertTrue(keys.add(c.company() + "/" + c.key()), "duplicate key " + c.key());
      assertTrue(c.link() != null && c.link().startsWith("https://"), "public link: " + c.key());
      assertTrue(c.what().length() >= 15, "what: " + c.key());
      assertEquals(CommitmentOrigin.SEED, c.origin());
      assertTrue(!c.announced().isAfter(LocalDate.of(2026, 12, 31)), c.key());
      companies.add(c.company());
    }
    assertTrue(companies.size() >= 18, "companies: " + companies);
  }
}
