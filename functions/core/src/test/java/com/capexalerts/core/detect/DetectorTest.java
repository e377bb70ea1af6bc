package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.company.Company;
import com.capexalerts.core.company.Watchlist;
import com.capexalerts.core.feed.FeedItem;
import com.capexalerts.core.money.CurrencyRates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetectorTest {
  private static final Detector DETECTOR = Detector.withDefaults();

  private static List<Finding> announcements(List<Finding> findings) {
    return findings.stream().filter(f -> f.kind() == FindingKind.ANNOUNCEMENT).toList();
  }

  private static List<Finding> mentions(List<Finding> findings) {
    return findings.stream().filter(f -> f.kind() == FindingKind.MENTION).toList();
  }

  private static void assertUsd(double expected, BigDecimal actual, double tolerance) {
    double a = actual.doubleValue();
    assertTrue(
        Math.abs(a - expected) <= expected * tolerance,
        () -> "expected about " + expected + " USD, got " + actual);
  }

  @Test
  void alibabaStoryGivesOneAnnouncementAndOnlyContextForTheRivals() {
    String title = "Alibaba to invest more than $52 billion in AI over next three years";
    String text =
        "Alibaba Group said on Monday it will invest over 380 billion yuan ($53 billion) in cloud computing and"
            + " artificial intelligence infrastructure over the next three years, more than it spent in the past"
            + " decade. The plan puts the Chinese group among the biggest spenders, although US rivals such as"
            + " Microsoft, which plans to spend $80 billion on AI data centres this fiscal year, and Meta, with a"
            + " budget of up to $65 billion, remain far ahead. Alibaba's Hong Kong-listed shares fell 2.5% to"
            + " HK$130.";
    List<Finding> findings = DETECTOR.detect(title, text);

    List<Finding> announced = announcements(findings);
    assertEquals(1, announced.size(), findings::toString);
    Finding alibaba = announced.get(0);
    assertEquals("Alibaba", alibaba.company());
    assertEquals("CNY", alibaba.amount().currency());
    assertEquals(new BigDecimal("380000000000"), alibaba.amount().value());
    assertEquals("over 380 billion yuan", alibaba.amount().text());
    assertEquals(new BigDecimal("53000000000"), alibaba.amountUsd(), "the stated conversion wins");
    assertEquals("over the next three years", alibaba.period());
    assertTrue(alibaba.evidence().startsWith("Alibaba Group said on Monday it will invest"));
    assertFalse(alibaba.raise());

    for (Finding f : findings) {
      if (!f.company().equals("Alibaba")) {
        assertEquals(FindingKind.MENTION, f.kind(), f::toString);
      }
      assertFalse(f.amount().text().contains("130"), "the share price is no finding: " + f);
    }
    assertEquals(
        List.of("Microsoft", "Meta"), mentions(findings).stream().map(Finding::company).toList(), "rivals in order");
    assertEquals(1, findings.stream().filter(f -> f.company().equals("Alibaba")).count(), "title and body merged");
  }

  @Test
  void alibabaStoryInYuanOnlyIsConvertedWithTheRateTable() {
    List<Finding> findings =
        DETECTOR.detect(
            "Alibaba commits RMB380bn to AI build-out",
            "The Hangzhou-based company will put at least RMB380 billion into servers and data centres over three"
                + " years, it said in a statement.");
    Finding f = announcements(findings).get(0);
    assertEquals("Alibaba", f.company());
    assertUsd(53e9, f.amountUsd(), 0.05);
    assertEquals("over three years", f.period());
  }

  /** headline | text | company | USD | currency: one announcement each, written for this test. */
  @ParameterizedTest(name = "{2}: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Meta to build $10 billion AI data center in Louisiana | Meta Platforms will build a $10 billion data center in northeast Louisiana to run its artificial intelligence models, the company said on Wednesday. Construction starts this year. | Meta | 10e9 | USD
          Amazon commits $11 billion to Georgia | Amazon Web Services plans to invest $11 billion in Georgia to expand infrastructure for cloud computing and AI, the company said on Tuesday. The state governor welcomed the jobs. | Amazon | 11e9 | USD
          Nvidia to invest up to $100 billion in OpenAI | Nvidia will invest as much as $100 billion in OpenAI as the ChatGPT developer builds data centers filled with Nvidia systems, the two companies said. | Nvidia | 100e9 | USD
          SoftBank to pour ¥1 trillion into AI computing in Japan | SoftBank Group will spend ¥1 trillion over two years on computing infrastructure for generative AI in Japan, people familiar with the plan said. | SoftBank | 6.5e9 | JPY
          Tencent sets AI spending budget | Tencent said on Wednesday it plans to spend about 90 billion yuan on AI infrastructure this year as demand for its Hunyuan models grows. | Tencent | 12.6e9 | CNY
          Samsung commits 450 trillion won to chips and AI | Samsung Electronics said it will invest 450 trillion won in semiconductors and AI through 2030, most of it at home. | Samsung | 315e9 | KRW
          Microsoft to invest $3 billion in India | Microsoft will invest $3 billion over two years to expand cloud and artificial intelligence capacity in India, chief executive Satya Nadella said in Bengaluru. | Microsoft | 3e9 | USD
          Oracle plans Malaysia cloud region | Oracle said it plans to invest more than $6.5 billion to open a public cloud region in Malaysia, adding AI services for local customers. | Oracle | 6.5e9 | USD
          Alphabet sees 2025 capex of $75 billion | Google parent Alphabet said it expects capital expenditures of about $75 billion in 2025, well above analysts' estimates of $58 billion, as it races to add AI capacity. | Alphabet | 75e9 | USD
          xAI picks Mississippi for $20 billion data center | Elon Musk's xAI will invest more than $20 billion in a data center in Southaven, Mississippi, the state's governor said on Friday. | xAI | 20e9 | USD
          Baidu to spend on AI servers | Baidu plans to spend 10 billion yuan on AI servers this year, according to a company filing. | Baidu | 1.4e9 | CNY
          IBM pledges $150 billion for America | IBM said it would invest $150 billion in America over five years, including more than $30 billion for research on mainframes and quantum computing. | IBM | 150e9 | USD
          Microsoft takes stake in G42 | Microsoft will invest $1.5 billion in Abu Dhabi AI firm G42, taking a minority stake and a board seat. | Microsoft | 1.5e9 | USD
          Google to invest $40 billion in Texas data centers | | Alphabet | 40e9 | USD
          Anthropic unveils US data center plan | The company said it will spend $50 billion building data centers in Texas and New York with Fluidstack, its first big infrastructure project of its own. | Anthropic | 50e9 | USD
          Microsoft to spend €4.3 billion on Italian cloud and AI | Microsoft will spend €4.3 billion over two years to expand its cloud and AI infrastructure in Italy. | Microsoft | 5e9 | EUR
          AWS to invest ₹60,000 crore in India by 2030 | Amazon Web Services will invest ₹60,000 crore in data centres in India by 2030, it said. | Amazon | 6.8e9 | INR
          Huawei to spend big on Ascend chips | Huawei said it will invest 100 billion yuan in AI chip research and computing clusters over the next five years. | Huawei | 14e9 | CNY
          Apple to buy $5 billion of Nvidia servers | Apple plans to buy about $5 billion worth of Nvidia AI servers this year for its generative AI work, a supply-chain analyst said. | Apple | 5e9 | USD
          ByteDance earmarks $12 billion for AI chips | TikTok owner ByteDance has earmarked about $12 billion for AI infrastructure this year, according to people familiar with the matter. | ByteDance | 12e9 | USD
          Tesla orders $16.5 billion of AI chips from Samsung | Tesla has signed a $16.5 billion contract with Samsung Electronics to make its next AI chips in Texas through 2033. | Tesla | 16.5e9 | USD
          OpenAI agrees to buy $38 billion of AWS capacity | OpenAI has agreed to buy $38 billion of computing capacity from Amazon Web Services over seven years, the companies said. | OpenAI | 38e9 | USD
          Governor: xAI to build in Mississippi | Mississippi's governor said on Thursday that xAI will invest $20 billion to build a data center in Southaven, the largest private investment in the state's history. | xAI | 20e9 | USD
          IBM launches AI venture fund | IBM today announced a $1 billion venture fund to back enterprise AI start-ups, managed by its venture arm. | IBM | 1e9 | USD
          Samsung to add memory line for AI | Samsung Electronics plans to spend about 60 trillion won ($43 billion) on a new memory production line for AI chips at its Pyeongtaek campus, people familiar with the matter said. | Samsung | 43e9 | KRW
          Tencent to build AI computing centre | Tencent Holdings will invest HK$10 billion in a new AI computing centre in Hong Kong over five years, the company said in a filing. | Tencent | 1.29e9 | HKD
          """)
  void findsOneAnnouncement(String title, String text, String company, double usd, String currency) {
    List<Finding> findings = DETECTOR.detect(title, text);
    List<Finding> announced = announcements(findings);
    assertEquals(1, announced.size(), findings::toString);
    Finding f = announced.get(0);
    assertEquals(company, f.company());
    assertEquals(currency, f.amount().currency());
    assertUsd(usd, f.amountUsd(), 0.10);
    assertFalse(f.evidence().isBlank());
    assertTrue(
        f.evidence().contains(f.amount().text()), () -> "evidence shows the figure: " + f.evidence() + " / " + f);
  }

  /** headline | text: no announcement, and no finding at all. */
  @ParameterizedTest(name = "nothing in: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Nvidia data center revenue hits record | Nvidia said data center revenue rose 112% to $30.8 billion in the third quarter, driven by demand for AI chips.
          Microsoft market value tops $4 trillion | Microsoft became the second company to be worth $4 trillion as investors bet on its AI business, with shares up 4% on Thursday.
          Apple announces record buyback | Apple authorized a $110 billion share repurchase programme and raised its dividend, as iPhone sales fell and AI features lagged.
          EU fines Meta €798 million | The European Commission fined Meta €798 million for tying its classified ads service to Facebook.
          OpenAI valued at $300 billion | OpenAI is now valued at $300 billion after a share sale by employees, making it one of the most valuable private AI companies.
          Samsung to receive CHIPS Act grant | The Commerce Department awarded Samsung up to $4.745 billion in direct funding under the CHIPS and Science Act for its Texas chip plants.
          xAI raises $6 billion | xAI has raised $6 billion in a Series C funding round backed by investors including Nvidia and AMD, the AI start-up said.
          Nvidia joins OpenAI round | Nvidia participated in OpenAI's $6.6 billion funding round, which valued the ChatGPT maker at $157 billion.
          Reliance to build AI data center | Reliance Industries will invest $30 billion in a giant AI data center in Jamnagar using Nvidia chips, its chairman said.
          Brazil pledges $1 billion for Amazon rainforest | Brazil will invest $1 billion to protect the Amazon rainforest, the environment minister said.
          Apple pays $2.5 billion for MLS streaming rights | Apple will pay $2.5 billion over ten years for streaming rights to Major League Soccer matches.
          Microsoft to buy game studio | Microsoft agreed to buy a video game studio for $2 billion to expand its Xbox catalogue.
          Analysts see Microsoft capex rising | Analysts expect Microsoft to spend $90 billion on data centres next year, according to estimates compiled by LSEG.
          Tesla board backs Musk pay | Tesla's board approved a $56 billion pay package for Elon Musk, whose xAI also builds AI models.
          Meta sells $30 billion of bonds | Meta Platforms sold $30 billion of bonds on Thursday to help pay for AI data centres, its largest debt sale.
          Alibaba shares slide | Alibaba's Hong Kong-listed shares fell 2.5% to HK$130 on Monday as investors questioned its AI plans.
          Microsoft capex rises in the quarter | Microsoft's capital expenditures rose 5% to $22.6 billion in the fiscal second quarter as it built AI data centres.
          Google settles privacy suit | Google agreed to pay $1.4 billion to settle a privacy lawsuit brought by Texas over its data collection.
          Japan earmarks ¥10 trillion for AI and chips | The Japanese government will invest ¥10 trillion in AI and semiconductors by 2030, the prime minister said, a plan that could help SoftBank and other chip buyers.
          Metaverse studio raises money | A Metaverse start-up raised $50 million to build virtual worlds, though meta-analysis suggests users are scarce.
          Oracle backlog soars | Oracle's remaining performance obligations jumped to $455 billion on AI cloud contracts, sending its shares up 36%.
          Nvidia market value tumbles | Nvidia lost $593 billion of market value on Monday as Chinese AI models raised doubts about chip demand.
          Meta Materials files for bankruptcy | Meta Materials, a maker of specialty films, filed for bankruptcy protection with $50 million of debt.
          Buffett buys more Apple | Berkshire Hathaway, run by the Oracle of Omaha, bought $1 billion of Apple stock in the first quarter, filings showed.
          Apple growers count losses | Apple growers in Washington state expect a $2 billion loss after a late frost hit the harvest.
          Deal values Scale AI at $29 billion | The deal valued Scale AI at $29 billion, the start-up said, and Meta gets no board seat.
          Apple supplier Foxconn to build AI server plant | Apple's main supplier Foxconn will invest $1 billion in an AI server factory in Mexico, it said.
          Nvidia Supplier SK Hynix Commits $3.9 Billion To HBM Packaging Plant |
          Amazon weighs OpenAI stake | Amazon is in early discussions about investing more than $10 billion in OpenAI, people familiar with the matter said.
          Nvidia customer CoreWeave to spend $23 billion on AI data centers |
          Apple denies report of $1 billion AI server order | Apple denied a report that it would buy $1 billion of Nvidia servers this year.
          Amazon's Anthropic stake pays off | Amazon's investment in Anthropic has generated a paper gain of more than $9 billion, filings showed.
          AI chip start-up Groq raises money | Groq, which designs AI inference chips, raised $750 million in a round led by Disruptive. Investors included Samsung and Cisco.
          Microsoft pauses a data center | Microsoft has paused some early-stage data center projects, including a $1 billion site in Ohio, the company said.
          """)
  void findsNothing(String title, String text) {
    List<Finding> findings = DETECTOR.detect(title, text);
    assertEquals(List.of(), findings);
  }

  /** headline | text | company | USD: phrasings beyond "X will invest $Y". */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          $80 billion will be spent by Microsoft on AI data centres | An estimated $80 billion will be spent by Microsoft this fiscal year on data centres for AI, the company said. | Microsoft | 80e9
          MICROSOFT TO INVEST $10 BILLION IN PORTUGAL AI HUB | Microsoft will invest $10 billion in an AI data centre hub in Sines, the company said on Tuesday. | Microsoft | 10e9
          Nadella: Microsoft will keep building | "We are going to spend more than $80 billion this year building out AI infrastructure," Microsoft chief executive Satya Nadella said. | Microsoft | 80e9
          xAI lines up chips for Colossus 2 | Elon Musk's xAI has bought a third building in Memphis and plans to spend about $18 billion on chips for its supercomputer, a person familiar said. | xAI | 18e9
          Chipmaker backs start-up | With Nvidia investing up to $2 billion in the equity, xAI's new round will fund its Memphis supercomputer, Nvidia said. | Nvidia | 2e9
          Nvidia takes Nokia stake | Nvidia will take a 2.9% stake in Nokia for $1 billion and the two will build AI-native networks. | Nvidia | 1e9
          Apple's AI server plant | Apple will open a factory in Houston in 2026 to make servers for its AI features, part of a $500 billion US spending pledge it announced on Monday. | Apple | 500e9
          Microsoft doubles down on AI | With $80 billion earmarked for AI data centres this year, Microsoft is the biggest spender of all. | Microsoft | 80e9
          Anthropic gets $4 billion from Amazon | Amazon will invest up to $4 billion in Anthropic, the companies said on Monday. | Amazon | 4e9
          Tencent sets capex | Tencent expects its capital expenditure to reach 100 billion yuan this year, its president told analysts on a call. | Tencent | 14e9
          SoftBank leads OpenAI round | SoftBank will lead OpenAI's $40 billion funding round, contributing $30 billion. | SoftBank | 30e9
          Amazon earmarks $8bn for UK | Amazon has earmarked £8 billion for UK data centres over five years. | Amazon | 10.5e9
          Meta signs $14 billion cloud computing contract with CoreWeave | | Meta | 14e9
          Microsoft commits up to $20 billion to Texas AI data centres | Microsoft will invest $5 billion initially and up to $20 billion over five years in AI data centres in Texas, the company said. | Microsoft | 20e9
          Anthropic signs cloud compute deal | Microsoft will invest up to $5 billion in Anthropic, and the Claude maker has committed to buy $30 billion of Azure compute capacity. | Anthropic | 30e9
          OpenAI backer Microsoft to spend $80 billion on AI data centers | | Microsoft | 80e9
          Nvidia to buy Run:ai | NVIDIA today announced it has agreed to acquire Run:ai, a developer of GPU orchestration software for AI workloads, in a transaction valued at approximately $700 million. | Nvidia | 0.7e9
          """)
  void findsAnnouncementsInOtherPhrasings(String title, String text, String company, double usd) {
    List<Finding> announced = announcements(DETECTOR.detect(title, text));
    assertEquals(1, announced.size(), announced::toString);
    assertEquals(company, announced.get(0).company());
    assertUsd(usd, announced.get(0).amountUsd(), 0.10);
  }

  @Test
  void headlineFigureThatTheBodyCallsTalksIsNoAnnouncement() {
    List<Finding> findings =
        DETECTOR.detect(
            "Meta eyes $200 billion AI data center project",
            "Meta Platforms is in talks to build a new AI data center campus with a price tag that could exceed"
                + " $200 billion, people familiar with the matter said.");
    assertEquals(List.of(), announcements(findings));
  }

  @Test
  void jointHeadlineFigureFollowsTheBodysAttribution() {
    List<Finding> findings =
        DETECTOR.detect(
            "SoftBank, OpenAI form Japan venture with $3 billion a year budget",
            "SoftBank Group will spend $3 billion a year to deploy OpenAI's technology across its companies, the"
                + " two said on Monday.");
    assertEquals(List.of("SoftBank"), announcements(findings).stream().map(Finding::company).toList());
  }

  @Test
  void knownPlanReferredToInTheBodyIsAMention() {
    List<Finding> findings =
        DETECTOR.detect(
            "Apple shows new software at its developer conference",
            "Apple unveiled a redesigned interface. Analysts noted the company's pledge to spend $500 billion in the"
                + " US, including AI servers in Houston, has yet to show up in products.");
    assertEquals(List.of(), announcements(findings));
    assertEquals(List.of("Apple"), mentions(findings).stream().map(Finding::company).toList());
  }

  @Test
  void listedFiguresShareTheirVerbAndAreContextInAnotherCompanysItem() {
    List<Finding> findings =
        DETECTOR.detect(
            "Amazon signals more than $100 billion of AI spending in 2025",
            "Amazon expects to spend more than $100 billion this year, mostly on AI. The plan tops those of"
                + " Microsoft, which expects about $80 billion in its fiscal year, Alphabet at $75 billion and Meta at"
                + " up to $65 billion.");
    assertEquals(List.of("Amazon"), announcements(findings).stream().map(Finding::company).toList());
    assertEquals(
        List.of("Microsoft", "Alphabet", "Meta"), mentions(findings).stream().map(Finding::company).toList());
  }

  @Test
  void headlineFigureThatTheBodyCallsBookingsIsNoAnnouncement() {
    List<Finding> findings =
        DETECTOR.detect(
            "Nvidia's value tops $5 trillion after Huang touts $500 billion in chip orders",
            "Nvidia became the first company worth $5 trillion, a day after its chief executive said the company"
                + " had $500 billion of bookings for its Blackwell and Rubin chips through 2026.");
    assertEquals(List.of(), findings);
  }

  @Test
  void someoneElsesAggregateIsNoFinding() {
    List<Finding> findings =
        DETECTOR.detect(
            "Nvidia's Huang sees $3 trillion AI market",
            "Nvidia chief executive Jensen Huang said AI infrastructure spending could reach $3 trillion by 2030."
                + " He said the top four cloud providers have doubled their capex to about $600 billion a year.");
    assertEquals(List.of(), announcements(findings));
  }

  @Test
  void tentativeTalksAreNoCommitment() {
    List<Finding> findings =
        DETECTOR.detect(
            "Meta in talks to invest in Scale AI",
            "Meta is in talks to invest more than $10 billion in AI data firm Scale AI, people familiar said.");
    assertEquals(List.of(), announcements(findings));
  }

  @Test
  void raisedForecastIsAnAnnouncementWithRaiseAndTheOldFigureIsContext() {
    List<Finding> findings =
        DETECTOR.detect(
            "Alphabet raises capex outlook",
            "Alphabet raised its 2025 capex forecast to $85 billion from $75 billion, citing demand for AI and"
                + " cloud services.");
    List<Finding> announced = announcements(findings);
    assertEquals(1, announced.size(), findings::toString);
    assertEquals(new BigDecimal("85000000000"), announced.get(0).amountUsd());
    assertTrue(announced.get(0).raise());
    assertEquals("2025", announced.get(0).period());
    assertTrue(
        findings.stream()
            .filter(f -> f.amountUsd().compareTo(new BigDecimal("75000000000")) == 0)
            .allMatch(f -> f.kind() == FindingKind.MENTION && !f.raise()));
  }

  @Test
  void rangeGivesTheUpperBound() {
    Finding f =
        announcements(
                DETECTOR.detect(
                    "Meta sees 2026 capex of up to $135 billion",
                    "Meta Platforms said capital expenditures will be $115 billion to $135 billion in 2026 as it"
                        + " builds compute for AI."))
            .get(0);
    assertEquals(new BigDecimal("135000000000"), f.amountUsd());
    assertEquals("$115 billion to $135 billion", f.amount().text());
    assertEquals("in 2026", f.period());
  }

  @Test
  void jointVentureFigureGoesToEachCommittingWatchedPartner() {
    List<Finding> findings =
        DETECTOR.detect(
            "OpenAI, SoftBank and Oracle launch Stargate",
            "OpenAI, SoftBank and Oracle will invest up to $500 billion over four years in Stargate, a venture"
                + " building AI data centres in the United States; Abu Dhabi's MGX is also an investor.");
    List<Finding> announced = announcements(findings);
    assertEquals(
        List.of("OpenAI", "SoftBank", "Oracle"), announced.stream().map(Finding::company).toList(), findings::toString);
    for (Finding f : announced) {
      assertEquals(new BigDecimal("500000000000"), f.amountUsd());
      assertEquals("over four years", f.period());
    }
  }

  @Test
  void twoCompaniesWithTheirOwnAmountsAreJudgedSeparately() {
    List<Finding> findings =
        DETECTOR.detect(
            "Nvidia and Microsoft back Anthropic",
            "Nvidia will invest up to $10 billion in Anthropic and Microsoft up to $5 billion, while Anthropic"
                + " commits to buy $30 billion of Azure computing capacity.");
    Map<String, BigDecimal> byCompany =
        announcements(findings).stream()
            .collect(java.util.stream.Collectors.toMap(Finding::company, Finding::amountUsd));
    assertEquals(
        Map.of(
            "Nvidia", new BigDecimal("10000000000"),
            "Microsoft", new BigDecimal("5000000000"),
            "Anthropic", new BigDecimal("30000000000")),
        byCompany);
  }

  @Test
  void investorsOwnContributionToARoundCounts() {
    List<Finding> findings =
        DETECTOR.detect(
            "SoftBank leads OpenAI round",
            "SoftBank will contribute $30 billion of OpenAI's $40 billion funding round, the companies said.");
    List<Finding> announced = announcements(findings);
    assertEquals(1, announced.size(), findings::toString);
    assertEquals("SoftBank", announced.get(0).company());
    assertEquals(new BigDecimal("30000000000"), announced.get(0).amountUsd());
  }

  @Test
  void earlierCommitmentCitedInAnotherCompanysItemIsAMention() {
    List<Finding> findings =
        DETECTOR.detect(
            "Nvidia shares rise on AI chip demand",
            "Nvidia shares rose 4% on Tuesday. Demand remains strong: Microsoft plans to spend $80 billion on AI"
                + " data centres this fiscal year, and Amazon has signalled more than $100 billion of capital"
                + " spending.");
    assertEquals(List.of(), announcements(findings));
    assertEquals(List.of("Microsoft", "Amazon"), mentions(findings).stream().map(Finding::company).toList());
    assertEquals("this fiscal year", mentions(findings).get(0).period());
  }

  @ParameterizedTest(name = "mention: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Microsoft opens new AI lab in London | Microsoft reiterated its plan to spend $80 billion on AI data centres this fiscal year.
          Alphabet launches new Gemini model | Alphabet said last month it would spend $75 billion on capital expenditures in 2025.
          Meta shares climb on ad sales | Meta remains on track with the $65 billion AI spending plan it unveiled in January.
          Amazon wins cloud contract | Amazon had earlier committed $100 billion to AI infrastructure this year.
          Alibaba reports cloud growth | Alibaba, which in February pledged 380 billion yuan for AI infrastructure, said cloud revenue rose 26%.
          Microsoft and OpenAI renegotiate terms | Microsoft has invested $13 billion in OpenAI since 2019.
          Amazon's Jassy defends AI spending | Andy Jassy defended the company's plan to spend more than $100 billion this year on AI infrastructure for AWS.
          Alibaba cloud revenue up 26% | Alibaba said it was on track with its plan to invest 380 billion yuan in AI infrastructure.
          OpenAI adds Stargate sites | OpenAI named five new Stargate data centre sites, bringing planned capacity to nearly 7 gigawatts and investment over the next three years to more than $400 billion.
          Alphabet sells bonds | Alphabet sold $25 billion of bonds, weeks after raising its capital spending forecast to $93 billion.
          Apple ships AI servers | Apple began shipping AI servers from Houston, part of the $600 billion US commitment the company expanded in August.
          Microsoft expands Wisconsin site | Microsoft initially pledged $3.3 billion for the Mount Pleasant AI data centre campus.
          """)
  void datedOrReaffirmedFiguresAreMentions(String title, String text) {
    List<Finding> findings = DETECTOR.detect(title, text);
    assertEquals(List.of(), announcements(findings));
    assertEquals(1, mentions(findings).size(), findings::toString);
  }

  @Test
  void comparisonFramingMakesTheComparedCompanyAMention() {
    List<Finding> findings =
        DETECTOR.detect(
            "Oracle and Microsoft expand AI spending",
            "Oracle will spend $25 billion on AI data centres this year, following Microsoft's $80 billion"
                + " budget.");
    assertEquals(List.of("Oracle"), announcements(findings).stream().map(Finding::company).toList());
    assertEquals(List.of("Microsoft"), mentions(findings).stream().map(Finding::company).toList());
  }

  @ParameterizedTest(name = "period: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Microsoft will invest $10 billion in AI data centres over the next four years. | over the next four years
          Microsoft will invest $10 billion in AI data centres in fiscal 2025. | in fiscal 2025
          Microsoft will invest $10 billion in AI data centres by 2028. | by 2028
          Microsoft will invest $10 billion in AI data centres this year. | this year
          Microsoft will invest $10 billion in AI data centres through 2027. | through 2027
          Microsoft will invest $10 billion a year in AI data centres. | a year
          This year, Microsoft will invest $10 billion in AI data centres. | This year
          Microsoft will invest $10 billion in AI data centres. |
          """)
  void statesThePeriodWhenWritten(String text, String period) {
    Finding f = announcements(DETECTOR.detect("Microsoft expands AI data centres", text)).get(0);
    assertEquals(period, f.period());
  }

  @Test
  void headlineAndBodyFigureAreOneFindingWithTheBodyAsEvidence() {
    List<Finding> findings =
        DETECTOR.detect(
            "Microsoft to spend $80bn on AI data centres",
            "Microsoft plans to spend about $80 billion this fiscal year on data centres for AI. More than half"
                + " of it will be spent in the United States.");
    assertEquals(1, findings.size(), findings::toString);
    assertEquals("about $80 billion", findings.get(0).amount().text());
    assertTrue(findings.get(0).evidence().startsWith("Microsoft plans to spend"));
  }

  @Test
  void incrementIsTheNewsAndTheRunningTotalIsContext() {
    List<Finding> findings =
        DETECTOR.detect(
            "Amazon doubles down on Anthropic",
            "Amazon will invest a further $4 billion in Anthropic, bringing its total investment in the AI developer"
                + " to $8 billion.");
    List<Finding> announced = announcements(findings);
    assertEquals(1, announced.size(), findings::toString);
    assertEquals(new BigDecimal("4000000000"), announced.get(0).amountUsd());
    assertEquals(List.of(new BigDecimal("8000000000")), mentions(findings).stream().map(Finding::amountUsd).toList());
  }

  @Test
  void partOfATotalIsNotASeparateFinding() {
    List<Finding> findings =
        DETECTOR.detect(
            "Microsoft to invest $30 billion in the UK",
            "Microsoft will invest $30 billion in the United Kingdom from 2025 to 2028, including $15.5 billion of"
                + " capital spending on cloud and AI infrastructure.");
    List<Finding> announced = announcements(findings);
    assertEquals(1, announced.size(), findings::toString);
    assertEquals(new BigDecimal("30000000000"), announced.get(0).amountUsd());
  }

  @Test
  void yenSignFollowsTheCompanysHomeCountry() {
    Finding softbank =
        announcements(DETECTOR.detect("SoftBank AI plan", "SoftBank will invest ¥500 billion in AI data centres."))
            .get(0);
    assertEquals("JPY", softbank.amount().currency());
    Finding tencent =
        announcements(DETECTOR.detect("Tencent AI plan", "Tencent will invest ¥500 billion in AI data centres."))
            .get(0);
    assertEquals("CNY", tencent.amount().currency());
    assertTrue(tencent.amountUsd().compareTo(softbank.amountUsd()) > 0);
  }

  @Test
  void pastYearOfAnItemIsDatedByItsPublicationYear() {
    String text = "Amazon will invest $10 billion in AI data centres in Ohio. In 2023 it spent $7.8 billion there.";
    FeedItem item =
        new FeedItem("id-1", "Amazon expands in Ohio", text, null, Instant.parse("2025-03-01T00:00:00Z"), null);
    List<Finding> findings = DETECTOR.detect(item);
    assertEquals(List.of("Amazon"), announcements(findings).stream().map(Finding::company).toList());
    assertEquals(new BigDecimal("10000000000"), announcements(findings).get(0).amountUsd());
  }

  @Test
  void aCompanysOwnNewsroomSpeaksAsWe() {
    String title = "Expanding our cloud and AI infrastructure in Pennsylvania";
    String text =
        "We plan to invest at least $20 billion in Pennsylvania by 2035 to expand data center infrastructure and"
            + " support AI innovation. Our shares rose 1% to $220.";
    Instant published = Instant.parse("2025-06-09T12:00:00Z");
    FeedItem newsroom =
        new FeedItem("n-1", title, text, "https://www.aboutamazon.com/news/aws/pa", published, "About Amazon");
    List<Finding> findings = DETECTOR.detect(newsroom);
    assertEquals(1, findings.size(), findings::toString);
    assertEquals("Amazon", findings.get(0).company());
    assertEquals(FindingKind.ANNOUNCEMENT, findings.get(0).kind());
    assertEquals(new BigDecimal("20000000000"), findings.get(0).amountUsd());
    assertEquals("by 2035", findings.get(0).period());

    FeedItem elsewhere = new FeedItem("n-2", title, text, "https://example.com/pa", published, "Daily Wire");
    assertEquals(List.of(), DETECTOR.detect(elsewhere), "an outlet's own \"we\" is nobody we watch");

    FeedItem partner =
        new FeedItem(
            "n-3",
            "Our partnership with Anthropic",
            "We will invest up to $4 billion in Anthropic, which will use AWS Trainium chips.",
            "https://www.aboutamazon.com/news/company-news/anthropic",
            published,
            "About Amazon");
    List<Finding> stake = DETECTOR.detect(partner);
    assertEquals(List.of("Amazon"), announcements(stake).stream().map(Finding::company).toList(), stake::toString);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          superlative to date is no past | Amazon expands in Indiana | Amazon will spend $11 billion on its biggest AI data center campus to date in Indiana. | Amazon:11
          a report clause's quarter is not the amount's | Meta backs AI lab | Meta said in its second-quarter letter that it will invest $5 billion in an AI research lab. | Meta:5
          a stalled plan is no new commitment | Microsoft's $3.3 billion AI campus plan stalls | Microsoft's $3.3 billion AI data center plan in Wisconsin has been put on hold, the company said. |
          not yet signed | Nvidia update | Nvidia has not yet signed a definitive agreement for its plan to invest up to $50 billion in an AI lab. |
          a part of a denied figure is denied too | Tencent denies GPU report | Tencent denied a report that it would spend $10 billion on GPUs next year, including 20 billion yuan for domestic AI chips. |
          a running total through a list | Oracle campus grows | Oracle added two data halls, bringing the campus to 2 gigawatts and $30 billion of AI infrastructure investment. |
          the sum it agreed is a plan referred to | SoftBank sells bonds | SoftBank sold bonds to fund the $22.5 billion it agreed to invest in OpenAI, the company said. |
          analysts with a participle still estimate | Amazon capex preview | Analysts surveyed by a data firm expect Amazon's AI capital expenditures to reach $120 billion next year. |
          a clause with its own subject | Microsoft commits $5 billion to Irish data centers as Dublin summit tallies $20 billion in pledges | | Microsoft:5
          an apposition names someone unwatched | Nvidia chips to power Wyoming campus | Crusoe, the data-center developer, will spend $15 billion on an AI campus in Wyoming. |
          a list item opening with the amount | Oracle's Spain plan: $1bn and a new cloud region | Oracle set out its plans on Tuesday. Key points: • $1 billion over ten years for AI and cloud infrastructure in Madrid • a third cloud region in the country | Oracle:1
          a headline naming companies only as objects | Governor unveils $20bn AI campus with Amazon | Amazon said it will invest $20 billion in the AI campus, the governor announced. | Amazon:20
          an investor's share of a round in the headline | Anthropic raises $13bn in new round | Microsoft will contribute $5 billion of the total, the companies said. | Microsoft:5
          a budget larger than the round is no share of it | CoreWeave raises $1.5bn in IPO | Microsoft is one customer; the software maker plans to spend about $80 billion on AI data centres this fiscal year. |
          a that-clause with its own subject | Microsoft CEO defends AI spending | Nadella dismissed a claim that the backers of the $500 billion AI project lack the funds. |
          the full amount is the known plan | OpenAI adds sites | OpenAI said it was on schedule to secure the full $500 billion for its AI data centres. |
          commitments a company holds | OpenAI compute update | OpenAI has roughly $1.4 trillion of compute commitments over the next eight years, its chief executive said. |
          a reported change is no plan | Baidu results | Baidu said AI capital expenditure climbed to 8 billion yuan, driven by purchases of AI chips. |
          no assurance it goes ahead | Nvidia filing | The chipmaker said there was no assurance it would complete its plan to invest up to $20 billion in an AI lab. |
          a closed quotation is a clause of its own | Microsoft to spend €3bn in Germany | 'It is the largest investment we have made here,' Smith said as the company set out plans to spend €3 billion on AI data centres in Germany. | Microsoft:3.465
          a company's new commitment is news | Amazon deepens AI bet | Sources put Amazon's new commitment at about $8 billion for AI data centres. | Amazon:8
          Swedish crowns | Microsoft expands in Sweden | Microsoft will invest 33.7 billion Swedish crowns in AI data centres in Sweden. | Microsoft:3.5385
          an all-caps headline still names companies | AMAZON WEB SERVICES TO INVEST $8 BILLION IN OHIO AI DATA CENTERS | | Amazon:8
          a roundup of the field is context | Malaysia's grid strains under data-centre boom | Big names are already there: Google said in May it would spend $2 billion, Microsoft pledged $2.2 billion and Oracle has earmarked $6.5 billion for cloud and AI data centres. |
          a roundup that is the news | US tech giants pledge billions for Indian AI | Microsoft said it would spend $17.5 billion in the country, Amazon committed $35 billion and Google said it would invest $15 billion in AI data centres. | Microsoft:17.5,Amazon:35,Alphabet:15
          a plan repeated is no new one | AWS opens cloud region in Chile | The company repeated that it plans to invest $4 billion in AI and cloud infrastructure in the country. |
          a dismissed report | Baidu capex | Baidu dismissed a report that it would spend $5 billion on AI chips next year. |
          a drive under a known plan | Microsoft Spain starts AI training under €6bn plan | |
          part of a new figure is not a known plan | Oracle to invest $5 billion in UK cloud | Oracle will add capacity in London as part of a $5 billion investment in AI and cloud infrastructure. | Oracle:5
          a board approving projects is not the company's spending | Thailand backs AWS data centres | AWS will invest 190 billion baht ($5.5 billion) in AI data centres, the investment board said. The board approved about $9 billion of projects at the meeting. | Amazon:5.5
          """)
  void generalRulesOnItemsOfOurOwn(String why, String title, String text, String expected) {
    List<String> got =
        announcements(DETECTOR.detect(title, text == null ? "" : text)).stream()
            .map(f -> f.company() + ":" + f.amountUsd().movePointLeft(9).stripTrailingZeros().toPlainString())
            .toList();
    assertEquals(expected == null ? List.of() : List.of(expected.split(",")), got, why);
  }

  @Test
  void aLegalHeadlineTellsWhatTheBodyFigureIs() {
    List<Finding> f =
        DETECTOR.detect(
            "Meta agrees to pay $1.4 billion to settle privacy lawsuit",
            "Meta will pay $1.4 billion over five years, the company said, after claims that its AI systems used facial"
                + " data without consent.");
    assertEquals(List.of(), announcements(f), f::toString);
  }

  @Test
  void aNewsroomLedeMakesTheInvestorASubject() {
    FeedItem post =
        new FeedItem(
            "n-4",
            "Scaling our AI research with Google Cloud",
            "Today we are expanding our partnership. This includes a new $2 billion investment from Google, bringing"
                + " its total investment in us to $3 billion.",
            "https://www.anthropic.com/news/google",
            Instant.parse("2025-10-01T00:00:00Z"),
            "Anthropic News");
    List<Finding> f = DETECTOR.detect(post);
    assertEquals(
        List.of("Alphabet:2"),
        announcements(f).stream()
            .map(x -> x.company() + ":" + x.amountUsd().movePointLeft(9).stripTrailingZeros().toPlainString())
            .toList(),
        f::toString);
  }

  @Test
  void sameInputGivesTheSameFindings() {
    String title = "Amazon to invest up to $4 billion in Anthropic";
    String text = "Amazon will invest up to $4 billion in Anthropic and take a minority stake, the companies said.";
    List<Finding> first = DETECTOR.detect(title, text);
    assertEquals(first, DETECTOR.detect(title, text));
    assertEquals(first, Detector.withDefaults().detect(title, text));
    assertEquals("Amazon", announcements(first).get(0).company());
  }

  @Test
  void itemsWithoutMoneyOrCompaniesAreQuick() {
    assertEquals(List.of(), DETECTOR.detect("Weather", "Rain is expected tomorrow in most of the country."));
    assertEquals(List.of(), DETECTOR.detect("", ""));
    assertEquals(List.of(), DETECTOR.detect(null, null));
    assertEquals(List.of(), DETECTOR.detect("Utility to spend $2 billion", "A utility will spend $2 billion on AI."));
  }

  @Test
  void customWatchlistAndRatesAreUsed() {
    Watchlist watchlist = Watchlist.of(List.of(Company.of("Reliance", "IN", "Reliance", "Reliance Industries")));
    CurrencyRates rates = CurrencyRates.of(Map.of("INR", new BigDecimal("0.01")), LocalDate.of(2026, 1, 1));
    Detector custom = Detector.builder().watchlist(watchlist).rates(rates).build();
    List<Finding> findings =
        custom.detect(
            "Reliance to build AI data centre",
            "Reliance Industries will invest Rs 50,000 crore in an AI data centre in Jamnagar.");
    assertEquals(1, findings.size(), findings::toString);
    assertEquals("Reliance", findings.get(0).company());
    assertEquals(new BigDecimal("5000000000"), findings.get(0).amountUsd());
    assertEquals(List.of(), custom.detect("Microsoft to spend $80bn", "Microsoft will spend $80 billion on AI."));
  }

  @Test
  void figuresBelowTheMinimumAreIgnored() {
    String text = "Microsoft will invest $500,000 in an AI training centre for local schools.";
    assertEquals(List.of(), DETECTOR.detect("Microsoft gives schools AI centre", text));
    Detector low = Detector.builder().minimumUsd(BigDecimal.ZERO).build();
    assertEquals(1, low.detect("Microsoft gives schools AI centre", text).size());
  }

  @Test
  void findingsComeInTextOrder() {
    List<Finding> findings =
        DETECTOR.detect(
            "Tech giants pledge billions for British AI",
            "Microsoft said it would spend $30 billion in Britain through 2028, Google committed £5 billion over"
                + " two years and Nvidia said it would invest up to £2 billion in UK AI start-ups.");
    assertEquals(
        List.of("Microsoft", "Alphabet", "Nvidia"), announcements(findings).stream().map(Finding::company).toList());
    assertEquals("GBP", announcements(findings).get(1).amount().currency());
    assertEquals("over two years", announcements(findings).get(1).period());
  }
}
