-- docs/adr/0011. A charger the API client unlinked: neither the re-sync nor a credential announcement discovers it
-- again; only an announcement of the user's explicit link (OemAccountLinked.linkedByUser) lifts it
-- (device-kit's UnlinkedDevices).
create table unlinked_device (
    client_id text not null,
    vendor text not null,
    vendor_device_id text not null,
    user_id text not null,
    account_id uuid,
    unlinked_at timestamptz not null,
    primary key (client_id, vendor, vendor_device_id)
);

create index unlinked_device_user on unlinked_device (client_id, user_id);
