-- Capabilities orchestration unlocks through a pair (its latest CapabilitiesChanged), and the latest action that
-- concerns the vehicle (ActionUpdated, its own or its paired charger's), mirrored on the view
alter table vehicle add column unlocked_capabilities text, add column capabilities_changed_at timestamptz;
alter table vehicle add column last_action_id uuid, add column last_action_kind text, add column last_action_state text,
    add column last_action_pair_id text, add column last_action_at timestamptz;
