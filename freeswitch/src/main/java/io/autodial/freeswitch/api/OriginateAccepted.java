package io.autodial.freeswitch.api;

/** The switch took the originate job: the leg {@code uuid} now lives on {@code switchId}. */
public record OriginateAccepted(String uuid, String switchId, String jobUuid) {}
