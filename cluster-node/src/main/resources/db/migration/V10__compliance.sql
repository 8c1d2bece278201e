-- Compliance: every dial attempt per lead (attempt limits, spacing, the lock-out after an abandoned
-- call), consent records, the company's own caller-id numbers, and live answers / abandoned calls
-- per campaign per hour (the rolling 30-day or 24-hour abandonment rate survives restarts).

-- BLOCKED: a compliance rule that does not pass with time (no consent, a campaign's DNC list)
-- keeps the lead from being dialed; blocked_by names the rule.
ALTER TABLE leads DROP CONSTRAINT leads_status_check;
ALTER TABLE leads ADD CONSTRAINT leads_status_check CHECK (status IN
  ('NEW', 'DIALING', 'RETRY', 'CALLBACK', 'ANSWERED', 'DROPPED', 'FAILED', 'DNC', 'INVALID', 'BLOCKED'));
ALTER TABLE leads ADD COLUMN blocked_by VARCHAR(32);

CREATE TABLE lead_attempts (
  call_uuid    UUID PRIMARY KEY,
  lead_id      BIGINT NOT NULL,
  phone        VARCHAR(16) NOT NULL,
  campaign_id  VARCHAR(64) NOT NULL,
  at           TIMESTAMPTZ NOT NULL,
  abandoned    BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX lead_attempts_lead_idx ON lead_attempts (lead_id, at);
CREATE INDEX lead_attempts_abandoned_idx ON lead_attempts (phone, at) WHERE abandoned;

-- Consent to be called, per lead. A revocation (by any channel) ends a record; it is kept.
CREATE TABLE lead_consents (
  id           BIGSERIAL PRIMARY KEY,
  lead_id      BIGINT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
  written      BOOLEAN NOT NULL,            -- prior express written consent (not only express)
  source       TEXT NOT NULL,               -- where it was given: a web form, a call, a contract
  method       TEXT NOT NULL,               -- how: checkbox, recorded verbal, signature
  obtained_at  TIMESTAMPTZ NOT NULL,
  revoked_at   TIMESTAMPTZ,
  revoked_via  TEXT                         -- AGENT, INBOUND_STOP, API
);
CREATE INDEX lead_consents_lead_idx ON lead_consents (lead_id);

-- The numbers the company owns: a campaign's caller id must be one of them.
CREATE TABLE company_numbers (
  number    VARCHAR(16) PRIMARY KEY CHECK (number ~ '^\+[1-9][0-9]{1,14}$'),
  label     TEXT,
  added_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE campaign_abandonment_hours (
  campaign_id  VARCHAR(64) NOT NULL,
  hour         TIMESTAMPTZ NOT NULL,
  live         INT NOT NULL DEFAULT 0,   -- answers by a person (AMD: human, not sure, or timed out)
  abandoned    INT NOT NULL DEFAULT 0,   -- of those, not connected to an agent within 2 s
  machines     INT NOT NULL DEFAULT 0,   -- answers AMD called a machine (UK: false positives are estimated from these)
  PRIMARY KEY (campaign_id, hour)
);
