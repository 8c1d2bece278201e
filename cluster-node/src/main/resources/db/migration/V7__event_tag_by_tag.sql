-- Projections read events by tag ("WHERE tag = ? AND ordering > ?") several times a second; the
-- event_tag primary key (event_id, tag) cannot serve that, so every poll scanned the whole table.
CREATE INDEX IF NOT EXISTS event_tag_tag_event_idx ON event_tag (tag, event_id);
