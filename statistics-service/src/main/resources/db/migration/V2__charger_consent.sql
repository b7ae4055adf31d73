-- Each charger's current read consent (docs/adr/0012), as its latest DeviceLinked/DeviceUpdated said it (schema 3
-- carries the scopes granted for it): without charger:read:data nothing it measured is served. Applied when sessions
-- are read, so the sessions themselves never change with it. A charger never announced with scopes has no row and
-- withholds nothing. The row stays when the charger is removed (its sessions stay too) and goes with the user.
create table charger_consent (
    client_id text not null,
    charger_id text not null,
    user_id text not null,
    -- false: the charger's link did not grant charger:read:data
    reads_data boolean not null,
    -- the announcement's occurredAt: an older announcement arriving later changes nothing
    said_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (client_id, charger_id)
);

-- what every read asks: the client's withheld chargers (few, usually none)
create index charger_consent_withheld on charger_consent (client_id) where not reads_data;

create index charger_consent_user on charger_consent (client_id, user_id);
