package com.capexalerts.cli;

import com.capexalerts.core.detect.Decision;
import com.capexalerts.core.detect.Explanation;
import com.capexalerts.core.detect.Finding;
import com.capexalerts.core.feed.FeedItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON Lines shapes the CLI reads and writes (one place, so `feed | detect` always fits). */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** An item as `feed` prints it and `detect` reads it. */
  static ObjectNode item(FeedItem item) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", item.id());
    n.put("title", item.title());
    n.put("summary", item.summary());
    n.put("link", item.link());
    n.put("published", item.published() == null ? null : item.published().toString());
    n.put("source", item.source());
    return n;
  }

  /** One `detect` output line. */
  static ObjectNode findings(String id, List<Finding> findings) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", id);
    ArrayNode arr = n.putArray("findings");
    for (Finding f : findings) {
      arr.add(finding(f));
    }
    return n;
  }

  static ObjectNode finding(Finding f) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("company", f.company());
    n.put("kind", f.kind().wireName());
    n.put("amount", f.amount().value());
    n.put("currency", f.amount().currency());
    n.put("amount_text", f.amount().text());
    n.put("amount_usd", f.amountUsd());
    n.put("period", f.period());
    n.put("evidence", f.evidence());
    if (f.raise()) {
      n.put("raise", true);
    }
    return n;
  }

  /**
   * The `explain` array of `detect --explain`: first the item's own decisions ({"item": true, "decisions": [...]}),
   * then one entry per money amount ({"amount", "headline", "sentence", "decisions": [{"stage","outcome","reason"}]}).
   */
  static ArrayNode explain(Explanation e) {
    ArrayNode arr = MAPPER.createArrayNode();
    ObjectNode item = arr.addObject();
    item.put("item", true);
    decisions(item.putArray("decisions"), e.item());
    for (Explanation.Amount a : e.amounts()) {
      ObjectNode n = arr.addObject();
      n.put("amount", a.text());
      n.put("headline", a.headline());
      n.put("sentence", a.sentence());
      decisions(n.putArray("decisions"), a.decisions());
    }
    return arr;
  }

  private static void decisions(ArrayNode arr, List<Decision> decisions) {
    for (Decision d : decisions) {
      ObjectNode n = arr.addObject();
      n.put("stage", d.stage());
      n.put("outcome", d.outcome());
      n.put("reason", d.reason());
    }
  }
}
