package com.capexalerts.bench;

import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.feed.FeedItem;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Detection throughput on a realistic feed mix: one operation runs the detector over {@link #ITEMS} items (a
 * headline plus a summary of roughly 1 KB each): mostly news without any AI investment (some without money,
 * some with revenue, share moves or other companies' money) and a few real announcements. Items per second =
 * ops/s × {@link #ITEMS}.
 *
 * <pre>
 * ./mvnw -B -q -pl functions/benchmarks -am package -DskipTests
 * $JAVA_HOME/bin/java -jar functions/benchmarks/target/benchmarks.jar DetectBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class DetectBenchmark {
  public static final int ITEMS = 20;

  private Detector detector;
  private List<FeedItem> items;

  @Setup
  public void setUp() {
    detector = Detector.withDefaults();
    items = Mix.items();
    if (items.size() != ITEMS) {
      throw new IllegalStateException("expected " + ITEMS + " items, have " + items.size());
    }
  }

  @Benchmark
  public void detectMix(Blackhole bh) {
    for (FeedItem item : items) {
      bh.consume(detector.detect(item));
    }
  }

  /** The item mix: written for this benchmark, modelled on everyday business and technology news. */
  static final class Mix {
    private Mix() {}

    static List<FeedItem> items() {
      String[][] raw = {
        {
          "City council approves new bike lanes downtown",
          "The city council voted 7-2 on Tuesday to add protected bike lanes along four downtown avenues, a plan"
              + " that has divided residents and shop owners for more than a year. Supporters said the lanes would"
              + " make cycling safer and cut congestion, pointing to data from other cities where injuries fell"
              + " after similar changes. Opponents argued that removing parking spaces would hurt small businesses"
              + " already struggling with higher rents. The transport department said construction would begin in"
              + " the spring and take about eight months, with temporary traffic changes announced two weeks in"
              + " advance. The mayor, who campaigned on street safety, called the vote a turning point and promised"
              + " regular reports on how the lanes are used. A local business group said it would keep pressing for"
              + " delivery zones on side streets and asked the council to review the plan after one year of use."
        },
        {
          "Heatwave to peak on Thursday as authorities urge caution",
          "Temperatures are expected to reach 38C in parts of the region on Thursday, the national weather service"
              + " said, as a heatwave that began at the weekend intensifies. Authorities opened cooling centres in"
              + " libraries and community halls and asked people to check on elderly neighbours. Hospitals reported"
              + " a rise in heat-related admissions, mostly among older patients and outdoor workers. Water"
              + " companies urged customers to avoid using hoses and sprinklers until the weekend, when cooler air"
              + " is forecast to arrive from the north with scattered thunderstorms. Farmers warned that the heat,"
              + " following a dry spring, could reduce yields of wheat and barley. Schools will close an hour early"
              + " on Thursday and Friday, and several outdoor concerts have been postponed to next month."
        },
        {
          "Apple unveils new iPad with faster chip and brighter screen",
          "Apple on Wednesday introduced a new iPad with a faster processor, a brighter display and longer battery"
              + " life, as it tries to revive demand for tablets after two years of falling sales. The device will"
              + " go on sale next week in more than 30 countries, with the entry model priced unchanged from the"
              + " previous generation. The company also updated its keyboard cover and stylus. Analysts said the"
              + " refresh was modest but could help Apple hold its share of the education market, where cheaper"
              + " Chromebooks compete hard. Apple did not give sales targets. The launch comes weeks before the"
              + " company's developer conference, where it is expected to show new software features, including"
              + " updates to its voice assistant and tools for app makers."
        },
        {
          "Microsoft fixes outage that hit Outlook and Teams users",
          "Microsoft said it had resolved a service disruption that left some users of Outlook and Teams unable to"
              + " send messages or join calls for several hours on Monday. The company traced the problem to a"
              + " configuration change in part of its network and rolled it back. Users in Europe and North America"
              + " reported the most problems, according to outage-tracking websites. Microsoft apologised and said"
              + " it would publish a review of the incident. Corporate customers have pressed the company to improve"
              + " reliability after a series of disruptions over the past year. The outage did not affect consumer"
              + " email accounts, Microsoft said, and no data was lost. Some schools postponed online lessons, and a"
              + " number of airlines said internal messaging had been slow but flights were not delayed."
        },
        {
          "Central bank holds rates steady, signals cuts later this year",
          "The central bank kept its benchmark interest rate at 4.25% on Thursday, as expected, but said it could"
              + " begin lowering borrowing costs later this year if inflation keeps easing. Policymakers noted that"
              + " price growth had slowed to 2.6% in the latest reading, close to the 2% target, while the labour"
              + " market remained tight. Two members voted for an immediate cut. Government bond yields fell after"
              + " the decision, and the currency weakened slightly against the dollar. Economists said the statement"
              + " was more cautious than markets had hoped, and several pushed back their forecasts for the first cut"
              + " to the autumn. The governor said the bank would watch wage settlements and energy prices closely"
              + " before deciding its next move."
        },
        {
          "Nvidia shares slip as investors take profits after record run",
          "Shares of Nvidia fell 3.1% to $128.40 on Tuesday as investors locked in gains after a rally that pushed"
              + " the chipmaker's market value above $3 trillion last week. Other semiconductor stocks also"
              + " declined, with the sector index down 1.8%. Traders said there was no specific news behind the"
              + " move, which followed a 40% rise in Nvidia's stock since the start of the year. The company reports"
              + " quarterly results later this month, when analysts expect revenue of about $28 billion. Options"
              + " activity suggested investors were bracing for a large move after the report. Nvidia has become the"
              + " main supplier of processors used to train AI models, and its results are watched as a gauge of"
              + " demand across the industry."
        },
        {
          "Tesla recalls 120,000 vehicles over seat belt warning",
          "Tesla is recalling about 120,000 vehicles in the United States because a software problem may stop the"
              + " seat belt warning chime from sounding, according to a filing with the national highway safety"
              + " regulator. The company will fix the issue with an over-the-air update, and owners will not need to"
              + " visit a service centre. Tesla said it was not aware of any crashes or injuries related to the"
              + " problem. The recall covers certain Model S, Model X and Model 3 cars built between 2021 and 2023."
              + " Regulators have opened several investigations into Tesla in recent years, including into its"
              + " driver-assistance features. Shares were little changed in morning trading. The company is due to"
              + " report delivery figures for the quarter next week."
        },
        {
          "Football club completes record signing of striker",
          "The club has completed the signing of the national team striker for a fee that could rise to 95 million"
              + " euros, making him the most expensive player in its history. The 24-year-old signed a five-year"
              + " contract after passing a medical on Monday. The manager said the forward's pace and finishing"
              + " would add a new dimension to the attack, which struggled for goals last season. Supporters"
              + " gathered outside the stadium to welcome him. The deal includes add-ons linked to trophies and"
              + " appearances. The player's former club will receive a percentage of any future sale. He is expected"
              + " to make his debut in a friendly match next weekend before the league season begins in August."
        },
        {
          "Amazon opens grocery store with checkout-free technology in London",
          "Amazon opened its latest checkout-free grocery store in central London on Friday, letting shoppers pick"
              + " up items and leave without queuing, with payment taken automatically through an app. The company"
              + " now runs more than 20 such stores in Britain. Retail analysts said the format had grown more slowly"
              + " than expected, as many customers still prefer traditional tills and discount chains compete hard"
              + " on price. Amazon said the new store would carry more fresh food and a wider range of local"
              + " products than earlier locations. The company has also been adding its technology to stadiums and"
              + " airports in the United States. Amazon did not say how many stores it plans to open next year."
        },
        {
          "Startup raises $40 million to build software for hospitals",
          "A startup that makes scheduling software for hospitals has raised $40 million in a funding round led by"
              + " a venture capital firm, bringing its total funding to $65 million. The company said it would use"
              + " the money to hire engineers and expand into Europe. Its software helps hospitals plan operating"
              + " theatre time and staff rotas, and is used by more than 300 facilities. The chief executive said"
              + " demand had grown as hospitals tried to reduce waiting lists. The company was founded five years ago"
              + " by two former nurses and a software engineer. Investors in the round included a healthcare fund"
              + " and several angel investors. The startup did not disclose its valuation."
        },
        {
          "Oracle quarterly revenue rises 8%, cloud sales beat forecasts",
          "Oracle reported revenue of $14.3 billion for its fiscal fourth quarter, up 8% from a year earlier, as"
              + " sales of its cloud infrastructure services grew faster than analysts had expected. Net income was"
              + " $3.1 billion. The company said its backlog of contracted business rose to $99 billion. Shares"
              + " climbed 6% in extended trading. Chief executive Safra Catz said demand for computing capacity to"
              + " train AI models exceeded supply and the company was racing to open new data centres. Oracle"
              + " raised its quarterly dividend to 50 cents a share. The company also announced a $10 billion share"
              + " buyback programme. Analysts said the results eased concerns about slowing software license sales."
        },
        {
          "Samsung fined over late payments to subcontractors",
          "South Korea's antitrust regulator fined Samsung Electronics 1.2 billion won for delaying payments to"
              + " several small subcontractors that supply parts for its home appliances. The Fair Trade Commission"
              + " said the company paid some invoices months late without interest. Samsung said it had already"
              + " settled the outstanding amounts and would improve its procedures. The fine is small relative to"
              + " the company's size, but the regulator has stepped up scrutiny of large conglomerates' treatment of"
              + " suppliers. Samsung shares were little changed. The company is due to report preliminary quarterly"
              + " earnings next week, with analysts expecting operating profit to rise on stronger memory chip"
              + " prices."
        },
        {
          "Government unveils $2 billion fund for semiconductor research",
          "The government will invest $2 billion over five years in a new fund for semiconductor research and"
              + " training, the industry minister said on Monday, as it seeks to attract chipmakers and build a"
              + " local supply chain. The fund will offer grants to universities and companies that set up"
              + " research centres in the country. Officials said they were in talks with several international"
              + " firms, without naming them. Industry groups welcomed the plan but said skills shortages remained"
              + " the main obstacle. The opposition criticised the cost and asked for more detail on how projects"
              + " would be chosen. The first grants are expected to be awarded early next year."
        },
        {
          "Musk's SpaceX completes launch of new satellites",
          "SpaceX launched another batch of satellites into orbit on Sunday, adding to a network that now provides"
              + " internet service in more than 100 countries. The rocket's first stage landed on a drone ship in"
              + " the Atlantic, the company said, its 300th successful landing. SpaceX plans more than 100 launches"
              + " this year. Elon Musk, who also runs Tesla and xAI, said the satellite business was growing quickly"
              + " and could be spun off in the future. Regulators are reviewing the company's request to deploy"
              + " thousands more satellites. Astronomers have raised concerns about the effect of large satellite"
              + " constellations on observations of the night sky."
        },
        {
          "IBM names new head of consulting unit",
          "IBM has appointed a new head of its consulting division, which has faced slowing demand as clients cut"
              + " back on discretionary projects. The executive, who joined IBM two decades ago, previously ran the"
              + " unit's operations in Asia. The company said the appointment was part of a plan to align consulting"
              + " more closely with its software business, especially its AI tools for businesses. Consulting"
              + " revenue fell 1% in the latest quarter. IBM has been trying to grow through acquisitions of"
              + " software companies and sales of its hybrid cloud platform. The previous head of the unit will"
              + " retire at the end of the year after helping with the transition, the company said."
        },
        {
          "Baidu launches upgraded chatbot as competition heats up in China",
          "Baidu released an upgraded version of its Ernie chatbot on Tuesday, saying it performs better at"
              + " reasoning and coding tasks and costs less to run. The company said the new model would be free for"
              + " individual users. Chinese technology companies have been cutting prices for AI services after"
              + " start-ups released cheaper open models. Baidu's Hong Kong-listed shares rose 2%. The company did"
              + " not say how many people use the chatbot. Analysts said Baidu needed to show it could make money"
              + " from AI as its advertising business slows. Rivals including Alibaba and Tencent have also"
              + " released new models in recent weeks."
        },
        {
          "Alibaba to invest more than $50 billion in AI over next three years",
          "Alibaba Group said on Monday it will invest more than 380 billion yuan ($53 billion) in cloud computing"
              + " and artificial intelligence infrastructure over the next three years, more than it spent on AI"
              + " and cloud in the past decade. Chief executive Eddie Wu said AI was the group's top priority. The"
              + " commitment follows similar plans by US companies: Microsoft has said it expects to spend about $80"
              + " billion on AI-enabled data centres this fiscal year, and Meta has set a budget of up to $65"
              + " billion. Alibaba's Hong Kong-listed shares fell 2.5% after the announcement. Analysts said the plan"
              + " showed confidence in demand for AI services in China."
        },
        {
          "Microsoft to spend $80 billion on AI data centres this fiscal year",
          "Microsoft plans to spend about $80 billion in its fiscal year ending in June on data centres able to"
              + " handle artificial intelligence workloads, vice chair Brad Smith wrote in a blog post on Friday."
              + " More than half of the total will be spent in the United States, he said. Microsoft has been"
              + " expanding its data centre capacity rapidly to meet demand for AI services, including those of"
              + " OpenAI, in which it has invested heavily. Smith urged the incoming administration to support"
              + " exports of American AI technology. Microsoft's shares were little changed in early trading. The"
              + " company reports quarterly results later this month."
        },
        {
          "Amazon will invest up to $4 billion in Anthropic",
          "Amazon will invest up to $4 billion in the AI start-up Anthropic and take a minority stake, the companies"
              + " said on Monday, as the cloud provider deepens its bet on generative AI. Anthropic will use Amazon"
              + " Web Services as its main cloud provider and use Amazon's Trainium and Inferentia chips to build and"
              + " train its models. The deal follows Microsoft's multibillion-dollar investment in OpenAI and gives"
              + " Amazon a stronger position in the race to offer AI tools to businesses. Anthropic was founded by"
              + " former OpenAI researchers and makes the Claude chatbot. Financial terms beyond the investment"
              + " amount were not disclosed."
        },
        {
          "Meta raises 2025 capex forecast to as much as $72 billion",
          "Meta Platforms raised the bottom of its 2025 capital expenditure forecast, saying it now expects to"
              + " spend $66 billion to $72 billion, up from a previous range of $64 billion to $72 billion, as it"
              + " builds data centres for its AI models. Revenue rose 22% to $47.5 billion in the second quarter,"
              + " ahead of estimates, and the shares jumped 11% after hours. Chief executive Mark Zuckerberg said"
              + " the company would invest heavily in compute for its new superintelligence lab. Meta also said"
              + " expenses would grow faster next year as it hires AI researchers and builds more capacity."
        },
      };
      Instant published = Instant.parse("2025-06-01T08:00:00Z");
      java.util.ArrayList<FeedItem> out = new java.util.ArrayList<>();
      for (int i = 0; i < raw.length; i++) {
        out.add(
            new FeedItem(
                "bench-" + i, raw[i][0], raw[i][1], "https://example.com/" + i, published, "Bench Wire"));
      }
      return List.copyOf(out);
    }
  }
}
