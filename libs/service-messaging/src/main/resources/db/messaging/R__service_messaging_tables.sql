-- service-messaging's tables (outbox, inbox, command ledger): the one copy, shipped in this library's jar and run by
-- each service's Flyway (quarkus.flyway.locations includes db/messaging, META-INF/microprofile-config.properties), so
-- the migration user creates them, not the service's runtime user (issue 13 point 15). A repeatable migration: the
-- services' own versions differ, and Flyway runs it after them whenever it changes — hence every statement is
-- idempotent ("if not exists"), and a change is made by adding statements, never by editing a table's definition.
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

-- the command follow-up takes accepted commands by when they were last asked about (so one that cannot be settled
-- goes to the back); the retention clean-up deletes inbox marks by age (issue 13 points 4 and 6)
alter table device_command add column if not exists followed_up_at timestamptz;
create index if not exists device_command_follow_up on device_command (device_type, followed_up_at, received_at)
    where status = 'ACCEPTED';
create index if not exists processed_event_processed_at on processed_event (processed_at);

-- durable command retries (docs/adr/0014, revised): what a command's next attempt needs, in its row, so that any
-- instance can make it after the one making the attempts died — the command as it came, what its OEM is asked (the
-- device service's target), its deadline, the attempts made and when the next is due (a lease while one is in flight),
-- the last attempt's failure; the resume round finds due commands by the partial index, and whether a later command for
-- the same device came since by the second
alter table device_command add column if not exists payload text;
alter table device_command add column if not exists target text;
alter table device_command add column if not exists deadline timestamptz;
alter table device_command add column if not exists attempts int not null default 0;
alter table device_command add column if not exists next_attempt_at timestamptz;
alter table device_command add column if not exists last_error text;
create index if not exists device_command_due on device_command (device_type, next_attempt_at) where status = 'SENDING';
create index if not exists device_command_device on device_command (device_id, received_at);
