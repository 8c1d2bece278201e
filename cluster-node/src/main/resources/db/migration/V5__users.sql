-- Who may log in. Agents are users with role AGENT and an agent id (the id of their Agent entity).
CREATE TABLE users (
  id             BIGSERIAL PRIMARY KEY,
  username       VARCHAR(64) NOT NULL UNIQUE,
  password_hash  VARCHAR(200) NOT NULL,
  role           VARCHAR(16) NOT NULL CHECK (role IN ('ADMIN', 'SUPERVISOR', 'AGENT')),
  agent_id       VARCHAR(64) UNIQUE,
  display_name   VARCHAR(128) NOT NULL DEFAULT '',
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((role = 'AGENT') = (agent_id IS NOT NULL))
);
