package io.autodial.http;

/** Every error the API returns: a status and a message that says what to fix. */
public record ErrorBody(int status, String error, String message) {}
