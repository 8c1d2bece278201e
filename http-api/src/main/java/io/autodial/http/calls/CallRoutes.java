package io.autodial.http.calls;

import static org.apache.pekko.http.javadsl.server.Directives.*;
import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import io.autodial.http.ApiErrors;
import io.autodial.http.Json;
import io.autodial.http.auth.Authentication;
import io.autodial.http.auth.Principal;
import io.autodial.http.auth.Role;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code /api/calls}: dial a test call, look at it, hang it up. */
public final class CallRoutes {
  private final CallsService calls;

  public CallRoutes(CallsService calls) {
    this.calls = calls;
  }

  /** Staff see and place any call; an agent only reads the calls it took. */
  public Route route(Principal principal) {
    return pathPrefix(
        "calls",
        () ->
            concat(
                pathEnd(
                    () ->
                        Authentication.staff(principal, () -> post(
                            () ->
                                entity(
                                    Json.unmarshaller(DialCallRequest.class),
                                    request ->
                                        onSuccess(
                                            calls.dial(request),
                                            view -> complete(StatusCodes.CREATED, view, Json.marshaller())))))),
                path(
                    segment(),
                    uuid ->
                        concat(
                            get(
                                () ->
                                    onSuccess(
                                        calls.get(uuid),
                                        view ->
                                            view.isPresent() && visible(principal, view.get())
                                                ? complete(StatusCodes.OK, view.get(), Json.<CallView>marshaller())
                                                : ApiErrors.error(StatusCodes.NOT_FOUND, "no call " + uuid))),
                            delete(
                                () -> Authentication.staff(principal, () ->
                                    onSuccess(
                                        calls.hangup(uuid),
                                        sent ->
                                            sent
                                                ? complete(StatusCodes.ACCEPTED)
                                                : ApiErrors.error(StatusCodes.CONFLICT, "call " + uuid + " is not live"))))))));
  }

  private static boolean visible(Principal principal, CallView call) {
    return principal.role() != Role.AGENT || (principal.agentId() != null && principal.agentId().equals(call.agentId()));
  }
}
