package io.autodial.http.agent;

import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.getFromResource;
import static org.apache.pekko.http.javadsl.server.Directives.getFromResourceDirectory;
import static org.apache.pekko.http.javadsl.server.Directives.pathEndOrSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.respondWithHeaders;

import java.util.List;
import org.apache.pekko.http.javadsl.model.headers.CacheControl;
import org.apache.pekko.http.javadsl.model.headers.CacheDirectives;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The agent page: {@code GET /agent} and its assets under {@code /agent/}, from {@code web/} on the
 * classpath. Served without a token: the page holds no data, it logs in through the API itself.
 */
public final class WebRoutes {
  public Route route() {
    return get(
        () ->
            pathPrefix(
                "agent",
                () ->
                    // no-cache: after a deploy agents must not keep a page that speaks an older protocol
                    respondWithHeaders(
                        List.of(
                            CacheControl.create(CacheDirectives.NO_CACHE),
                            RawHeader.create("X-Content-Type-Options", "nosniff")),
                        () ->
                            concat(
                                pathEndOrSingleSlash(() -> getFromResource("web/agent.html")),
                                getFromResourceDirectory("web")))));
  }
}
