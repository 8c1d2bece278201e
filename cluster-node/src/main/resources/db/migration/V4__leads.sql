-- Lead sets and their leads. Leads are rows, not actor state: a set can hold millions, and many
-- dialers on many nodes reserve from it with SELECT ... FOR UPDATE SKIP LOCKED.
CREATE TABLE leadsets (
  id           BIGSERIAL PRIMARY KEY,
  name         VARCHAR(200) NOT NULL UNIQUE,
  description  TEXT,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE leads (
  id                BIGSERIAL PRIMARY KEY,
  leadset_id        BIGINT NOT NULL REFERENCES leadsets (id) ON DELETE CASCADE,
  -- E.164: '+', a country code that does not start with 0, at most 15 digits in all.
  phone             VARCHAR(16) NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{1,14}$'),
  first_name        TEXT,
  last_name         TEXT,
  email             TEXT,
  company           TEXT,
  time_zone         VARCHAR(64),            -- IANA id; NULL when the number maps to several zones
  status            VARCHAR(16) NOT NULL CHECK (status IN
                      ('NEW', 'DIALING', 'RETRY', 'CALLBACK', 'ANSWERED', 'DROPPED', 'FAILED', 'DNC', 'INVALID')),
  priority          INT NOT NULL DEFAULT 0,
  custom            JSONB NOT NULL DEFAULT '{}',
  attempts          INT NOT NULL DEFAULT 0,
  next_dial_at      TIMESTAMPTZ,            -- NULL = dialable now
  last_outcome      VARCHAR(16),
  last_call_uuid    UUID,
  reserved_by_call  UUID UNIQUE,            -- the call uuid of the one attempt holding this lead
  reserved_at       TIMESTAMPTZ,
  created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT leads_leadset_phone_key UNIQUE (leadset_id, phone),
  CONSTRAINT leads_reservation_consistent CHECK ((reserved_by_call IS NULL) = (reserved_at IS NULL))
);

-- Serves the reservation query: only dialable, unreserved rows are in it, in the order they are
-- picked (NULL next_dial_at sorts last, after overdue retries, since NULL means "now").
CREATE INDEX leads_dialable_idx ON leads (leadset_id, priority DESC, next_dial_at ASC NULLS LAST, id)
  WHERE reserved_by_call IS NULL AND status IN ('NEW', 'RETRY', 'CALLBACK', 'DROPPED');

-- Serves the release of reservations left behind by a crash.
CREATE INDEX leads_reserved_at_idx ON leads (reserved_at) WHERE reserved_by_call IS NOT NULL;
