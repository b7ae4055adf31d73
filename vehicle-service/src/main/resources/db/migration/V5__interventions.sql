-- Set when the OEM refused the account's grant: the user must link again (an intervention, not a deletion)
alter table vehicle add column needs_relink boolean not null default false;
