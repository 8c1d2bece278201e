package io.autodial.node.compliance.dnc;

/** The do-not-call lists a number is scrubbed against, in the order {@link DncLists#check} consults them. */
public enum DncListKind {
  /** The company-wide list: applies to every campaign. */
  INTERNAL,
  /** One campaign's own list. */
  CAMPAIGN,
  /** The national registry, imported from the regulator's file. */
  NATIONAL_REGISTRY
}
