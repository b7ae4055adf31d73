create table charger (
    id uuid primary key,
    client_id text not null,
    user_id text not null,
    vendor text not null,
    vendor_charger_id text not null,
    brand text,
    model text,
    model_year integer,
    serial_number text,
    display_name text,
    can_start_charging boolean not null default false,
    can_stop_charging boolean not null default false,
    can_set_max_current boolean not null default false,
    phases integer,
    voltage_v double precision,
    latitude double precision,
    longitude double precision,
    is_reachable boolean not null default false,
    last_seen timestamptz,
    state_observed_at timestamptz,
    is_plugged_in boolean,
    is_charging boolean,
    charge_rate_kw double precision,
    max_current_a double precision,
    pair_id text,
    plugged_in_vehicle_id text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint charger_vendor_identity unique (client_id, vendor, vendor_charger_id)
);

create index charger_client_page on charger (client_id, created_at, id);
create index charger_client_user_page on charger (client_id, user_id, created_at, id);
