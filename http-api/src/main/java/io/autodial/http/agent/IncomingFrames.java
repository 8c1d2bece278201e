package io.autodial.http.agent;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Turns a WebSocket message into text. A message may arrive streamed in many frames: it is read to
 * its end (so the connection keeps flowing) but at most {@code maxChars} are kept, so a client
 * cannot make the node buffer an unbounded message. Binary messages are drained and refused.
 */
final class IncomingFrames {

  sealed interface Frame {}

  record Text(String text) implements Frame {}

  record Refused(String reason) implements Frame {}

  private IncomingFrames() {}

  static CompletionStage<Frame> read(Message message, Materializer materializer, int maxChars) {
    if (!message.isText())
      return message
          .asBinaryMessage()
          .getStreamedData()
          .runWith(Sink.ignore(), materializer)
          .<Frame>thenApply(done -> new Refused("binary messages are not supported; send JSON as text"));
    return message
        .asTextMessage()
        .getStreamedText()
        .runFold(new CappedText(maxChars), CappedText::append, materializer)
        .<Frame>thenApply(CappedText::frame);
  }

  /** Keeps the first {@code max} characters and counts the rest. */
  private static final class CappedText {
    private final int max;
    private final StringBuilder kept = new StringBuilder();
    private long total;

    CappedText(int max) {
      this.max = max;
    }

    CappedText append(String part) {
      total += part.length();
      if (total <= max) kept.append(part);
      return this;
    }

    Frame frame() {
      return total <= max
          ? new Text(kept.toString())
          : new Refused("the message has " + total + " characters; the limit is " + max);
    }
  }
}
