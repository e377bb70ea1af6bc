package com.capexalerts.pollworker;

import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Clients made once per execution environment,. */
final class Clients {
  static final DynamoDbClient DYNAMO = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
      .credentialsProvider(EnvironmentVariableCredentialsProvider.create()).build();
  static final SqsClient SQS = SqsClient.builder().httpClient(UrlConnectionHttpClient.create())
      .credentialsProvider(EnvironmentVariableCredentialsProvider.create()).build();

  private Clients() {}
}
