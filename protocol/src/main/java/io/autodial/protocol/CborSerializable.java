package io.autodial.protocol;

/**
 * Marker for every message, event and state that crosses a node boundary or is persisted.
 * Bound to Jackson CBOR in {@code serialization.conf}; Java serialization is disabled.
 */
public interface CborSerializable {}
