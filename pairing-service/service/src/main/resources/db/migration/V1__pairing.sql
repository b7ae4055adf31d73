-- One row per (API client, user): everything that user's detector knows, as the detector's own snapshot. The row is
-- the lock that serialises the user's inputs (three topics and the verdict API), and the snapshot is what makes the
-- state survive restarts and partition moves.
create table user_detector (
    client_id text not null,
    user_id text not null,
    snapshot jsonb not null,
    -- bumped on every stored change; tells an operator how busy a user is and whether a row moved
    version bigint not null default 0,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (client_id, user_id)
);

-- The pairs as the detector sees them, projected for the API (the snapshot stays the truth). Written only in the
-- same transaction as the snapshot they come from.
create table pair (
    id text primary key,
    client_id text not null,
    user_id text not null,
    vehicle_id text not null,
    charger_id text not null,
    state text not null,
    confidence double precision not null,
    -- JSON: [{signal, detail, score}] and [pairId]; served as they are, never queried into
    evidence text not null,
    candidates text not null,
    verdict text,
    verdict_at timestamptz,
    shared_episodes integer not null default 0,
    established_at timestamptz not null,
    updated_at timestamptz,
    activated_at timestamptz,
    -- the row's first projection: the immutable sort key of the lists
    created_at timestamptz not null
);

create index pair_client_page on pair (client_id, created_at, id);
create index pair_client_user_page on pair (client_id, user_id, created_at, id);
create index pair_client_vehicle on pair (client_id, vehicle_id);
create index pair_client_charger on pair (client_id, charger_id);

-- Every transition of every pair, in the order the detector made them.
create table pair_transition (
    id bigserial primary key,
    pair_id text not null,
    client_id text not null,
    user_id text not null,
    from_state text,
    to_state text not null,
    -- event time of the decision (the detector's clock), not when it was written
    transitioned_at timestamptz not null,
    reason text not null,
    confidence double precision not null,
    evidence text not null,
    candidates text not null,
    recorded_at timestamptz not null
);

create index pair_transition_history on pair_transition (client_id, pair_id, transitioned_at, id);
