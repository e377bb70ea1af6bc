package com.capexalerts.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules that real coverage needed (issue: judgement on real news), each on items of our own words shaped like
 * the real articles that prompted them: the headline and lede decide news vs background, compute deals belong to
 * the buyer, pools of several companies belong to none, guidance told with "could", the joint figure that its
 * partners' own amounts add up to, and a present-tense headline over a body told in the past.
 */
class RealCoverageRulesTest {
  private static final Detector DETECTOR = Detector.withDefaults();

  private static List<String> announced(String title, String text) {
    return DETECTOR.detect(title, text == null ? "" : text).stream()
        .filter(f -> f.kind() == FindingKind.ANNOUNCEMENT)
        .map(f -> f.company() + ":" + f.amountUsd().movePointLeft(9).stripTrailingZeros().toPlainString())
        .toList();
  }

  private static List<String> mentioned(String title, String text) {
    return DETECTOR.detect(title, text).stream()
        .filter(f -> f.kind() == FindingKind.MENTION)
        .map(Finding::company)
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          a layoff story restates the capex plan after its lede | Contoso-style cuts: Microsoft to shed 6,000 jobs in reorganisation | Microsoft said on Tuesday it will cut about 6,000 roles across divisions. The company has committed $80 billion to AI data centres this fiscal year, which weighs on margins. | \s
          a bond headline with its own figure makes the capex plan background | Alphabet sells $20 billion of bonds to fund AI build-out | Alphabet is marketing a $20 billion bond in six parts. The Google parent expects capital spending of up to $185 billion this year on servers and data centres. | \s
          an acquisition headline with its own figure makes the capex plan background | Google to buy security start-up for $32 billion | Google agreed to buy the cloud-security firm in cash. The deal lands as Alphabet plans to spend about $75 billion on capital projects this year. | \s
          a reaction headline frames even its own figure | Rival founder mocks $500 billion AI project | OpenAI, SoftBank and Oracle said they will invest up to $500 billion in US data centres over four years. Critics said the backers did not have the money. | \s
          a headline figure after 'ahead of' under a main clause about jobs is background | Meta cuts 8,000 roles ahead of $145 billion AI spending push | Meta is cutting about 8,000 roles as it prepares for AI capital expenditures of $145 billion. | \s
          a market reaction to the figure is still news | Alphabet shares slide as $75 billion capex plan spooks investors | Alphabet said it expects capital expenditures of about $75 billion in 2025, far above forecasts. | Alphabet:75
          guidance in the body of a results story is news | Northwind results: Amazon beats on cloud revenue | Amazon reported quarterly revenue of $160 billion, ahead of estimates. Chief executive Andy Jassy said cloud growth was accelerating. The company expects capital expenditures of about $125 billion this year, mostly for AI data centres. | Amazon:125
          a partnership headline leaves the stake in its body as news | Amazon and Anthropic announce strategic collaboration on generative AI | The two companies set out a wide partnership on chips and cloud. Under the agreement Amazon will invest up to $4 billion in Anthropic and take a minority stake. | Amazon:4
          capex guidance told with 'could reach' is guidance | Alphabet's AI spending surge signals confidence | Alphabet said its capital spending this year could reach $175 billion to $185 billion, almost double last year. | Alphabet:185
          a sector's spending that could reach a figure is nobody's guidance | Nvidia's Huang sees a giant market for AI factories | Nvidia chief executive Jensen Huang said spending on AI infrastructure could reach $4 trillion by 2030. | \s
          a seller's deal is the buyer's commitment | Samsung lands $16.5 billion Tesla chip order for Texas fab | Samsung Electronics signed the contract on Monday and Elon Musk confirmed Tesla is the customer for its AI6 chips. | Tesla:16.5
          the subject that confirms a deal naming its seller is the buyer | Tesla confirms $16.5 billion Samsung chip manufacturing deal | Elon Musk said the AI6 chips will be made in Texas. | Tesla:16.5
          a provider's deal to give a watched company compute is the buyer's | Nebula Cloud stock jumps as $14 billion Meta deal lifts AI demand | Shares of Nebula Cloud rose 14% after it secured a $14.2 billion deal to give Meta access to GPU server racks. | Meta:14.2
          a seller's revenue from a buyer is not the buyer's commitment | Nvidia revenue tops forecasts | Nvidia said data-centre revenue of $30 billion came mostly from deals with Microsoft and Meta for AI chips. | \s
          a pool of several companies' pledges is no one's | Microsoft commits £22bn to UK as Big Tech unveils £31bn investment blitz | Microsoft unveiled its largest UK investment, £22 billion over four years, for AI supercomputers, the centrepiece of £31 billion of US tech pledges made this week. | Microsoft:29
          partners' own amounts that add up to the joint figure stand | Microsoft and Nvidia to invest up to $15 billion in Anthropic | Nvidia will put up to $10 billion into Anthropic and Microsoft up to $5 billion, and Anthropic will buy compute on Azure. | Nvidia:10,Microsoft:5
          a present-tense headline outweighs a body told in the past tense | Meta invests $14.3 billion for 49% of Scale AI | Meta has completed a $14.3 billion investment in the data-labelling start-up Scale AI. | Meta:14.3
          'recently' dates a deal | xAI buys a Memphis site to expand its data centres | xAI bought a 1-million-square-foot building. xAI recently struck a deal with Dell for $5 billion of GPU servers. | \s
          a sentence whose subject spends is not the item's company's | Microsoft opens AI lab in Ohio | Microsoft opened a research lab in Columbus on Monday. The state will spend $2 billion on AI schools over five years. | \s
          an opening 'In January' dates the sentence's pledge | Inside the new data centres of OpenAI, Oracle and SoftBank | The partners named five new sites on Tuesday. In January OpenAI, SoftBank and Oracle announced Stargate, a $500 billion commitment over four years. | \s
          a raise's date after 'from' belongs to the old figure | ByteDance lifts its AI budget by a quarter | ByteDance has raised its 2026 AI infrastructure budget to 200 billion yuan ($29.4 billion) from a smaller plan set late last year. | ByteDance:29.4
          a preliminary plan is a plan | ByteDance plans a bigger 2026 capex budget | ByteDance has drawn up a preliminary 2026 capital expenditure plan of $23 billion for AI chips and data centres, people familiar said. | ByteDance:23
          a deal its subject signed, valued at a figure, is the subject's purchase | Microsoft commits $17.4 billion to a GPU cloud | Microsoft has signed a five-year agreement with Nebula Cloud for GPU capacity valued at $17.4 billion, the companies said. | Microsoft:17.4
          a financing deal valued at a figure is no purchase | Meta and a lender strike a financing deal for a data centre | Meta has signed a financing agreement valued at $27 billion with Blue Owl for its Louisiana AI campus. | \s
          'will still' reaffirms a plan | Oracle backs its capex plan after earnings | The company said capital expenditures will still reach $50 billion in fiscal 2026. | \s
          an opening clause's date is its own, not the main clause's | Amazon sets out $30 billion for Brazil data centres | Two days after Microsoft outlined a $10 billion plan in January, Amazon said on Thursday it will invest $30 billion in Brazilian AI data centres. | Amazon:30
          'after' with a dated clause leaves the main clause's guidance new | Meta puts a number on next year's build-out | After hinting in July that spending would climb, Meta said on Wednesday it expects capex of up to $120 billion next year for AI. | Meta:120
          the opening clause's own figure keeps its date | Meta lifts its AI budget | After pledging $60 billion in January, the company kept quiet for months. | \s
          a headline about a company's stock is about the company | Why is Alphabet stock climbing today? | Alphabet shares gained after the company said it expects capital expenditures of about $90 billion this year, much of it for AI servers. | Alphabet:90
          a contract worth a figure from a watched buyer is the buyer's purchase | Nebula Cloud wins a big AI order | Nebula Cloud has won an AI compute contract worth up to $9 billion from Microsoft, running through 2030. | Microsoft:9
          a pact headline is a deal | Oracle signs $20B cloud pact with a GPU provider | Oracle agreed to rent AI compute from the provider for five years. | Oracle:20
          a first tranche and a ceiling told with 'could' are one commitment | President hails a giant AI build-out by OpenAI and Oracle | OpenAI and Oracle are putting $50 billion in initially and could invest up to $200 billion over five years, the president said. | OpenAI:200,Oracle:200
          'could' alone is still talk | OpenAI and Oracle weigh a giant AI build-out | OpenAI and Oracle could invest up to $200 billion over five years, analysts said. | \s
          a headline figure without a company points to the lede's deal | The $12 billion bet that reshapes cloud AI | Anthropic agreed to buy $12 billion of Azure compute, while Microsoft invests up to $2 billion and Nvidia up to $4 billion in the start-up. | Anthropic:12,Microsoft:2,Nvidia:4
          a figure told in a relative clause after 'into which' is background | Anthropic buys compute from Microsoft | Anthropic agreed to buy $12 billion of Azure compute. Microsoft holds a stake in OpenAI, into which Nvidia separately plans to invest $100 billion. | Anthropic:12
          the new terms of a redrawn partnership are news | Microsoft values its OpenAI holding at $100 billion under a new pact | Microsoft will hold a stake worth about $100 billion in the restructured lab. Microsoft first invested $1 billion in 2019. As part of the new terms, OpenAI agreed to purchase another $200 billion of Azure cloud services. | OpenAI:200
          a tech company's national pledge of $100 billion or more is in scope | Oracle says it will put $120B into the US over four years | \s | Oracle:120
          a smaller pledge with no AI word is not | Oracle says it will put $2B into US offices | \s | \s
          a 'restructuring round' is no fund-raise, so the restated plan stays background | Microsoft to shed 3% of staff in another restructuring round | Microsoft said on Thursday it will cut about 7,000 jobs. Although the company committed $80 billion to AI data centres this fiscal year, costs weigh on margins. | \s
          raising a forecast of cash burn is no fund-raise | OpenAI raises its projected cash burn to $90 billion | OpenAI now expects to burn about $90 billion of cash through 2029. It expects to spend more than $7 billion this year and is designing its own AI chips. | \s
          a fund-raise headline still lets the lede's investors' shares be news | Anthropic raises $10 billion in a round led by Microsoft | Anthropic said it raised $10 billion; Microsoft put in $4 billion of it for AI compute. | Microsoft:4
          a bond sale is no fund-raise, so restated guidance after the lede is background | Amazon raises $12 billion in a rare bond sale | Amazon sold $12 billion of notes in five parts. Orders topped $50 billion. The company expects capital expenditures of about $100 billion this year for AI. | \s
          a deal told in a clause hung on the partnership stays news | Anthropic's $20 billion cloud order seals an alliance | Anthropic will buy $20 billion of cloud compute under a partnership announced on Monday in which Microsoft agreed to invest up to $3 billion in the start-up. | Anthropic:20,Microsoft:3
          the figure a company still owes on a known deal is no new commitment | SoftBank sells a chip stake for $4 billion as it funds its AI bet | SoftBank sold its stake for $4 billion. The proceeds will help pay for the $15 billion the group still owes OpenAI. | \s
          a company tied to a plan through it is not committing it | SoftBank sells a chip stake for $4 billion | SoftBank sold the shares this week. SoftBank remains tied to Nvidia through the $500 billion Stargate data-centre project. | \s
          total expenses are no investment | Meta trims 500 jobs while its AI build-out rolls on | Meta is cutting 500 roles in its AI unit. It expects total expenses of $110 billion to $115 billion this year. | \s
          a pool of technology investment is no one company's | £20bn Microsoft pledge anchors £28bn of US tech money for Britain | Microsoft said it would invest £20 billion in British AI infrastructure. The pledge is the centrepiece of £28 billion of US technology investment unveiled this week. | Microsoft:26
          a watched company closing a 'with' list of partners is no headline subject | Firmus unveils $50 billion AI factory plan with CDC and Nvidia | Firmus is taking its project to the mainland, with a plan worth up to $50 billion to build AI data centres. | \s
          amounts listed 'respectively' go to the spenders in order | Microsoft and Nvidia back Anthropic | Microsoft and Nvidia agreed to invest up to $4 billion and $8 billion respectively in Anthropic, the companies said on Tuesday. | Microsoft:4,Nvidia:8
          an initial figure and a total potentially growing to a ceiling are one commitment | OpenAI and Oracle form a $200 billion venture | The two companies plan to commit an initial $40 billion to AI data centres, with the total potentially growing to $200 billion over five years, executives said. | OpenAI:200,Oracle:200
          capex that a company signalled 'may' reach a range is guidance | Alphabet could double its capital spending | Alphabet signalled that its capital spending may roughly double in 2026, targeting $150 billion to $160 billion for AI servers. | Alphabet:160
          a sentence opening 'Separately' gives its spender news of its own | Microsoft unveils $20bn UK package | Microsoft said it will invest $20 billion in British AI data centres. Separately on Tuesday, Google announced a £4 billion ($5.4 billion) investment in UK AI infrastructure. | Microsoft:20,Alphabet:5.4
          a participle set off by commas dates the figure | Meta's $8 billion data centre: boon or burden for Ohio? | Meta's plan to build an $8 billion AI data centre near Columbus, announced last October, promises 300 permanent jobs. Critics worry about the power it will need. | \s
          a deal under which a watched company will pay is that company's purchase | Amazon lands OpenAI as a cloud customer | Amazon's cloud unit has struck a $20 billion, five-year deal under which OpenAI will pay for access to Nvidia GPUs in AWS data centres. | OpenAI:20
          'alongside it' adds a partner's commitment to the headline's deal | Anthropic pledges $90 billion to a cloud for TPU chips | Anthropic agreed to spend about $90 billion on Google Cloud over five years for AI compute. Alongside it, Alphabet has agreed to invest up to $15 billion in Anthropic. | Anthropic:90,Alphabet:15
          a headline clause in which a company wins a deal is news, not a frame | Ellison tops the rich list as Oracle wins $100bn OpenAI deal | Larry Ellison's fortune jumped on the share surge. OpenAI agreed to spend about $100 billion on Oracle computing capacity over five years. | OpenAI:100
          'said it spent' reports past spending | Samsung posts record profit as AI lifts memory | Samsung reported record quarterly profit. The company said it spent $30 billion on chip production facilities last year. | \s
          a lede company is found in the first two body sentences, not the third | Memory prices jump as AI data centres soak up supply | Server memory prices rose again this quarter. Samsung raised some prices by half. Meta alone expects to spend $60 billion on capital projects this year. | \s
          a fund-raise's investor share counts wherever the body states it | xAI closes a $12 billion round with Nvidia among its backers | xAI said it raised $12 billion from a group of funds. Nvidia joined as a strategic investor for its GPU clusters. Nvidia is putting in as much as $1 billion of the equity. | Nvidia:1
          known projects given as examples are background | Amazon's record capex powers its AI drive | Amazon spent $30 billion on capital projects in the quarter, a record. Much of it goes into data centres such as the $9 billion cluster in Indiana and a $4 billion commitment to facilities in Korea. | \s
          progress on a known commitment is background | Stargate names new sites | The partners named four more sites on Tuesday and are ahead of schedule on the $500 billion commitment to AI data centres. | \s
          'looking at' commitments is talk | OpenAI eyes more compute | OpenAI's chief wrote that the company is looking at commitments of roughly $1 trillion for AI data centres over eight years. | \s
          a budget that 'lands' is the figure's verb, not a receipt | Alibaba's $40 billion AI budget lands as investors fret | Alibaba committed on Monday to spend more than 280 billion yuan ($40 billion) on AI infrastructure over three years. | Alibaba:40
          a pool worth 'a combined' figure is no one company's | Microsoft's UK pledge tops a $35bn wave of US tech money | Microsoft announced a $25 billion investment in British AI data centres, the largest of several US tech pledges worth a combined $35 billion. | Microsoft:25
          'the period to 2029' is the pledge's period, not a reported one | Amazon to pour $15bn into local data centres | Amazon has committed $15 billion to its data centre network in Canada over the period to 2029, it said. | Amazon:15
          'probably' is talk | Musk says Tesla's GPU bill will be large | Elon Musk said Tesla would probably spend $3 billion on Nvidia AI hardware this year. | \s
          a pledge made in a month before the item's is dated | Alibaba opens data centres in Brazil | Alibaba opened new cloud regions on Tuesday. The group pledged 380 billion yuan ($53 billion) for AI infrastructure over three years in February. | \s
          the earlier value of a valuation is a valuation | Anthropic raises $10 billion at a $150 billion valuation | Anthropic said it raised $10 billion in a round that values the Claude developer at $150 billion, up from about $60 billion in March. | \s
          capex reported beside revenue is a result | Tencent trims its capex view | Tencent reported quarterly revenue of 190 billion yuan and capital expenditure of 13 billion yuan for AI chips. | \s
          'starts at' a figure and 'could reach' a ceiling is one commitment | Amazon's Anthropic bet starts at $1 billion and could reach $3 billion | \s | Amazon:3
          'separately' inside the sentence is news of its own spender | Microsoft unveils a $20 billion UK plan | Microsoft said it will invest $20 billion in British AI data centres. Alphabet's Google separately pledged £4 billion ($5.4 billion) for UK AI on Tuesday. | Microsoft:20,Alphabet:5.4
          a groundbreaking headline reports progress on a known project | Google lays foundation stone for $10 billion AI campus | Google broke ground on Tuesday on the campus it announced last year. | \s
          Malaysian 'bil' amounts are read | Google to invest US$2bil in Malaysia AI data centre | \s | Alphabet:2
          'the start-up' is the AI lab named before it | Microsoft and Nvidia to back Anthropic | Nvidia will invest up to $8 billion and Microsoft up to $4 billion in Anthropic, while the start-up committed to buy $25 billion of Azure capacity. | Nvidia:8,Microsoft:4,Anthropic:25
          the increment of a raise stated with its new total is that raise | Alphabet adds $8 billion to its capex plan | Alphabet raised its capital expenditure forecast for this year to about $83 billion from the $75 billion it projected in February, for AI servers. | Alphabet:83
          a named project after 'while in the US' is nobody's | Alibaba's chairman sees a bubble in data-centre building | Joe Tsai warned of a bubble on Tuesday. Alibaba plans to spend more than 380 billion yuan ($53 billion) on AI, while in the US the Stargate project envisages $500 billion. | \s
          an investor's tally is an estimate | Investor tally puts Tesla AI clusters at about $8 billion | \s | \s
          'they' after the company's executives is the company | Meta's efficiency drive gives way to an AI bill | Meta delivered a quarter that beat Wall Street on advertising. Executives said late on Wednesday they expect capital expenditures next year of $30 billion to $35 billion, much of it for AI. | Meta:35
          'the partners' after one company's chief are all the partners | Stargate to invest up to $300 billion | SoftBank, OpenAI and Oracle are forming a venture that will invest up to $300 billion in US AI data centres. SoftBank chief Masayoshi Son said the partners would deploy $60 billion right away. | SoftBank:300,OpenAI:300,Oracle:300
          a quoted name inside the headline's noun phrase keeps the figure's cue | OpenAI, SoftBank and Oracle launch $300bn 'Stargate' push for US data centres | \s | OpenAI:300,SoftBank:300,Oracle:300
          the company qualifying a plan after its figure owns the plan | Five-year, $200 billion Samsung plan puts AI chips first | \s | Samsung:200
          a possessive order in a share-move headline is the buyer's | Samsung shares surge 7% on Tesla's $12 billion chip order | \s | Tesla:12
          a narrowed range with the top of its previous range is no new guidance | Meta narrows its capex range | Meta now expects capital expenditures of $60 billion to $65 billion for AI this year, lifting the bottom of its previous $58 billion to $65 billion range. | \s
          'when' after a past time dates the spender's figure | Meta cuts 500 jobs in its AI unit | The cuts spare the lab run by Alexandr Wang, who joined in June when Meta invested $14 billion in Scale AI. | \s
          a 'new round of layoffs' is no fund-raise, and a frame clause in its lede is background | Microsoft begins a new round of layoffs | The cuts take this year's job reductions past 12,000, as the company funds a roughly $80 billion build-out of AI data centres. | \s
          a lede figure in its own main clause stays news under an off-topic headline | Microsoft reshuffles its cloud unit | Microsoft said on Tuesday it will invest $10 billion in Japanese AI data centres over four years as it reorganises the unit. | Microsoft:10
          a venture's partners named after 'venture of' spend its figure, and an opinion lede has no subjects | Opinion: AI pledges outrun the business case | Meta has said it will invest $600 billion in US infrastructure through 2028, and the Stargate venture of OpenAI, SoftBank and Oracle is billed at $500 billion. | \s
          gains on an investment are no investment | SoftBank profit doubles on AI gains | SoftBank said gains on its OpenAI investment reached 2 trillion yen ($13 billion) in the quarter. | \s
          the company a chipmaker funds is no spender | Chipmaker Nvidia to fund OpenAI build-out with up to $80bn | \s | Nvidia:80
          the company named 'as the customer' of a seller's deal is its buyer | Musk confirms Tesla as the customer behind Samsung's $12 billion Texas chip deal | \s | Tesla:12
          a vow to top a known plan restates it | Alibaba's US shares climb on pledge to top $53 billion AI plan | \s | \s
          a named project in apposition is known, and the balance of a commitment is no new one | SoftBank swings to a quarterly profit | SoftBank must pay the remaining $20 billion of its $30 billion commitment to OpenAI by year end, and it is also financing Stargate, the $500 billion US data centre project. | \s
          capex that climbed 'even as' the company spoke is a result | Tencent's president says AI money must be spent wisely | Martin Lau said Tencent would invest at the right pace, even as quarterly capital spending climbed to around $2.5 billion on AI chips. | \s
          the object of 'fund' spends when 'as it spends' follows | Nvidia and Microsoft fund Anthropic as it spends $20 billion on Azure | \s | Anthropic:20
          a stock that slides as a spending plan rattles investors is news of the plan | Amazon slides 9% as $200 billion AI spending plan rattles investors | Amazon said late on Thursday it expects to spend about $200 billion on capital projects this year, mostly for AI data centres. | Amazon:200
          a main clause about jobs before the frame word still frames the figure | Amazon cuts 14,000 office jobs as $200 billion AI spending plan looms | Amazon said on Tuesday it will cut about 14,000 corporate roles. | \s
          'after the bell' is a time of day, not a comparison | Big Tech lifts AI budgets again | After the bell on Thursday Amazon said it expects capital spending of about $200 billion this year, mostly on AI data centres. | Amazon:200
          a company's own ceiling told with 'could' is guidance | Alphabet and Amazon outline huge AI budgets | Alphabet said it could spend as much as $185 billion this year on AI infrastructure, nearly double last year. | Alphabet:185
          a brokerage's 'could invest as much as' stays talk | ByteDance weighs a bigger AI budget | ByteDance could invest as much as $20 billion in AI chips next year, a brokerage said in a note to clients. | \s
          a bare 'said it could invest' without a ceiling stays talk | Microsoft eyes Kenya for AI | Microsoft said it could invest $1 billion in Kenyan AI data centres if power is found. | \s
          the Street's figure is an estimate | Oracle's capex guide falls short | Oracle guided to capital spending of $25 billion for AI data centres next year, below the Street's $35.3 billion. | Oracle:25
          a rating agency's forecast is an estimate | Rating agency sees hyperscaler capex soaring | Moody's expects Microsoft to spend about $120 billion on AI data centres next year. | \s
          an order book is backlog | Oracle's order book swells on OpenAI demand | Oracle now has a $500 billion order book, largely from OpenAI compute contracts. | \s
          part of the company's known commitment is a mention | Meta opens its Ohio AI campus | The Prometheus site is part of the company's $600 billion commitment to US infrastructure through 2028, Meta said on Tuesday. | \s
          a new site given with its own figure beside the known commitment is news | Meta to invest $10 billion in Louisiana AI data center | The project is part of Meta's $600 billion commitment. | Meta:10
          switching on a known cluster is progress | AWS switches on Project Rainier | Amazon said the $11 billion Project Rainier cluster in Indiana is now running Anthropic's AI models. | \s
          a ground-breaking still to come dates the schedule, not progress | Microsoft to build $3.3 billion AI data centre campus in Wisconsin, ground-breaking in 2027 | \s | Microsoft:3.3
          capacity a seller promised to a buyer is the buyer's deal | Oracle's AI build-out strains its balance sheet | Oracle is racing to build the data centres behind capacity the company promised to OpenAI under a contract worth about $300 billion over five years. | OpenAI:300
          a market move's company leaves the deal to the clause that explains it | Amazon shares climb after OpenAI signs $20 billion AWS compute deal | \s | OpenAI:20
          an anaphor after the market move is still the moving company | Oracle shares jump after it unveils $40 billion AI data centre plan | \s | Oracle:40
          a chip deal named in the clause after a seller's share jump is the buyer's | Samsung Electronics jumps 5% after Musk confirms $12 billion Tesla chip deal | \s | Tesla:12
          an unwatched seller landing a contract with a watched buyer | Nebula Cloud soars after landing $7 billion AI cloud contract with Microsoft | \s | Microsoft:7
          a sentence opening with a forecaster's expectation is all estimate | What to watch in Big Tech results | Barclays expects Meta to guide capital expenditures to about $100 billion for AI, with Microsoft and Alphabet at around $120 billion and $110 billion. | \s
          capex 'across' a list of companies is a pool | Quarterly capex across Amazon, Microsoft and Meta climbs to a record $70 billion | \s | \s
          'held its' plan reaffirms it | Alphabet results beat forecasts | Alphabet held its capital expenditure plan for the year at about $75 billion on Thursday, as AI demand stayed strong. | \s
          'keeps building' is no reaffirmation | Alphabet results beat forecasts | Alphabet said it expects capital expenditures of about $75 billion this year as it keeps building AI data centres. | Alphabet:75
          the company a seller exits is an object, so the restated debt is background | SoftBank exits Nvidia with $5 billion share sale | SoftBank sold its Nvidia shares for $5 billion. The money will help fund the $20 billion SoftBank still has to pay OpenAI for AI. | \s
          a second sale in the same list is a sale | SoftBank sells stakes to fund its AI push | SoftBank sold its Nvidia shares for $5.8 billion and part of its T-Mobile stake for $9 billion. | \s
          'a year after' dates the pledge | Microsoft's Malaysian cloud region to open by mid-year | The region will open in the second quarter, nearly a year after the company unveiled a $2.2 billion investment in AI data centres in the country. | \s
          a cloud region opening is progress on its pledge | Microsoft's Jakarta cloud region opens, anchoring its $1.7 billion pledge | \s | \s
          a backer's share of a fund-raise is the backer's | OpenAI raises $40 billion | OpenAI said it raised $40 billion, with $20 billion from SoftBank and $10 billion from Microsoft, valuing it at $300 billion. | SoftBank:20,Microsoft:10
          revenue 'from' a customer is no backer's share | Nvidia reports record sales | Nvidia said data-centre revenue was $40 billion, with $10 billion from Microsoft. | \s
          a stock hitting a record is a market move, so the lede's guidance is news | Oracle hits all-time high as it targets $25 billion capex | Oracle said on Thursday it will lift capital spending to about $25 billion next year to meet AI demand. | Oracle:25
          a named project after the lede of a story not about it is background | SoftBank plans $3 billion Ohio plant for data-centre gear | SoftBank will spend up to $3 billion on the factory for AI data centres. The plant will supply the $500 billion Stargate venture of OpenAI, Oracle and SoftBank. | SoftBank:3
          a named project in the lede of its launch story is news | Trump unveils private AI push worth up to $500 billion | President Trump hosted the heads of SoftBank, OpenAI and Oracle to present Stargate, a venture they said would put up to $500 billion into American AI data centres. | SoftBank:500,OpenAI:500,Oracle:500
          a stake valued 'at' a figure is a holding's value | Amazon's Anthropic holding revalued | Amazon said its notes and shares in Anthropic put its stake at $60 billion, several times the $8 billion it has invested. | \s
          spending 'above the' committed level restates it | Alibaba to spend past its AI budget | Alibaba will lift AI infrastructure spending above the 380 billion yuan ($53 billion) already committed for three years. | \s
          'back' takes an object | Google agrees to back Anthropic with up to $2 billion | \s | Alphabet:2
          a trading session's close dates nothing | Alibaba stock slides as AI spending fails to excite | Alibaba's Hong Kong shares ended 2% lower on Monday after the company said it would spend at least 380 billion yuan ($52.4 billion) on AI over three years. | Alibaba:52.4
          a lab landing money at a valuation raises it, so its backers' shares are news | OpenAI lands $6.6 billion at $157 billion valuation as Microsoft and Nvidia chip in | OpenAI closed the round on Wednesday. Microsoft put in about $1 billion and Nvidia about $100 million, a person familiar said. | Microsoft:1,Nvidia:0.1
          the company that hands a seller an order is the buyer | Tesla hands Samsung's Texas fab a $12 billion order for AI chips | \s | Tesla:12
          the company that signs a contract with a maker 'to make' its chips is the buyer | Tesla's chip supply is secured | Tesla has signed a $12 billion contract with Samsung Electronics to make its AI6 chips in Texas. | Tesla:12
          a pledge 'at its January launch' is dated | SoftBank to spend $3 billion on Ohio plant for AI data centres | SoftBank will spend up to $3 billion on the plant. SoftBank and OpenAI each pledged $18 billion to Stargate at its January launch. | SoftBank:3
          a company the headline names only as a possessive gets no news from the body | OpenAI stake knocks $3 billion off Microsoft's quarterly profit | Microsoft said net income rose to $27 billion. The company has committed $13 billion to OpenAI for AI. | \s
          a frame clause in the lede of a story whose headline figure commits nothing is background | Amazon snaps a losing streak that erased $450 billion in value | Amazon shares closed higher on Tuesday after a slide that wiped $450 billion off its market value, as investors balked at its plan to spend about $200 billion on AI data centres. | \s
          a bond debut is debt | Alphabet taps euro market again with €3 billion bond sale | Alphabet is marketing 3 billion euros of bonds, its second euro deal this year after a 6.75 billion euro debut, as it funds record AI spending. | \s
          a joint headline figure split in the body stays split when a partner's old stake is restated | Microsoft and Nvidia to invest up to $15 billion in Anthropic | Nvidia will invest up to $10 billion in Anthropic and Microsoft up to $5 billion. Microsoft, which has put more than $13 billion into OpenAI, will also sell Anthropic Azure capacity. | Nvidia:10,Microsoft:5
          the companies whose heads launch a venture spend its money | OpenAI, SoftBank and Oracle form Stargate venture at the White House | The heads of OpenAI, SoftBank and Oracle joined the president on Tuesday to launch Stargate, a joint venture that will put an initial $100 billion into AI infrastructure and could grow to $500 billion over four years. | OpenAI:500,SoftBank:500,Oracle:500
          a venture that will 'start with' a tranche and 'could reach' a ceiling is one commitment | Trump unveils Stargate AI venture | The president hosted the chiefs of SoftBank, OpenAI and Oracle to launch Stargate, a joint venture that will start with $100 billion and could reach $500 billion over four years in US AI infrastructure. | SoftBank:500,OpenAI:500,Oracle:500
          a total taken 'past' a figure and progress 'toward the' goal are background | OpenAI and Oracle pick a Michigan site for a Stargate campus | The partners will build a 1-gigawatt AI data centre campus. The site takes Stargate past 8 gigawatts and more than $450 billion of investment, toward the $500 billion goal set in January. | \s
          a title-only venture 'with' its watched partners is theirs | Trump poised to unveil $300 billion 'Stargate' AI venture with OpenAI, Oracle and SoftBank | \s | OpenAI:300,Oracle:300,SoftBank:300
          a venture 'with' a partner after a watched subject stays the subject's | Microsoft unveils $30 billion AI infrastructure venture with BlackRock | \s | Microsoft:30
          a deal 'valued near' a figure is its price | Nvidia agrees to buy an AI start-up in a deal valued near $700 million | \s | Nvidia:0.7
          a lab's valuation stays a valuation | Anthropic valued near $60 billion after a new AI funding round | \s | \s
          'lines up' money for data centres commits it | Anthropic lines up $50bn for American data centres | \s | Anthropic:50
          'since January' dates a list of earlier plans | Amazon plans a Taiwan data-centre investment | Amazon Web Services said on Tuesday it will build data centres in Taiwan. Since January AWS has disclosed plans to spend $9 billion in Singapore and $15 billion in Japan on AI data centres. | \s
          a noun phrase of scope words joined by 'and' still ends in its investment noun | Microsoft unveils $25 billion Australian AI and cloud investment out to 2029 | \s | Microsoft:25
          a joint headline figure is no one company's when the body gives each its own, even a restated one | Amazon and Microsoft unveil $52bn in AI and cloud investments for India | Amazon said it will invest $35 billion in India by 2030, a day after Microsoft committed $17 billion to the country. | Amazon:35
          'after' a market move is the news that moved the stock, no comparison | Alphabet slides as its AI budget nearly doubles | Alphabet shares fell as much as 5% early Thursday after the Google parent said it expects capital expenditures of $175 billion to $185 billion this year for AI. | Alphabet:185
          a year inside the noun phrase keeps its investment noun | Meta sets a $120 billion 2026 spending plan for AI | \s | Meta:120
          'has not signed' a definitive agreement is no commitment yet | Nvidia says its OpenAI plan is still a letter of intent | Nvidia has not signed a definitive agreement on its plan to invest up to $100 billion in OpenAI, its finance chief said. | \s
          a pledge 'days after' which something else happened is earlier news | Reliance plans a giant AI data centre | The plan surfaced days after OpenAI, SoftBank and Oracle pledged up to $500 billion for AI data centres in the United States. | \s
          a company after a quantity bought is an object | Humain signs AI deals | Humain agreed to buy 18,000 Nvidia chips and signed a $10 billion AI compute deal with a chipmaker. | \s
          money 'from' watched companies in a lab's headline is a fund-raise | OpenAI lines up $110bn from Amazon, Nvidia and SoftBank | Amazon is contributing $50bn, and Nvidia is putting in $30bn. | Amazon:50,Nvidia:30
          a '$X OpenAI round' headline is a fund-raise | Amazon and Nvidia pile into $110 billion OpenAI round | Amazon will invest $50 billion and Nvidia $30 billion in the round. | Amazon:50,Nvidia:30
          a raise of 'its range' in a capex story is the new guidance | Alphabet and Meta lift 2026 AI spending plans | Meta lifted its range to $125 billion to $145 billion from $115 billion to $135 billion, citing pricier AI chips. | Meta:145
          a raise of a revenue forecast stays revenue | Oracle lifts its cloud outlook | Oracle lifted its revenue forecast to $144 billion for fiscal 2030 on AI demand. | \s
          the company confirmed 'as customer' of a seller's contract is its buyer | Musk confirms Tesla as customer behind Samsung's $12 billion AI chipmaking contract | \s | Tesla:12
          'add to its' budget is a raise without a figure | Alibaba says it will add to its 380 billion yuan AI budget | \s | \s
          'presses on with' a plan restates it | Microsoft cuts about 9,000 jobs as it presses on with $80 billion AI build | \s | \s
          capex that 'jumps' to a figure is a result | Microsoft slips as AI capex jumps 74% to $34.9 billion | \s | \s
          the other side of the headline's deal 'in return' is news | Google deepens its bet on an AI start-up with $6 billion more | Google will invest up to $6 billion more in Anthropic. In return Anthropic committed to buy $20 billion of Google Cloud TPU capacity over six years. | Alphabet:6,Anthropic:20
          """)
  void realCoverage(String why, String title, String text, String expected) {
    List<String> want = expected == null || expected.isBlank() ? List.of() : List.of(expected.strip().split(","));
    List<String> got = announced(title, text);
    if (want.size() > 1) {
      assertEquals(want.stream().sorted().toList(), got.stream().sorted().toList(), why);
    } else {
      // amounts converted from other currencies may round differently: compare company and figure to one decimal
      assertEquals(want.size(), got.size(), why + ": " + got);
      for (int i = 0; i < want.size(); i++) {
        String[] w = want.get(i).split(":");
        String[] g = got.get(i).split(":");
        assertEquals(w[0], g[0], why);
        assertEquals(Double.parseDouble(w[1]), Double.parseDouble(g[1]), Double.parseDouble(w[1]) * 0.05, why);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          background pledge is kept as a mention for the ledger | Microsoft to shed 6,000 jobs in reorganisation | Microsoft said on Tuesday it will cut about 6,000 roles. The company has committed $80 billion to AI data centres this fiscal year. | Microsoft
          """)
  void backgroundStaysAMention(String why, String title, String text, String company) {
    assertTrue(mentioned(title, text).contains(company), why);
  }
}
