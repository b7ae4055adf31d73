-- Which device types the user linked the account for (a later link of the other type adds to it), and when its
-- device list was last read from the OEM (the periodic re-sync takes the longest-waiting accounts first)
alter table oem_account add column links_vehicles boolean not null default false;
alter table oem_account add column links_chargers boolean not null default false;
alter table oem_account add column synced_at timestamptz;

update oem_account a set
    links_vehicles = exists (select 1 from link_session s where s.account_id = a.id and s.status = 'COMPLETED'
        and s.vehicle_requested),
    links_chargers = exists (select 1 from link_session s where s.account_id = a.id and s.status = 'COMPLETED'
        and s.charger_requested),
    synced_at = a.updated_at;

create index oem_account_resync on oem_account (synced_at nulls first) where status = 'ACTIVE' and links_vehicles;
