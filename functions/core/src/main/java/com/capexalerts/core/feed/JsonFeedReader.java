package com.capexalerts.core.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1): a top-level object with {@code version} and
 * {@code items}. Each item becomes a {@link FeedItem} on its own, as in {@link FeedReader}: a bad item is reported and
 * the others kept.
 */
final class JsonFeedReader {
  private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private JsonFeedReader() {}

  /** True when the body, after a BOM and whitespace, starts with "{": a JSON document, never XML. */
  static boolean looksLikeJson(byte[] body) {
    if (body == null) {
      return false;
    }
    int i = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
        ? 3 : 0;
    while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
      i++;
    }
    return i < body.length && body[i] == '{';
  }

  static FeedParseResult read(byte[] body, String feedUrl, Instant readAt) throws FeedException {
    if (body.length > SafeXml.MAX_BODY_BYTES) {
      throw new FeedException(SafeXml.where(feedUrl) + "body is " + body.length + " bytes, over the limit of "
          + SafeXml.MAX_BODY_BYTES + " bytes for a feed");
    }
    JsonNode root;
    try {
      root = JSON.readTree(new String(body, StandardCharsets.UTF_8).strip().replaceFirst("^\uFEFF", ""));
    } catch (JsonProcessingException e) {
      throw new FeedException(SafeXml.where(feedUrl) + "body is JSON but not well-formed: "
          + e.getOriginalMessage(), e);
    }
    String version = root.path("version").asText("");
    if (!version.startsWith(VERSION_PREFIX) || !root.path("items").isArray()) {
      throw new FeedException(SafeXml.where(feedUrl) + "body is JSON but not a JSON Feed (it needs \"version\": \""
          + VERSION_PREFIX + "1.1\" and an \"items\" array), not RSS or Atom either");
    }
    String feedTitle = HtmlText.clean(text(root, "title"));
    String source = feedTitle.isEmpty() ? feedUrl : feedTitle;
    String base = Optional.ofNullable(text(root, "home_page_url"))
        .flatMap(home -> Links.resolve(feedUrl, home)).orElse(feedUrl);
    List<FeedItem> items = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    JsonNode entries = root.get("items");
    for (int i = 0; i < entries.size(); i++) {
      String where = "feed " + feedUrl + ", item " + (i + 1) + ": ";
      try {
        item(entries.get(i), base, source, readAt, note -> errors.add(where + "warning: " + note))
            .ifPresentOrElse(items::add, () -> errors.add(where + "has no id, or no title, link and content"));
      } catch (RuntimeException e) {
        errors.add(where + "could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
      }
    }
    return new FeedParseResult(feedUrl, feedTitle.isEmpty() ? null : feedTitle, items, errors);
  }

  private static Optional<FeedItem> item(JsonNode item, String base, String source, Instant readAt,
      java.util.function.Consumer<String> warn) {
    if (!item.isObject()) {
      return Optional.empty();
    }
    JsonNode idNode = item.get("id");
    String id = idNode == null || !idNode.isValueNode() ? null : idNode.asText().strip();
    String title = HtmlText.truncate(HtmlText.clean(text(item, "title")), EntryMapper.MAX_TITLE_CHARS);
    String html = text(item, "content_html");
    String content = html != null ? HtmlText.clean(html) : HtmlText.clean(text(item, "content_text"));
    String summary = HtmlText.clean(text(item, "summary"));
    String body = HtmlText.truncate(content.length() >= summary.length() ? content : summary,
        EntryMapper.MAX_SUMMARY_CHARS);
    String link = Optional.ofNullable(text(item, "url")).or(() -> Optional.ofNullable(text(item, "external_url")))
        .flatMap(url -> Links.resolve(base, url)).orElse(null);
    if (id == null || id.isEmpty() || title.isEmpty() && link == null && body.isEmpty()) {
      return Optional.empty();
    }
    Instant published = Optional.ofNullable(text(item, "date_published"))
        .or(() -> Optional.ofNullable(text(item, "date_modified")))
        .flatMap(FeedDates::parse).orElse(null);
    if (published != null && !FeedDates.plausible(published, readAt)) {
      warn.accept("date read as " + published + " is implausible (before 1990 or over two days ahead), using the "
          + "fetch time " + readAt);
      published = readAt;
    }
    return Optional.of(new FeedItem(id, title, body, link, published, source));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }
}
