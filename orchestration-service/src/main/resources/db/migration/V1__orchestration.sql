-- One row per (API client, user): the lock that puts everything of one user in a line (device and pair events, state
-- reports, command results, API requests, deadlines), across instances. Nothing else lives here.
create table user_lock (
    client_id text not null,
    user_id text not null,
    primary key (client_id, user_id)
);

-- The devices orchestration has heard of (device-lifecycle) and their latest reported state (vehicle-/charger-state).
create table device (
    id uuid primary key,
    client_id text not null,
    user_id text not null,
    device_type text not null,
    device_id text not null,
    vendor text,
    can_start boolean not null,
    can_stop boolean not null,
    can_set_max_current boolean not null,
    -- a charger's supply (DeviceLinked/DeviceUpdated schema 2); null: unknown
    phases integer,
    voltage_v double precision,
    min_current_a double precision,
    max_current_a double precision,
    -- null: the device service has not said
    is_reachable boolean,
    unreachable_reason text,
    -- latest report by the device's clock (observed_at, event time); received_at is ours
    observed_at timestamptz,
    received_at timestamptz,
    is_plugged_in boolean,
    is_charging boolean,
    reported_max_current_a double precision,
    -- the capabilities last published on capability-events (JSON), to publish only changes
    published_capabilities text,
    removed boolean not null default false,
    linked_at timestamptz not null,
    updated_at timestamptz not null,
    unique (client_id, device_type, device_id)
);

create index device_user on device (client_id, user_id);

-- Pairs as pair-events tell them; state INACTIVE (established), ACTIVE, AMBIGUOUS or DISSOLVED.
create table pair (
    id uuid primary key,
    client_id text not null,
    user_id text not null,
    pair_id text not null,
    vehicle_id text not null,
    charger_id text not null,
    state text not null,
    confidence double precision,
    reason text,
    established_at timestamptz not null,
    updated_at timestamptz not null,
    unique (client_id, pair_id)
);

create index pair_vehicle on pair (client_id, vehicle_id);
create index pair_charger on pair (client_id, charger_id);

create table action (
    id uuid primary key,
    client_id text not null,
    user_id text not null,
    target_type text not null,
    target_id text not null,
    kind text not null,
    state text not null,
    -- what was asked (A or kW); the current sent is route_current_a
    max_current_a double precision,
    max_power_kw double precision,
    failure_type text,
    failure_detail text,
    route_via text,
    route_device_type text,
    route_device_id text,
    route_vendor text,
    route_pair_id text,
    route_current_a double precision,
    paired_pair_id text,
    paired_device_type text,
    paired_device_id text,
    attempts integer not null,
    next_attempt_at timestamptz,
    deadline timestamptz,
    -- the plan (routes considered, steps, results, observations, transitions) as JSON; never queried into
    plan text not null,
    idempotency_key text,
    -- the request an idempotency key was first used for; another request with the same key is refused
    request_fingerprint text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    completed_at timestamptz
);

create unique index action_idempotency on action (client_id, idempotency_key) where idempotency_key is not null;
-- architecture §2: one active action per target
create unique index action_one_pending_per_target on action (client_id, target_type, target_id) where state = 'PENDING';
create index action_page on action (client_id, created_at, id);
create index action_target_page on action (client_id, target_id, created_at, id);
create index action_pending_route on action (client_id, route_device_id) where state = 'PENDING';
create index action_pending_pair on action (client_id, route_pair_id) where state = 'PENDING';
create index action_due_deadline on action (deadline) where state = 'PENDING';
create index action_due_retry on action (next_attempt_at) where state = 'PENDING' and next_attempt_at is not null;

-- Per-client toggle overrides set through the admin API (architecture §8); published on client-features.
create table client_features (
    client_id text primary key,
    -- JSON object {featureKey: boolean}; only the features the client overrides
    overrides text not null,
    updated_at timestamptz not null,
    updated_by text not null
);

-- Who changed which toggle of which client, from what to what, and when. Values null: no override (the default).
create table client_feature_change (
    id bigserial primary key,
    client_id text not null,
    feature text not null,
    old_value boolean,
    new_value boolean,
    changed_by text not null,
    changed_by_client text,
    changed_at timestamptz not null
);

create index client_feature_change_page on client_feature_change (client_id, changed_at, id);
