-- One row per (API client, user): the lock that puts the user's inputs from five topics in a line, so one user's
-- sessions are decided one input at a time (and across instances).
create table user_ledger (
    client_id text not null,
    user_id text not null,
    -- bumped on every input that changed something; tells an operator how busy a user is
    version bigint not null default 0,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (client_id, user_id)
);

-- What each telemetry report says about charging, at its event time. Estimated sessions are a function of these
-- (TelemetryRuns): a late or duplicate report is placed where it belongs and only its neighbours are rebuilt.
create table telemetry_sample (
    client_id text not null,
    user_id text not null,
    -- CHARGER_RATE or VEHICLE_RATE: which device measured
    basis text not null,
    device_id text not null,
    observed_at timestamptz not null,
    charging boolean not null,
    rate_kw double precision,
    primary key (client_id, basis, device_id, observed_at)
);

-- The user's pair events as attribution reads them, in the order they arrived (one partition per user).
create table pair_fact (
    sequence bigserial primary key,
    client_id text not null,
    user_id text not null,
    event_id uuid not null,
    at timestamptz not null,
    kind text not null,
    pair_id text not null,
    vehicle_id text not null,
    charger_id text not null,
    confidence double precision not null,
    attributed_by text,
    reason text,
    -- JSON [pairId]
    candidates text not null
);

create index pair_fact_user_time on pair_fact (client_id, user_id, at);

-- Every session, as measured (native from the charger's meter, estimated from telemetry) and as decided (whose it
-- is and how that changed, which measurement of the same energy counts, when its energy flowed). The decided columns
-- are rewritten whenever an input changes them; JSON columns are served back as they are, never queried into.
create table charging_session (
    client_id text not null,
    id text not null,
    user_id text not null,
    source text not null,
    basis text not null,
    charger_id text,
    own_vehicle_id text,
    started_at timestamptz not null,
    ended_at timestamptz not null,
    energy_kwh double precision,
    meter_start_kwh double precision,
    meter_stop_kwh double precision,
    first_sample_at timestamptz,
    last_sample_at timestamptz,
    gaps text not null,
    own_profile text not null,
    attribution text not null,
    -- the attributed vehicle, or the vehicle that measured a VEHICLE_RATE session
    vehicle_id text,
    pair_id text,
    confidence double precision,
    attributed_by text,
    candidates text not null,
    attribution_at timestamptz,
    attribution_reason text,
    attribution_history text not null,
    superseded_by text,
    superseded_without_native_by text,
    cross_check text,
    flow text not null,
    recorded_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (client_id, id)
);

create index charging_session_page on charging_session (client_id, started_at, id);
create index charging_session_user on charging_session (client_id, user_id, started_at);
create index charging_session_charger on charging_session (client_id, charger_id, started_at);
create index charging_session_vehicle on charging_session (client_id, vehicle_id, started_at);
create index charging_session_device_estimates on charging_session (client_id, basis, charger_id, own_vehicle_id,
    first_sample_at);
