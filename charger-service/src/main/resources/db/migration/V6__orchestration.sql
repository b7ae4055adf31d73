-- The charger's supply range as its OEM lists it (phases and voltage_v exist since V1; max_current_a is the limit it
-- reports), and the capabilities orchestration unlocks through a pair (its latest CapabilitiesChanged)
alter table charger add column electrical_min_current_a double precision,
    add column electrical_max_current_a double precision;
alter table charger add column unlocked_capabilities text, add column capabilities_changed_at timestamptz;
