package io.autodial.node.leads;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a lead CSV from the http(s) URL an admin gave, and nothing else: redirects are not
 * followed (a 3xx is reported), other schemes are refused, and the body is cut off at a size limit
 * so a wrong URL cannot fill the node's memory. Blocking: run it on a dedicated executor.
 */
public final class LeadsetFetcher {
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

  private final HttpClient client;
  private final Duration readTimeout;
  private final long maxBytes;

  /** {@code readTimeout} bounds the whole response, headers and body. */
  public LeadsetFetcher(Duration connectTimeout, Duration readTimeout, long maxBytes) {
    this.client =
        HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.readTimeout = readTimeout;
    this.maxBytes = maxBytes;
  }

  public static LeadsetFetcher withDefaults() {
    return new LeadsetFetcher(Duration.ofSeconds(10), Duration.ofSeconds(60), DEFAULT_MAX_BYTES);
  }

  /**
   * The body of {@code url} as UTF-8 text. {@link IllegalArgumentException} when the URL is not an
   * absolute http(s) URL; {@link FetchFailed} when the server cannot give the file.
   */
  public String fetch(String url) {
    URI uri = checked(url);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(readTimeout).header("Accept", "text/csv, text/plain, */*").GET().build();
    try {
      HttpResponse<byte[]> response =
          client.sendAsync(request, info -> new LimitedBody(maxBytes)).get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
      int status = response.statusCode();
      if (status < 200 || status > 299)
        throw new FetchFailed(url + " answered HTTP " + status + (status / 100 == 3 ? " (a redirect; give the final URL)" : ""));
      return new String(response.body(), StandardCharsets.UTF_8);
    } catch (TimeoutException e) {
      throw new FetchFailed(url + " did not answer within " + readTimeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchFailed("interrupted while fetching " + url);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof FetchFailed failed) throw failed;
      if (cause instanceof TooLarge) throw new FetchFailed(url + " is larger than the limit of " + describe(maxBytes));
      if (cause instanceof HttpTimeoutException) throw new FetchFailed(url + " timed out: " + cause.getMessage());
      if (cause instanceof IOException) throw new FetchFailed("could not fetch " + url + ": " + describeIo(cause));
      throw new FetchFailed("could not fetch " + url + ": " + cause);
    }
  }

  private static URI checked(String url) {
    if (url == null || url.isBlank()) throw new IllegalArgumentException("url is required");
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url '" + url + "' is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https"))
      throw new IllegalArgumentException(
          "url '" + url + "' must start with http:// or https://" + (scheme.isEmpty() ? "" : " (" + scheme + " is not supported)"));
    if (uri.getHost() == null) throw new IllegalArgumentException("url '" + url + "' has no host");
    return uri;
  }

  private static String describe(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
  }

  private static String describeIo(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The admin's URL could not give a CSV; the message says why (status, size, timeout). */
  public static final class FetchFailed extends RuntimeException {
    public FetchFailed(String message) {
      super(message, null, false, false);
    }
  }

  private static final class TooLarge extends IOException {
    TooLarge() {
      super("body over the size limit", null);
    }
  }

  /** Collects the body, cancelling the download as soon as it passes {@code maxBytes}. */
  private static final class LimitedBody implements BodySubscriber<byte[]> {
    private final long maxBytes;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBody(long maxBytes) {
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) return;
      for (ByteBuffer buffer : buffers) {
        if (body.size() + (long) buffer.remaining() > maxBytes) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge());
          return;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        body.writeBytes(bytes);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(body.toByteArray());
    }
  }
}
