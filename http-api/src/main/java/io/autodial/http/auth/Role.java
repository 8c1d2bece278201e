package io.autodial.http.auth;

/** What a user may do: admins configure, supervisors watch and report, agents work their calls. */
public enum Role {
  ADMIN,
  SUPERVISOR,
  AGENT
}
