-- Accounts announced by vehicle-service (OemAccountLinked); the access token stays sealed (AES-GCM, bound to id)
create table oem_account (
    id uuid primary key,
    client_id text not null,
    user_id text not null,
    vendor text not null,
    oem_account_id text not null,
    sealed_access_token text not null,
    access_token_expires_at timestamptz not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

alter table charger add column account_id uuid references oem_account (id) on delete set null;
create index charger_account on charger (account_id);
