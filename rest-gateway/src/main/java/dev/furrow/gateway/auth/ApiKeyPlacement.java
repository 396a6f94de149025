package dev.furrow.gateway.auth;

import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.RequestHeaders;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;

/** Where a REST face expects its API key, and the challenge it sends when the key is missing. */
public enum ApiKeyPlacement {

  /** The partner lending API: {@code X-Api-Key: <key>}. */
  X_API_KEY_HEADER("Api-Key") {
    private final AsciiString header = AsciiString.cached("x-api-key");

    @Override
    @Nullable String extract(RequestHeaders headers) {
      final String value = headers.get(header);
      return value == null || value.isBlank() ? null : value.strip();
    }
  },

  /** The pay-as-you-go LMS API: {@code Authorization: Bearer <key>}. */
  BEARER_TOKEN("Bearer") {
    @Override
    @Nullable String extract(RequestHeaders headers) {
      final String value = headers.get(HttpHeaderNames.AUTHORIZATION);
      if (value == null) {
        return null;
      }
      // Same reading as DRF's TokenAuthentication: another scheme means "no credentials here".
      final String[] parts = value.strip().split("\\s+");
      if (parts.length == 0 || !parts[0].equalsIgnoreCase("Bearer")) {
        return null;
      }
      if (parts.length == 1) {
        throw new MalformedApiKeyException("Invalid token header. No credentials provided.");
      }
      if (parts.length > 2) {
        throw new MalformedApiKeyException(
            "Invalid token header. Token string should not contain spaces.");
      }
      return parts[1];
    }
  };

  private final String challenge;

  ApiKeyPlacement(String challenge) {
    this.challenge = challenge;
  }

  /** The {@code WWW-Authenticate} value sent with every 401 of this face. */
  public String challenge() {
    return challenge;
  }

  /**
   * The key the request carries in this placement, or {@code null} when it carries none.
   *
   * @throws MalformedApiKeyException when the header is there but unusable
   */
  abstract @Nullable String extract(RequestHeaders headers);
}
