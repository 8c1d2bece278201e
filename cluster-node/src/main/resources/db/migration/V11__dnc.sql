-- Do-not-call lists. Every node holds them all in memory (DncLists) and scrubs each dial there;
-- these tables are the durable copy and how nodes learn of each other's changes.

-- The internal list (campaign_id = '') and every campaign's list. A node polls
-- "WHERE seq > last": a removal keeps the row, sets removed_at and takes a new seq, so the poll
-- sees it too. Writers take an advisory lock before nextval, so seqs become visible in order and a
-- poll never skips a seq that commits late.
CREATE TABLE dnc_entries (
  seq          BIGSERIAL PRIMARY KEY,
  number       BIGINT NOT NULL CHECK (number > 0),   -- E.164 digits without '+'
  campaign_id  VARCHAR(128) NOT NULL DEFAULT '',     -- '' = the internal (company-wide) list
  source       VARCHAR(16) NOT NULL CHECK (source IN
                 ('API', 'DISPOSITION', 'OPT_OUT', 'INBOUND_STOP', 'REGISTRY_IMPORT', 'ERASURE')),
  note         TEXT,
  added_at     TIMESTAMPTZ NOT NULL,
  removed_at   TIMESTAMPTZ,
  CONSTRAINT dnc_entries_number_campaign_key UNIQUE (number, campaign_id)
);

-- National registry imports. The numbers of each import go into their own table,
-- dnc_registry_<id> (number BIGINT), filled with COPY; the import becomes current in one
-- transaction that also drops the previous import's table, so a registry is replaced atomically.
-- Nodes poll for the current id and load its table when it changes.
CREATE TABLE dnc_registry_imports (
  id              BIGSERIAL PRIMARY KEY,
  registry_date   DATE NOT NULL,
  state           VARCHAR(8) NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
  lines_read      BIGINT NOT NULL DEFAULT 0,
  numbers_loaded  BIGINT NOT NULL DEFAULT 0,
  duplicates      BIGINT NOT NULL DEFAULT 0,  -- good lines that repeated a number
  rejected        BIGINT NOT NULL DEFAULT 0,
  first_rejected  TEXT,              -- "<line>\t<reason>" per line, the first few only
  failure         TEXT,
  started_at      TIMESTAMPTZ NOT NULL,
  finished_at     TIMESTAMPTZ,
  is_current      BOOLEAN NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX dnc_registry_imports_one_current ON dnc_registry_imports (is_current) WHERE is_current;
