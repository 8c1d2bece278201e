-- The compliance audit trail's read model: one row per recorded decision, written exactly once
-- by the compliance-audit projection. It holds no phone number in clear, only its keyed hash
-- (HMAC-SHA256, hex), so it survives a contact's erasure.
CREATE TABLE compliance_audit (
  id           BIGSERIAL PRIMARY KEY,
  event_id     UUID NOT NULL UNIQUE,        -- makes a replayed event a no-op
  at           TIMESTAMPTZ NOT NULL,
  kind         VARCHAR(32) NOT NULL,
  campaign_id  VARCHAR(64),                 -- NULL: a decision outside any campaign
  lead_id      BIGINT,
  phone_hash   CHAR(64),
  rule         VARCHAR(64),
  detail       TEXT,
  actor        VARCHAR(128) NOT NULL
);
CREATE INDEX compliance_audit_lead_idx ON compliance_audit (lead_id, id) WHERE lead_id IS NOT NULL;
CREATE INDEX compliance_audit_campaign_at_idx ON compliance_audit (campaign_id, at);
CREATE INDEX compliance_audit_campaign_kind_idx ON compliance_audit (campaign_id, kind, at);
CREATE INDEX compliance_audit_phone_idx ON compliance_audit (phone_hash, id) WHERE phone_hash IS NOT NULL;

-- The installation's key for hashing phone numbers when AUTODIAL_AUDIT_HASH_KEY is not set: made
-- once by the first node that needs it, then read by every node and every restart (a new key
-- would make the old hashes unfindable). One row at most.
CREATE TABLE audit_hash_key (
  singleton   BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (singleton),
  hash_key    BYTEA NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
