package com.capexalerts.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Matches a request to a route by exact path segments ("{name}" takes one segment): 404 when no route has the path,
 * 405 with an Allow header when routes have the path but not the method.
 */
final class Router {
  /** What a route does; {@code params} holds the path's "{name}" segments, decoded. */
  @FunctionalInterface
  interface Action {
    APIGatewayV2HTTPResponse handle(ApiRequest request, Map<String, String> params);
  }

  /**
   * @param management true for the routes that manage webhooks and subscriptions: they need IAM authorisation
   */
  record Route(String method, String pattern, boolean management, Action action) {
    List<String> parts() {
      return ApiRequest.segments(pattern);
    }
  }

  private final List<Route> routes;
  private final boolean requireIamForManagement;

  Router(List<Route> routes, boolean requireIamForManagement) {
    this.routes = List.copyOf(routes);
    this.requireIamForManagement = requireIamForManagement;
  }

  List<Route> routes() {
    return routes;
  }

  /** "GET /webhooks/{id}": the route pattern a request hits, for logs; null when none does. */
  String routeKey(String method, String rawPath) {
    List<String> segments;
    try {
      segments = ApiRequest.segments(rawPath);
    } catch (RuntimeException unreadable) {
      return null;
    }
    return routes.stream().filter(r -> r.method().equals(method) && match(r.parts(), segments) != null)
        .map(r -> r.method() + " " + r.pattern()).findFirst().orElse(null);
  }

  APIGatewayV2HTTPResponse dispatch(ApiRequest request) {
    List<String> allowed = new ArrayList<>();
    for (Route route : routes) {
      Map<String, String> params = match(route.parts(), request.segments());
      if (params == null) {
        continue;
      }
      if (!route.method().equals(request.method())) {
        allowed.add(route.method());
        continue;
      }
      // API Gateway already refuses unsigned calls to these routes; this guards against a route that lost its
      // authoriser (or a catch-all that reaches the function).
      if (route.management() && requireIamForManagement && !request.iamAuthorised()) {
        throw new ApiException(403, null, "this route needs AWS IAM (SigV4) authorisation");
      }
      return route.action().handle(request, params);
    }
    if (!allowed.isEmpty()) {
      String allow = String.join(", ", new TreeSet<>(allowed));
      return ApiResponses.error(405, null, request.method() + " is not allowed here; allowed: " + allow,
          Map.of("allow", allow));
    }
    throw ApiException.notFound(null, "no route " + request.rawPath());
  }

  private static Map<String, String> match(List<String> pattern, List<String> segments) {
    if (pattern.size() != segments.size()) {
      return null;
    }
    Map<String, String> params = new HashMap<>();
    for (int k = 0; k < pattern.size(); k++) {
      String p = pattern.get(k);
      String s = segments.get(k);
      if (p.startsWith("{") && p.endsWith("}")) {
        if (s.isEmpty()) {
          return null;
        }
        params.put(p.substring(1, p.length() - 1), s);
      } else if (!p.equals(s)) {
        return null;
      }
    }
    return params;
  }
}
