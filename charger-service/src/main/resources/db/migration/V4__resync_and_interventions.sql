-- When the account's chargers were last read from the OEM (link, rotation or periodic re-sync), and when the OEM last
-- refused its credential (cleared by the next credential vehicle-service announces)
alter table oem_account add column synced_at timestamptz;
alter table oem_account add column credential_refused_at timestamptz;
update oem_account set synced_at = updated_at;
create index oem_account_resync on oem_account (synced_at nulls first);
