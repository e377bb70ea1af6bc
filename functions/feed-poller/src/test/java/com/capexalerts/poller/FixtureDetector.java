package com.capexalerts.poller;

import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.detect.FindingKind;
import com.capexalerts.core.feed.FeedItem;
import com.capexalerts.core.money.MoneyAmount;
import com.capexalerts.core.poll.FindingSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Detector while it is a placeholder on this branch. It knows only the fixture sentences:
 * "X will invest ... $N billion" is an announcement, "X raises ... to $N billion" a raise, "X's $N billion" a mention.
 */
final class FixtureDetector implements FindingSource {
  private static final String COMPANY = "(Microsoft|Alibaba|Meta|Apple|Nvidia|Google)";
  private static final Pattern ANNOUNCEMENT = Pattern.compile(
      "\\b" + COMPANY + "\\b[^.]*?\\b(will invest|raises)\\b[^$]*?\\$(\\d+(?:\\.\\d+)?) billion");
  private static final Pattern MENTION = Pattern.compile("\\b" + COMPANY + "'s \\$(\\d+(?:\\.\\d+)?) billion");

  @Override
  public List<Finding> detect(FeedItem item) {
    Map<String, Finding> findings = new LinkedHashMap<>();
    for (String sentence : (item.title() + ". " + item.summary()).split("(?<=[.!?])\\s+(?=[A-Z])")) {
      Matcher a = ANNOUNCEMENT.matcher(sentence);
      if (a.find()) {
        add(findings, a.group(1), FindingKind.ANNOUNCEMENT, a.group(3), sentence, a.group(2).equals("raises"));
      }
      Matcher m = MENTION.matcher(sentence);
      while (m.find()) {
        add(findings, m.group(1), FindingKind.MENTION, m.group(2), sentence, false);
      }
    }
    return new ArrayList<>(findings.values());
  }

  private static void add(Map<String, Finding> findings, String company, FindingKind kind, String billions,
      String sentence, boolean raise) {
    BigDecimal usd = new BigDecimal(billions).movePointRight(9);
    findings.putIfAbsent(company + "/" + kind + "/" + usd.toPlainString(), new Finding(company, kind,
        new MoneyAmount(usd, "USD", "$" + billions + " billion"), usd, null, sentence.strip(), raise));
  }
}
