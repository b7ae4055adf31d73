create table vehicle (
    id uuid primary key,
    client_id text not null,
    user_id text not null,
    vendor text not null,
    vendor_vehicle_id text not null,
    brand text,
    model text,
    model_year integer,
    vin text,
    display_name text,
    can_start_charging boolean not null default false,
    can_stop_charging boolean not null default false,
    can_set_max_current boolean not null default false,
    has_location boolean not null default false,
    is_reachable boolean not null default false,
    last_seen timestamptz,
    state_observed_at timestamptz,
    battery_level double precision,
    range_km double precision,
    is_plugged_in boolean,
    is_charging boolean,
    is_fully_charged boolean,
    vehicle_charge_rate_kw double precision,
    charge_limit double precision,
    max_current_a double precision,
    latitude double precision,
    longitude double precision,
    location_observed_at timestamptz,
    pair_id text,
    plugged_in_charger_id text,
    charger_charge_rate_kw double precision,
    charger_rate_observed_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint vehicle_vendor_identity unique (client_id, vendor, vendor_vehicle_id)
);

-- every list is tenant-scoped and keyset-paged by (created_at, id)
create index vehicle_client_page on vehicle (client_id, created_at, id);
create index vehicle_client_user_page on vehicle (client_id, user_id, created_at, id);
create index vehicle_client_charger on vehicle (client_id, plugged_in_charger_id) where plugged_in_charger_id is not null;
