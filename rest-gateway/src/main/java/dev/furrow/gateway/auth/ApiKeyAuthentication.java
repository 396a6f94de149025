package dev.furrow.gateway.auth;

import static java.util.Objects.requireNonNull;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.furrow.gateway.error.RestErrors;
import io.netty.util.AttributeKey;
import org.jspecify.annotations.Nullable;

/**
 * Decorator in front of a REST face: takes the API key from where the face expects it and leaves it
 * on the request context for the core calls to forward. It does not judge the key (the core does);
 * it only answers 401 when there is none. Every 401 of the face, its own or one mapped from the
 * core, gets the face's {@code WWW-Authenticate} challenge, as DRF sends it.
 */
public final class ApiKeyAuthentication implements DecoratingHttpServiceFunction {

  private static final AttributeKey<String> API_KEY =
      AttributeKey.valueOf(ApiKeyAuthentication.class, "API_KEY");

  private final ApiKeyPlacement placement;
  private final boolean required;

  private ApiKeyAuthentication(ApiKeyPlacement placement, boolean required) {
    this.placement = requireNonNull(placement, "placement");
    this.required = required;
  }

  /** Authentication for a face whose key travels as the given placement says. */
  public static ApiKeyAuthentication of(ApiKeyPlacement placement) {
    return new ApiKeyAuthentication(placement, true);
  }

  /**
   * Like {@link #of}, for a route anyone may call (a public documentation page): a request without
   * credentials passes with no key ({@link #findApiKey} is null), one with unusable credentials is
   * still 401.
   */
  public static ApiKeyAuthentication optional(ApiKeyPlacement placement) {
    return new ApiKeyAuthentication(placement, false);
  }

  /** The key this decorator found for the current request, or null when it carries none. */
  public static @Nullable String findApiKey(ServiceRequestContext ctx) {
    return ctx.attr(API_KEY);
  }

  /**
   * The key this decorator found for the current request.
   *
   * @throws IllegalStateException when the request did not pass through an {@link
   *     ApiKeyAuthentication}, i.e. a route was wired without its face's authentication
   */
  public static String apiKey(ServiceRequestContext ctx) {
    final String key = ctx.attr(API_KEY);
    if (key == null) {
      throw new IllegalStateException("no API key on " + ctx.path() + " (route not authenticated)");
    }
    return key;
  }

  @Override
  public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req)
      throws Exception {
    final String key;
    try {
      key = placement.extract(req.headers());
    } catch (MalformedApiKeyException e) {
      return withChallenge(RestErrors.detail(HttpStatus.UNAUTHORIZED, e.getMessage()));
    }
    if (key == null) {
      return required
          ? withChallenge(RestErrors.notAuthenticated())
          : withChallenge(delegate.serve(ctx, req));
    }
    if (!CoreApiKey.isTransmittable(key)) {
      // A key the core could never have issued, and one gRPC metadata cannot carry.
      return withChallenge(RestErrors.detail(HttpStatus.UNAUTHORIZED, CoreApiKey.INVALID_KEY));
    }
    ctx.setAttr(API_KEY, key);
    return withChallenge(delegate.serve(ctx, req));
  }

  private HttpResponse withChallenge(HttpResponse response) {
    return response.mapHeaders(this::addChallengeTo401);
  }

  private ResponseHeaders addChallengeTo401(ResponseHeaders headers) {
    if (headers.status() != HttpStatus.UNAUTHORIZED) {
      return headers;
    }
    return headers.toBuilder().set(HttpHeaderNames.WWW_AUTHENTICATE, placement.challenge()).build();
  }
}
