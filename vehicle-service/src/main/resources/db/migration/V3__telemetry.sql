-- Each OEM observation once: duplicates (same vehicle, same measurement time) publish nothing twice
create table vehicle_observation (
    vehicle_id uuid not null references vehicle (id) on delete cascade,
    observed_at timestamptz not null,
    received_at timestamptz not null,
    primary key (vehicle_id, observed_at)
);

-- Webhook deliveries already processed (replay protection); recorded in the processing transaction
create table webhook_delivery (
    delivery_id text primary key,
    vendor text not null,
    received_at timestamptz not null
);
