-- Polling claims shared by every instance (issue 14 point 4): device-kit's StatePoller claims quiet devices
-- "for update skip locked" and makes each due again one cadence later (or after its account's 429 pause) here,
-- instead of in one instance's memory, so two instances never ask an OEM for the same device in the same cadence.
-- Wall clock; not mapped by the entity, so no other writer of the row touches it.
alter table charger add column poll_due_at timestamptz;
create index charger_poll_candidates on charger (last_seen nulls first) where account_id is not null;
