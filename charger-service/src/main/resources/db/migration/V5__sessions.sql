-- What each observation said about the cable and the meter: sessions are derived from these, by event time
alter table charger_observation add column is_plugged_in boolean;
alter table charger_observation add column energy_meter_kwh double precision;

-- Plug sessions as the charger's own reports tell them: open while ended_at is null, published once when closed
create table charger_session (
    id uuid primary key,
    charger_id uuid not null references charger (id) on delete cascade,
    started_at timestamptz not null,
    meter_start_kwh double precision,
    ended_at timestamptz,
    meter_stop_kwh double precision,
    created_at timestamptz not null,
    constraint charger_session_order check (ended_at is null or ended_at >= started_at)
);

create unique index charger_session_open on charger_session (charger_id) where ended_at is null;
create index charger_session_time on charger_session (charger_id, started_at);
