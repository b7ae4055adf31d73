create table oem_account (
    id uuid primary key,
    client_id text not null,
    user_id text not null,
    vendor text not null,
    oem_account_id text not null,
    -- AES-GCM, bound to id; never plaintext
    sealed_access_token text not null,
    sealed_refresh_token text,
    access_token_expires_at timestamptz not null,
    status text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint oem_account_identity unique (client_id, vendor, oem_account_id)
);

create table link_session (
    id uuid primary key,
    client_id text not null,
    user_id text not null,
    vendor text,
    vehicle_requested boolean not null,
    charger_requested boolean not null,
    scopes text not null,
    redirect_uri text not null,
    -- SHA-256 of the secrets, so a database reader cannot hijack an open session
    link_token_hash text not null,
    state_nonce_hash text,
    status text not null,
    failure_reason text,
    account_id uuid references oem_account (id) on delete set null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    completed_at timestamptz
);

create index link_session_client on link_session (client_id, id);

alter table vehicle add column account_id uuid references oem_account (id) on delete set null;
create index vehicle_account on vehicle (account_id);
