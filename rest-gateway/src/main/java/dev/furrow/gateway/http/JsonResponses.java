package dev.furrow.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import java.io.UncheckedIOException;

/**
 * Renders response bodies as {@code application/json; charset=utf-8}, the way both REST faces
 * expect them: compact, and with snake_case names for record components ({@code reportCount}
 * becomes {@code report_count}). Map keys are written as they are.
 */
public final class JsonResponses {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private JsonResponses() {}

  /** A response with the given status and the body serialized as JSON. */
  public static HttpResponse of(HttpStatus status, Object body) {
    return HttpResponse.of(status, MediaType.JSON_UTF_8, toBytes(body));
  }

  /** Like {@link #of(HttpStatus, Object)}, for the places Armeria wants an aggregated response. */
  public static AggregatedHttpResponse aggregated(HttpStatus status, Object body) {
    return AggregatedHttpResponse.of(status, MediaType.JSON_UTF_8, toBytes(body));
  }

  private static byte[] toBytes(Object body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialize " + body.getClass().getName(), e);
    }
  }
}
