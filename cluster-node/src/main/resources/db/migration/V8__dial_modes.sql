-- Dialing modes: what AMD and recorded messages did on each call, leads held for an agent's
-- preview, and the leads agents skipped in preview.
ALTER TABLE call_log
  ADD COLUMN live_at            TIMESTAMPTZ,                    -- the answer became a person's (AMD verdict, or the answer without AMD)
  ADD COLUMN amd                BOOLEAN NOT NULL DEFAULT FALSE, -- the answer waited for answering-machine detection
  ADD COLUMN broadcast          BOOLEAN NOT NULL DEFAULT FALSE, -- a recorded-message call, no agent
  ADD COLUMN message            TEXT,                           -- the recording played to the callee
  ADD COLUMN message_played_at  TIMESTAMPTZ;                    -- it played to the end (delivered)
CREATE INDEX call_log_broadcast_idx ON call_log (campaign_id) WHERE broadcast;

-- A lead reserved for an agent's preview stays with that agent until it dials or skips it: the
-- sweep of reservations whose call never started leaves it alone.
ALTER TABLE leads ADD COLUMN held_by_agent VARCHAR(64);

CREATE TABLE lead_skips (
  agent_id     VARCHAR(64) NOT NULL,
  lead_id      BIGINT NOT NULL,
  campaign_id  VARCHAR(64) NOT NULL,
  call_uuid    UUID NOT NULL,          -- the attempt the preview reserved; it was never dialed
  reason       TEXT NOT NULL,
  skipped_at   TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (call_uuid)
);
CREATE INDEX lead_skips_lead_idx ON lead_skips (lead_id, skipped_at);
