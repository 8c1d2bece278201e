package io.autodial.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;

import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AuthorizationFailedRejection;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedRequestContentRejection;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.server.UnsupportedRequestContentTypeRejection;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;

/** Turns every rejection and failure into a JSON {@link ErrorBody} with a 4xx (or 5xx) status. */
public final class ApiErrors {
  private ApiErrors() {}

  public static Route error(StatusCode status, String message) {
    return complete(response(status, message));
  }

  public static HttpResponse response(StatusCode status, String message) {
    try {
      byte[] body =
          Json.MAPPER.writeValueAsBytes(new ErrorBody(status.intValue(), status.reason(), message));
      return HttpResponse.create()
          .withStatus(status)
          .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static RejectionHandler rejectionHandler() {
    return RejectionHandler.newBuilder()
        .handle(MalformedRequestContentRejection.class, r -> error(StatusCodes.BAD_REQUEST, malformedBody(r.getCause())))
        .handle(UnsupportedRequestContentTypeRejection.class, r -> error(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json"))
        .handle(AuthorizationFailedRejection.class, r -> error(StatusCodes.FORBIDDEN, "this token may not do that"))
        .handleAll(MethodRejection.class, rs -> error(StatusCodes.METHOD_NOT_ALLOWED, "method not allowed here"))
        .handleNotFound(error(StatusCodes.NOT_FOUND, "no such resource"))
        .build()
        .seal();
  }

  /** A request record's own validation message when it has one, else the JSON parser's. */
  private static String malformedBody(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException && t.getMessage() != null && t.getCause() == null)
        return t.getMessage();
    }
    String detail = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
    return "the body is not valid JSON for this request: " + detail;
  }

  public static ExceptionHandler exceptionHandler() {
    return ExceptionHandler.newBuilder()
        .match(IllegalArgumentException.class, e -> error(StatusCodes.BAD_REQUEST, e.getMessage()))
        .matchAny(e -> error(StatusCodes.INTERNAL_SERVER_ERROR, "internal error: " + e.getClass().getSimpleName()))
        .build();
  }
}
