package io.autodial.node.compliance;

/** What consent a campaign needs before it dials a lead. */
public enum ConsentRequirement {
  /** No consent record is needed (e.g. an existing business relationship, manual dialing). */
  NONE,
  /** Any unrevoked consent record. */
  ANY,
  /** An unrevoked prior express written consent. */
  WRITTEN
}
