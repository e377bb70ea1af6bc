package com.capexalerts.pollworker;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Clients made once per execution environment, and the environment readers both handlers share. */
final class Clients {
  static final DynamoDbClient DYNAMO = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
      .credentialsProvider(EnvironmentVariableCredentialsProvider.create()).build();
  static final SqsClient SQS = SqsClient.builder().httpClient(UrlConnectionHttpClient.create())
      .credentialsProvider(EnvironmentVariableCredentialsProvider.create()).build();

  private Clients() {}

  static String required(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is not set");
    }
    return v.strip();
  }

  static int number(Map<String, String> env, String name, int fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a positive whole number, was '" + v + "'");
    }
  }
}
