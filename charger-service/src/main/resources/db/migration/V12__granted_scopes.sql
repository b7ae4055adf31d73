-- docs/adr/0012. The scopes the API client was granted for an account (OemAccountLinked.scopes, schema 3), space-
-- separated; null while no announcement has carried them (an account announced before: nothing is withheld). Each
-- charger keeps a copy, set whenever its account's device list is applied; its capabilities and view obey it.
alter table oem_account add column scopes text;
alter table charger add column granted_scopes text;
