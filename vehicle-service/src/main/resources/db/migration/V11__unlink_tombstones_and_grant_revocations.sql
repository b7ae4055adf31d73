-- docs/adr/0011. A device the API client unlinked: no account sync discovers it again until the user links the
-- account again through the link flow (device-kit's UnlinkedDevices).
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

-- OEM grants to revoke (RFC 7009) once the account is gone: its last vehicle unlinked, its user erased. The row
-- outlives the account on purpose (no client or user in it): a failed revocation is retried until the OEM confirms.
create table grant_revocation (
    id uuid primary key,
    -- the sealed token is bound to the account's id
    account_id uuid not null,
    vendor text not null,
    sealed_token text not null,
    attempts integer not null default 0,
    next_attempt_at timestamptz not null,
    last_error text,
    created_at timestamptz not null
);

create index grant_revocation_due on grant_revocation (next_attempt_at);
