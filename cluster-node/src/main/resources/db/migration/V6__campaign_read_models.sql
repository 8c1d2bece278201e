-- call_log learns who dialed a call and who took it; campaigns and agent states get read models.
ALTER TABLE call_log
  ADD COLUMN campaign_id   VARCHAR(64),
  ADD COLUMN lead_id       BIGINT,
  ADD COLUMN agent_id      VARCHAR(64),
  ADD COLUMN abandoned     BOOLEAN NOT NULL DEFAULT FALSE,
  ADD COLUMN disposition   VARCHAR(64),
  ADD COLUMN notes         TEXT,
  ADD COLUMN callback_at   TIMESTAMPTZ,
  ADD COLUMN dnc           BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX call_log_campaign_idx ON call_log (campaign_id, ended_at);

CREATE TABLE campaigns (
  campaign_id  VARCHAR(64) PRIMARY KEY,
  name         VARCHAR(200) NOT NULL,
  status       VARCHAR(16) NOT NULL,
  settings     JSONB NOT NULL,
  agent_ids    JSONB NOT NULL DEFAULT '[]',
  updated_at   TIMESTAMPTZ NOT NULL
);

-- One row per agent: its state and since when; time in each state is in agent_state_log.
CREATE TABLE agent_states (
  agent_id     VARCHAR(64) PRIMARY KEY,
  campaign_id  VARCHAR(64),
  status       VARCHAR(16) NOT NULL,
  pause_reason VARCHAR(200),
  since        TIMESTAMPTZ NOT NULL
);
CREATE INDEX agent_states_campaign_idx ON agent_states (campaign_id, status);

CREATE TABLE agent_state_log (
  agent_id     VARCHAR(64) NOT NULL,
  status       VARCHAR(16) NOT NULL,
  started_at   TIMESTAMPTZ NOT NULL,
  ended_at     TIMESTAMPTZ,
  PRIMARY KEY (agent_id, started_at)
);
