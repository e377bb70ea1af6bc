package com.capexalerts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.capexalerts.core.subscription.Subscription;
import com.capexalerts.core.subscription.SubscriptionProtocol;
import com.capexalerts.core.subscription.SubscriptionService;
import com.capexalerts.core.webhook.InMemoryWebhookRegistry;
import com.capexalerts.core.webhook.WebhookFilter;
import com.capexalerts.testsupport.RepoRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** template.yaml declares exactly the handler's routes, with IAM on the management ones, and a buildable function. */
class ApiTemplateTest {
  private final Path root = RepoRoot.find();

  /** The ApiFunction resource's text: from its line to the next resource at the same indentation. */
  private String apiFunction() throws Exception {
    String yaml = Files.readString(root.resolve("template.yaml"));
    Matcher m = Pattern.compile("(?ms)^  ApiFunction:\\n(.*?)(?=^  [A-Za-z0-9]+:\\n|^[A-Za-z]+:\\n)").matcher(yaml);
    assertTrue(m.find(), "no ApiFunction in template.yaml");
    return m.group(1);
  }

  @Test
  void theTemplateRoutesAreTheHandlersRoutes() throws Exception {
    ApiHandler handler = ApiHandler.builder(MotoHistory.with(List.of()))
        .webhooks(new InMemoryWebhookRegistry(), ApiRoutingTest.deployedPolicy())
        .subscriptions(new SubscriptionRoutesProbe()).build();
    Set<String> publicRoutes = new TreeSet<>();
    Set<String> signedRoutes = new TreeSet<>();
    Matcher m = Pattern.compile("Path: (\\S+)\\n\\s+Method: (\\S+)(\\n\\s+Auth:\\n\\s+Authorizer: NONE)?")
        .matcher(apiFunction());
    while (m.find()) {
      (m.group(3) == null ? signedRoutes : publicRoutes).add(m.group(2) + " " + m.group(1));
    }
    assertEquals(new TreeSet<>(handler.routeKeys(false)), publicRoutes, "public routes (Authorizer: NONE)");
    assertEquals(new TreeSet<>(handler.routeKeys(true)), signedRoutes, "IAM routes (the API's default)");
    handler.close();
  }

  @Test
  void theFunctionIsBuiltFromThisModuleAndItsRoleHasNoWildcardActions() throws Exception {
    String f = apiFunction();
    assertTrue(f.contains("Handler: com.capexalerts.api.ApiHandler::handleRequest\n"), f);
    assertTrue(f.contains("CodeUri: functions/api\n"));
    assertTrue(Files.isRegularFile(root.resolve("functions/api/Makefile")));
    assertTrue(Class.forName("com.capexalerts.api.ApiHandler").getConstructor() != null);
    assertFalse(f.matches("(?s).*-\\s+\"?[a-z0-9]+:\\*\"?\\n.*"), "an action with a wildcard");
    assertFalse(f.contains("Resource: \"*\"") || f.contains("Resource: '*'"), "a wildcard resource");
    for (String variable : List.of("ANNOUNCEMENTS_TABLE", "WEBHOOKS_TABLE", "TOPIC_ARN")) {
      assertTrue(f.contains(variable + ": "), variable);
    }
  }

  /** Any SubscriptionService: only the route list matters here. */
  private static final class SubscriptionRoutesProbe implements SubscriptionService {
    @Override
    public Subscription subscribe(SubscriptionProtocol protocol, String endpoint, WebhookFilter filter) {
      throw new UnsupportedOperationException("not called by this test");
    }

    @Override
    public List<Subscription> list() {
      return List.of();
    }

    @Override
    public boolean unsubscribe(String id) {
      return false;
    }
  }
}
