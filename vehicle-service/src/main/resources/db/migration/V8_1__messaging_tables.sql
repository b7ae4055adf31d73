-- service-messaging's tables (outbox, inbox, command ledger), created by the migration user like every other table,
-- instead of at start-up by the service's runtime user (issue 13 point 15). "if not exists": databases where
-- service-messaging's MessagingSchema already created them keep them as they are.
create table if not exists outbox_event (
    sequence bigserial primary key,
    topic text not null,
    message_key text,
    event_id uuid not null,
    event_type text not null,
    payload text not null,
    created_at timestamptz not null default now()
);
alter table outbox_event add column if not exists attempts int not null default 0;
alter table outbox_event add column if not exists last_error text;
alter table outbox_event add column if not exists parked_at timestamptz;

create table if not exists device_command (
    command_id uuid primary key,
    action_id uuid,
    client_id text not null,
    device_type text not null,
    device_id text not null,
    kind text not null,
    status text not null,
    oem_command_id text,
    reason text,
    received_at timestamptz not null,
    completed_at timestamptz
);
alter table device_command add column if not exists user_id text;

create table if not exists processed_event (
    consumer text not null,
    event_id uuid not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
