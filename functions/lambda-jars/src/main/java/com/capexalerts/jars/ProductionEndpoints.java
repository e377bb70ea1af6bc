package com.capexalerts.jars;

import java.net.ConnectException;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Run inside a function's jar (its own SDK classes): builds the clients as the handlers do, without an endpoint
 * override, so the SDK resolves the real AWS endpoints as in Lambda, and calls one operation each through an HTTPS
 * proxy that refuses connections. A network error proves the whole request path (endpoint rules, signing,
 * marshalling) is in the jar; a missing class fails. Prints one line per client; exit 1 on anything else.
 */
public final class ProductionEndpoints {
  private ProductionEndpoints() {}

  public static void main(String[] args) {
    int failures = 0;
    for (Map.Entry<String, Runnable> call : calls().entrySet()) {
      try {
        call.getValue().run();
        System.out.println(call.getKey() + ": unexpected success");
        failures++;
      } catch (SdkClientException e) {
        boolean refused = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
          refused |= t instanceof ConnectException;
        }
        System.out.println(call.getKey() + (refused ? ": connection refused, as expected" : ": " + e));
        failures += refused ? 0 : 1;
      } catch (LinkageError | RuntimeException e) {
        System.out.println(call.getKey() + ": " + e);
        e.printStackTrace();
        failures++;
      }
    }
    System.exit(failures == 0 ? 0 : 1);
  }

  /** The clients this jar carries (a function's jar holds only the SDK services it uses). */
  private static Map<String, Runnable> calls() {
    Map<String, Runnable> calls = new java.util.LinkedHashMap<>();
    calls.put("dynamodb", () -> {
      try (var c = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder()
          .httpClient(UrlConnectionHttpClient.create()).build()) {
        c.getItem(b -> b.tableName("capex-probe").key(Map.of("event_key",
            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("probe"))));
      }
    });
    if (present("software.amazon.awssdk.services.sqs.SqsClient")) {
      calls.put("sqs", () -> {
        try (var c = software.amazon.awssdk.services.sqs.SqsClient.builder()
            .httpClient(UrlConnectionHttpClient.create()).build()) {
          c.sendMessage(b -> b.queueUrl("https://sqs.us-east-1.amazonaws.com/123456789012/capex-probe")
              .messageBody("probe"));
        }
      });
    }
    if (present("software.amazon.awssdk.services.sns.SnsClient")) {
      calls.put("sns", () -> {
        try (var c = software.amazon.awssdk.services.sns.SnsClient.builder()
            .httpClient(UrlConnectionHttpClient.create()).build()) {
          c.publish(b -> b.topicArn("arn:aws:sns:us-east-1:123456789012:capex-probe").message("probe"));
        }
      });
    }
    return calls;
  }

  private static boolean present(String name) {
    try {
      Class.forName(name, false, ProductionEndpoints.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
