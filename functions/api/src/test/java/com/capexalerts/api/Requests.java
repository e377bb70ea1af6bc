package com.capexalerts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.capexalerts.testsupport.RepoRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** HTTP API v2 events for the handler tests, shaped as API Gateway sends them, and response readers. */
final class Requests {
  static final String DOMAIN = "abc123def4.execute-api.us-east-1.amazonaws.com";
  static final ObjectMapper JSON = new ObjectMapper();

  private Requests() {}

  static APIGatewayV2HTTPEvent get(String rawPath, Map<String, String> query) {
    return event("GET", rawPath, query, null, false);
  }

  /** A signed (IAM-authorised) management request. */
  static APIGatewayV2HTTPEvent managed(String method, String rawPath, String body) {
    return event(method, rawPath, Map.of(), body, true);
  }

  static APIGatewayV2HTTPEvent event(String method, String rawPath, Map<String, String> query, String body,
      boolean iam) {
    APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(method);
    http.setPath(rawPath);
    http.setProtocol("HTTP/1.1");
    http.setSourceIp("203.0.113.10");
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setHttp(http);
    context.setDomainName(DOMAIN);
    context.setStage("$default");
    context.setRequestId("test");
    if (iam) {
      APIGatewayV2HTTPEvent.RequestContext.IAM caller = new APIGatewayV2HTTPEvent.RequestContext.IAM();
      caller.setUserArn("arn:aws:iam::123456789012:user/capex-admin");
      APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer =
          new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
      authorizer.setIam(caller);
      context.setAuthorizer(authorizer);
    }
    APIGatewayV2HTTPEvent e = new APIGatewayV2HTTPEvent();
    e.setVersion("2.0");
    e.setRouteKey("$default");
    e.setRawPath(rawPath);
    e.setRawQueryString(query.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue())
        .collect(Collectors.joining("&")));
    e.setQueryStringParameters(query.isEmpty() ? null : new LinkedHashMap<>(query));
    Map<String, String> headers = new HashMap<>(Map.of("host", DOMAIN, "x-forwarded-proto", "https"));
    if (body != null) {
      headers.put("content-type", "application/json");
      e.setBody(body);
    }
    e.setHeaders(headers);
    e.setRequestContext(context);
    return e;
  }

  /** One of the sample events in events/. */
  static APIGatewayV2HTTPEvent sample(String name) {
    return EventLoader.loadApiGatewayHttpEvent(RepoRoot.find().resolve("events").resolve(name).toString());
  }

  static JsonNode body(APIGatewayV2HTTPResponse r) throws Exception {
    assertEquals(ApiResponses.JSON_TYPE, r.getHeaders().get("content-type"), r.getBody());
    return JSON.readTree(r.getBody());
  }
}
