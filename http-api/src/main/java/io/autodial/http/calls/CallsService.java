package io.autodial.http.calls;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** What the call routes need from the node. */
public interface CallsService {
  /** Starts a call; fails with IllegalArgumentException when the request cannot be dialed. */
  CompletionStage<CallView> dial(DialCallRequest request);

  CompletionStage<Optional<CallView>> get(String uuid);

  CompletionStage<Boolean> hangup(String uuid);
}
