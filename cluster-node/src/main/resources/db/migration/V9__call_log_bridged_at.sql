-- When the customer was bridged to the agent: the agent's time with the customer runs from here
-- to ended_at (answered_at and live_at come earlier, before an agent was chosen).
ALTER TABLE call_log ADD COLUMN bridged_at TIMESTAMPTZ;
