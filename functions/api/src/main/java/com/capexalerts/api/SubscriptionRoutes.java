package com.capexalerts.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.capexalerts.core.subscription.Subscription;
import com.capexalerts.core.subscription.SubscriptionProtocol;
import com.capexalerts.core.subscription.SubscriptionService;
import com.capexalerts.core.webhook.WebhookFilter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/** POST/GET /subscriptions and DELETE /subscriptions/{id}: e-mail and SMS subscriptions of the alert topic. */
final class SubscriptionRoutes {
  static final Set<String> CREATE_FIELDS = Set.of("protocol", "endpoint", "min_usd", "companies", "kinds");
  static final int MAX_ENDPOINT_LENGTH = 254;

  private final SubscriptionService service;

  SubscriptionRoutes(SubscriptionService service) {
    this.service = service;
  }

  APIGatewayV2HTTPResponse create(ApiRequest request, Map<String, String> params) {
    ObjectNode body = RequestFields.object(request, CREATE_FIELDS);
    SubscriptionProtocol protocol;
    try {
      protocol = SubscriptionProtocol.fromWire(RequestFields.requiredText(body, "protocol", 16));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("protocol", e.getMessage());
    }
    String endpoint = RequestFields.requiredText(body, "endpoint", MAX_ENDPOINT_LENGTH);
    protocol.problem(endpoint).ifPresent(problem -> {
      throw ApiException.badRequest("endpoint", problem);
    });
    WebhookFilter filter = RequestFields.filter(body);
    Subscription created;
    try {
      created = service.subscribe(protocol, endpoint, filter);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("endpoint", e.getMessage());
    }
    ObjectNode view = view(created, created.endpoint());
    view.set("filter", RequestFields.filterJson(filter));
    return ApiResponses.json(201, view,
        created.id() == null ? Map.of() : Map.of("location", "/subscriptions/" + created.id()));
  }

  APIGatewayV2HTTPResponse list(ApiRequest request, Map<String, String> params) {
    ObjectNode body = ApiResponses.JSON.createObjectNode();
    ArrayNode items = body.putArray("items");
    for (Subscription s : service.list()) {
      items.add(view(s, EndpointMask.mask(s.endpoint())));
    }
    return ApiResponses.json(200, body);
  }

  APIGatewayV2HTTPResponse delete(ApiRequest request, Map<String, String> params) {
    String id = params.get("id");
    if (!service.unsubscribe(id)) {
      throw ApiException.notFound("id", "no subscription " + id + " on the alert topic");
    }
    return ApiResponses.noContent();
  }

  private static ObjectNode view(Subscription s, String shownEndpoint) {
    ObjectNode n = ApiResponses.JSON.createObjectNode();
    n.put("id", s.id());
    n.put("protocol", s.protocol());
    n.put("endpoint", shownEndpoint);
    n.put("pending_confirmation", s.pendingConfirmation());
    if (s.filterPolicy() == null) {
      n.putNull("filter_policy");
    } else {
      try {
        n.set("filter_policy", ApiResponses.JSON.readTree(s.filterPolicy()));
      } catch (JsonProcessingException e) {
        n.put("filter_policy", s.filterPolicy()); // set outside this API: shown as SNS holds it
      }
    }
    return n;
  }
}
