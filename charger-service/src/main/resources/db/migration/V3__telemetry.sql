-- Each OEM observation once: duplicates (same charger, same measurement time) publish nothing twice
create table charger_observation (
    charger_id uuid not null references charger (id) on delete cascade,
    observed_at timestamptz not null,
    received_at timestamptz not null,
    primary key (charger_id, observed_at)
);

-- Webhook deliveries already processed (replay protection); recorded in the processing transaction
create table webhook_delivery (
    delivery_id text primary key,
    vendor text not null,
    received_at timestamptz not null
);

alter table charger add column energy_meter_kwh double precision;
