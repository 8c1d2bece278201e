-- One row per call leg, written exactly once per event by the call-log projection.
CREATE TABLE call_log (
  call_uuid      UUID PRIMARY KEY,
  switch_id      VARCHAR(64),
  leg_kind       VARCHAR(16) NOT NULL,
  caller         VARCHAR(64) NOT NULL,
  receiver       VARCHAR(64) NOT NULL,
  started_at     TIMESTAMPTZ NOT NULL,
  ringing_at     TIMESTAMPTZ,
  answered_at    TIMESTAMPTZ,
  ended_at       TIMESTAMPTZ,
  duration_sec   BIGINT,
  billsec        BIGINT,
  hangup_cause   VARCHAR(64),
  sip_status     INTEGER,
  amd_result     VARCHAR(16),
  bridged_to     UUID,
  recording_url  TEXT
);
CREATE INDEX call_log_started_at_idx ON call_log (started_at);
