package com.capexalerts.bench;

import com.capexalerts.core.detect.Detector;
import com.capexalerts.core.feed.FeedItem;
import java.time.Instant;
import java.util.ArrayList;
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
 * Detection throughput on Chinese-language items (the Chinese rules): one operation runs the detector over
 * {@link #ITEMS} items, a headline and a summary of a few sentences each (about 1 KB in UTF-8): everyday news, results
 * and share moves, and three announcements. Items per second = ops/s × {@link #ITEMS}.
 *
 * <pre>
 * $JAVA_HOME/bin/java -jar functions/benchmarks/target/benchmarks.jar ChineseDetectBenchmark -f 1 -wi 3 -i 5 -w 2s -r 3s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ChineseDetectBenchmark {
  public static final int ITEMS = 8;

  private Detector detector;
  private List<FeedItem> items;

  @Setup
  public void setUp() {
    detector = Detector.withDefaults();
    items = items();
    if (items.size() != ITEMS) {
      throw new IllegalStateException("expected " + ITEMS + " items, have " + items.size());
    }
    if (detector.detect(items.get(ITEMS - 1)).isEmpty()) {
      throw new IllegalStateException("the Chinese announcement of the mix was not detected");
    }
  }

  @Benchmark
  public void detectChineseMix(Blackhole bh) {
    for (FeedItem item : items) {
      bh.consume(detector.detect(item));
    }
  }

  /** Written for this benchmark, modelled on Chinese business and technology news. */
  static List<FeedItem> items() {
    String[][] raw = {
      {"多地迎来强降温 气象部门提醒防范道路结冰",
        "受冷空气影响，未来三天北方大部地区气温将下降8至12摄氏度，部分地区伴有雨雪天气。气象部门提醒，公众出行需注意防寒保暖，"
            + "驾驶员应减速慢行，防范道路结冰带来的不利影响。交通部门表示，已提前部署除雪设备，确保主要干线畅通。"
            + "农业部门建议农户加固大棚，做好越冬作物防冻工作。学校将根据天气情况调整户外活动安排。"},
      {"腾讯发布新一代混元大模型 推理能力显著提升",
        "腾讯周二发布新一代混元大模型，称其在数学推理和代码生成方面的表现较上一代明显提升，并将通过腾讯云向企业客户开放。"
            + "公司表示，新模型已接入微信、QQ浏览器等多款产品。业内人士认为，国内大模型竞争正从参数规模转向应用落地。"
            + "腾讯未披露模型的训练成本。腾讯股价当日小幅上涨1.2%。"},
      {"百度三季度营收同比下降 智能云业务保持增长",
        "百度公布第三季度财报，总营收为312亿元，同比下降7%；归属于百度的净利润为38亿元。智能云业务收入同比增长21%，"
            + "主要受AI相关需求推动。公司表示将继续加大在大模型和自动驾驶领域的研发投入。财报发布后，百度美股盘后下跌3%。"
            + "分析师预计，广告业务短期内仍将承压。"},
      {"英伟达市值再创新高 收盘突破4.5万亿美元",
        "英伟达股价周三上涨2.8%，市值收盘突破4.5万亿美元，再创历史新高。市场对AI芯片需求的乐观预期推动股价持续走高。"
            + "今年以来，英伟达股价累计上涨超过40%。分析人士提醒，估值处于高位，需关注下季度业绩指引。"},
      {"华为发布新款折叠屏手机 售价9999元起",
        "华为周一在深圳发布新款折叠屏手机，起售价为9999元，搭载自研麒麟芯片，并支持卫星通话功能。华为终端业务负责人表示，"
            + "新机将于下周起在全国门店开售。业内预计，高端手机市场竞争将进一步加剧。"},
      {"小米汽车第三季度交付量突破10万辆",
        "小米集团公布，第三季度旗下电动汽车交付量超过10万辆，创单季新高。公司表示，新工厂二期已投入使用，产能将进一步提升。"
            + "小米集团当季营收为1131亿元，同比增长22%。小米股价在港股早盘上涨4%。"},
      {"微软宣布未来四年在英国投资300亿美元 建设AI基础设施",
        "微软总裁周二表示，公司将在2025至2028年间向英国投资300亿美元，其中155亿美元用于数据中心等资本支出，建设英国最大的"
            + "超级计算机。这笔投资是在此前宣布的25亿英镑计划基础上的进一步加码。英国首相对此表示欢迎。"},
      {"阿里巴巴：未来三年将投入超3800亿元建设云和AI硬件基础设施",
        "阿里巴巴集团首席执行官周一宣布，公司计划在未来三年投入超过3800亿元（约530亿美元），用于云计算和AI硬件基础设施建设，"
            + "规模超过过去十年在该领域的投入总和。此前，微软表示本财年计划投入800亿美元建设数据中心。消息公布后，阿里巴巴港股下跌2.5%。"},
    };
    Instant published = Instant.parse("2025-06-01T08:00:00Z");
    List<FeedItem> out = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      out.add(new FeedItem("bench-zh-" + i, raw[i][0], raw[i][1], "https://example.cn/" + i, published, "示例快讯"));
    }
    return List.copyOf(out);
  }
}
