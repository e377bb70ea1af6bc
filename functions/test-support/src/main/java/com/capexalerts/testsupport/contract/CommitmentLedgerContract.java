package com.capexalerts.testsupport.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.ledger.Commitment;
import com.capexalerts.core.ledger.CommitmentLedger;
import com.capexalerts.core.ledger.CommitmentOrigin;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CommitmentLedger} must do. Subclasses give a fresh, empty ledger per test; the DynamoDB ledger
 * (on moto) and the local file ledger run the same cases.
 */
public abstract class CommitmentLedgerContract {
  protected static final Instant T0 = Instant.parse("2025-02-24T09:30:15.250Z");

  private CommitmentLedger ledger;

  /** A new ledger with no entries, never seeded. */
  protected abstract CommitmentLedger newLedger() throws Exception;

  @BeforeEach
  void createLedger() throws Exception {
    ledger = newLedger();
  }

  public static Commitment entry(String key, String company, String usd, String period, CommitmentOrigin origin) {
    return new Commitment(key, company, new BigDecimal("380e9"), "CNY", new BigDecimal(usd), period,
        "cloud and AI infrastructure in China", LocalDate.of(2025, 2, 24), T0, "https://example.com/a", origin, 0);
  }

  @Test
  void recordsOnceAndReadsBackEveryField() {
    Commitment c = entry("alibaba-2025-02-24-53b", "Alibaba", "53000000000", "over three years",
        CommitmentOrigin.SEED);
    assertTrue(ledger.record(c));
    assertFalse(ledger.record(entry("alibaba-2025-02-24-53b", "Alibaba", "1", null, CommitmentOrigin.MENTION)),
        "a second write of the key changes nothing");
    List<Commitment> found = ledger.forCompany("Alibaba");
    assertEquals(1, found.size());
    Commitment back = found.getFirst();
    assertEquals(c.key(), back.key());
    assertEquals(0, c.amountUsd().compareTo(back.amountUsd()));
    assertEquals(0, c.amount().compareTo(back.amount()));
    assertEquals("CNY", back.currency());
    assertEquals("over three years", back.period());
    assertEquals(c.what(), back.what());
    assertEquals(c.announced(), back.announced());
    assertEquals(T0, back.firstSeen());
    assertEquals(c.link(), back.link());
    assertEquals(CommitmentOrigin.SEED, back.origin());
  }

  @Test
  void readsOneCompanyOfAnyAgeAndAllForTheList() {
    ledger.record(entry("alibaba-2023-01-01-5b", "Alibaba", "5000000000", null, CommitmentOrigin.ALERT));
    ledger.record(entry("alibaba-2025-02-24-53b", "Alibaba", "53000000000", null, CommitmentOrigin.SEED));
    ledger.record(entry("meta-2025-01-24-65b", "Meta", "65000000000", "2025", CommitmentOrigin.MENTION));
    assertEquals(2, ledger.forCompany("Alibaba").size());
    assertEquals(List.of("meta-2025-01-24-65b"), ledger.forCompany("Meta").stream().map(Commitment::key).toList());
    assertEquals(List.of(), ledger.forCompany("alibaba"), "exact canonical name, as the table's partition key");
    assertEquals(3, ledger.all().size());
  }

  @Test
  void countsEachSourceOnce() {
    ledger.record(entry("meta-2025-01-24-65b", "Meta", "65000000000", "2025", CommitmentOrigin.ALERT));
    assertTrue(ledger.addSource("Meta", "meta-2025-01-24-65b", "https://a.example/1"));
    assertFalse(ledger.addSource("Meta", "meta-2025-01-24-65b", "https://a.example/1"), "a retry counts nothing");
    assertTrue(ledger.addSource("Meta", "meta-2025-01-24-65b", "https://b.example/2"));
    assertFalse(ledger.addSource("Meta", "meta-2025-01-24-99b", "https://b.example/2"), "no such entry");
    assertEquals(2, ledger.forCompany("Meta").getFirst().sources());
  }

  @Test
  void isSeededOnce() {
    assertEquals(Optional.empty(), ledger.seededWith());
    assertTrue(ledger.markSeeded("bundled"));
    assertFalse(ledger.markSeeded("none"));
    assertEquals(Optional.of("bundled"), ledger.seededWith());
    assertEquals(List.of(), ledger.all(), "the seed mark is no entry");
  }
}
