package io.autodial.freeswitch.codec;

/** One {@code Name: value} line; the value is kept as it is carried (decoded for event headers). */
public record EslHeader(String name, String value) {}
