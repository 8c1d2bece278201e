package io.autodial.freeswitch.sim;

import java.util.concurrent.CompletableFuture;

/** The output of an API command, now or later (originate completes at answer or failure). */
record ApiResult(CompletableFuture<String> output) {
    static ApiResult now(String text) {
        return new ApiResult(CompletableFuture.completedFuture(text));
    }
}
