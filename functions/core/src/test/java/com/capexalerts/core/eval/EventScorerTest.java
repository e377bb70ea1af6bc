package com.capexalerts.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.capexalerts.core.eval.EventScorer.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventScorerTest {
  private static LabelledItem item(String id, String published, List<LabelledAmount> announcements,
      List<LabelledAmount> mentions) {
    return new LabelledItem(id, "title " + id, "", "https://example.com/" + id, Instant.parse(published), "Wire",
        new CorpusLabel(announcements, mentions, "test"));
  }

  private static LabelledAmount usd(String company, String amount) {
    return new LabelledAmount(company, new BigDecimal(amount));
  }

  private static EventScorer.Alert alert(String id, String company, String amount) {
    return new EventScorer.Alert(company.toLowerCase() + "-" + id, company, new BigDecimal(amount),
        "https://example.com/" + id, "title " + id);
  }

  private final List<LabelledItem> corpus = List.of(
      item("a1", "2025-01-03T10:00:00Z", List.of(usd("Microsoft", "80e9")), List.of()),
      item("a2", "2025-01-04T10:00:00Z", List.of(usd("Microsoft", "80e9")), List.of()),
      item("b1", "2025-02-24T04:00:00Z", List.of(usd("Alibaba", "53e9")), List.of(usd("Microsoft", "80e9"))),
      item("c1", "2025-04-20T08:00:00Z", List.of(), List.of(usd("Microsoft", "80e9"))),
      item("d1", "2025-05-01T08:00:00Z", List.of(usd("Tencent", "9e9")), List.of()));

  @Test
  void firstAlertOfACommitmentIsRightLaterOnesAreRepeatsTheRestWrong() {
    EventScorer.Report r = EventScorer.score(corpus, List.of(
        alert("a1", "Microsoft", "80e9"),
        alert("b1", "Alibaba", "52.4e9"),   // within 25 % of the label
        alert("a2", "Microsoft", "81e9"),   // the same commitment again
        alert("c1", "Microsoft", "80e9"),   // a restatement labelled as mention: a repeat
        alert("b1", "Meta", "65e9")));      // nothing labelled: wrong
    assertEquals(List.of(Verdict.RIGHT, Verdict.RIGHT, Verdict.REPEAT, Verdict.REPEAT, Verdict.WRONG),
        r.alerts().stream().map(EventScorer.ScoredAlert::verdict).toList());
    assertEquals(0.4, r.precision(), 1e-9);
    assertEquals(3, r.commitments(), "Microsoft 80, Alibaba 53, Tencent 9");
    assertEquals(2, r.commitmentsAlerted());
    assertEquals(List.of("Tencent $9B first in d1"), r.missedCommitments());
    assertEquals(2.0 / 3, r.eventRecall(), 1e-9);
  }

  @Test
  void commitmentsAreRetellingsAtNearlyTheSameFigureAndARaiseIsItsOwn() {
    List<LabelledItem> items = List.of(
        item("x1", "2025-01-01T00:00:00Z", List.of(usd("Amazon", "10e9")), List.of()),
        item("x2", "2025-01-03T00:00:00Z", List.of(usd("Amazon", "10.5e9")), List.of()),
        item("x3", "2025-01-20T00:00:00Z", List.of(usd("Amazon", "11.5e9")), List.of()),
        item("x4", "2025-06-01T00:00:00Z", List.of(usd("Amazon", "10e9")), List.of()));
    EventScorer.Report r = EventScorer.score(items, List.of());
    assertEquals(2, r.commitments(),
        "10.5 and the 10 retold months later are the first pledge; 11.5 (15 % more) is a raise of its own");
    assertEquals(0, r.eventRecall(), 1e-9);
    assertEquals(1.0, r.precision(), 1e-9, "no alerts, nothing wrong");
  }
  private static LabelledAmount event(String company, String amount, String id) {
    return new LabelledAmount(company, new BigDecimal(amount), List.of(), id);
  }

  @Test
  void labelledEventIdsDecideWhatIsOneCommitment() {
    List<LabelledItem> items = List.of(
        // two different pledges of one company within 8 % of each other: their ids keep them apart
        item("j1", "2025-04-01T00:00:00Z", List.of(event("Microsoft", "10e9", "msft-japan-10b")), List.of()),
        item("p1", "2025-11-01T00:00:00Z", List.of(event("Microsoft", "10.2e9", "msft-portugal-10b")), List.of()),
        // the same commitment told with a rounder figure still is the first one
        item("j2", "2025-04-02T00:00:00Z", List.of(event("Microsoft", "11e9", "msft-japan-10b")), List.of()),
        // a later story that only mentions the Japan pledge
        item("r1", "2025-12-01T00:00:00Z", List.of(), List.of(event("Microsoft", "10e9", "msft-japan-10b"))));
    EventScorer.Report r = EventScorer.score(items, List.of(
        alert("j1", "Microsoft", "10e9"),
        alert("j2", "Microsoft", "11e9"),
        alert("p1", "Microsoft", "10.2e9"),
        alert("r1", "Microsoft", "10e9")));
    assertEquals(List.of(Verdict.RIGHT, Verdict.REPEAT, Verdict.RIGHT, Verdict.REPEAT),
        r.alerts().stream().map(EventScorer.ScoredAlert::verdict).toList());
    assertEquals(2, r.commitments());
    assertEquals(1.0, r.eventRecall(), 1e-9);
    assertEquals(false, r.alerts().get(3).labelled(), "a restated pledge, from an item that labels no announcement");
  }
}
