package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The not-a-commitment stage: estimates, talks, pooled totals and reported results give no finding. */
class CommitmentRealNewsTest {
  private static final Detector DETECTOR = Detector.withDefaults();

  private static List<String> companies(String title, String text) {
    return DETECTOR.detect(title, text).stream().map(f -> f.company() + " " + f.kind()).toList();
  }

  @Test
  void aFigureComparedWithTheSamePeriodBeforeIsAReportedResult() {
    assertEquals(List.of(), companies("Nvidia quarter beats forecasts",
        "Nvidia reported revenue of $40 billion, with its networking unit contributing $6 billion, up 90% from a"
            + " year earlier, on demand for AI chips."));
  }

  @Test
  void aTotalOfSeveralCompaniesPledgesIsNoOneCompanysCommitment() {
    assertEquals(List.of("Amazon ANNOUNCEMENT"), companies("Amazon to invest $8 billion in Irish AI data centres",
        "Amazon will invest $8 billion in Irish AI data centres over five years, the biggest of several US tech"
            + " pledges worth $20 billion announced during the trade visit."));
    assertEquals(List.of("Alphabet ANNOUNCEMENT"), companies("Google pledges £4bn for UK AI data centres",
        "Google will spend £4 billion on AI data centres in Britain, part of £12 billion of US tech pledges"
            + " timed for the summit."));
  }

  @Test
  void whatSeveralCompaniesAreTogetherExpectedToSpendIsAForecast() {
    assertEquals(List.of(), companies("Oracle sells bonds to fund AI build-out",
        "Amazon, Microsoft, Meta and Oracle are together expected to put more than $500 billion into AI"
            + " infrastructure next year."));
  }

  @Test
  void peopleFamiliarWithTheDiscussionsAreASourceNotTalks() {
    assertEquals(List.of("Amazon ANNOUNCEMENT"), companies("Amazon puts $6 billion into an AI lab",
        "Amazon is making a multiyear investment in the AI lab. Amazon gave no terms, but a person familiar with"
            + " the discussions said the commitment totals $6 billion over several years."));
  }

  @Test
  void spendingOverThePastTwelveMonthsAndListedQuarterlyFiguresAreReportedResults() {
    assertEquals(List.of(), companies("Baidu and Tencent diverge on AI capex",
        "Baidu's capex over the past 12 months topped 20 billion yuan on AI servers. Tencent cut quarterly AI"
            + " capex to 17 billion yuan and 12 billion yuan in the first and second quarters."));
  }

  @Test
  void aCompanysOwnCapexRangeWithCouldIsGuidanceNotTalk() {
    assertEquals(List.of("Amazon ANNOUNCEMENT"), companies("Amazon sees capex jump",
        "Amazon said its capital spending could nearly double next year to as much as $200 billion for AI data"
            + " centres."));
    assertEquals(List.of(), companies("Amazon capex seen higher",
        "Amazon's capital spending could reach $200 billion next year on AI data centres."));
    assertEquals(List.of(), companies("Amazon weighs AI plan",
        "Amazon said it could invest $20 billion in AI data centres in Spain, but no decision has been made."));
  }

  @Test
  void willStillRestatesAPlan() {
    assertEquals(List.of("Oracle MENTION"), companies("Oracle shares rise after earnings",
        "Oracle said its AI data-centre capex will still reach $40 billion this fiscal year."));
  }
}
