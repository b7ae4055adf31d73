-- Issue 13 #10: the link flow is bound to the browser that opened the link URL. The start answers with a cookie
-- holding a random nonce (path: the callback only); its SHA-256 is kept here and the callback refuses a browser
-- without it (docs/adr/0012).
alter table link_session add column browser_binding_hash text;

-- Issue 13 #12: the scopes the API client was granted (space-separated, as in OAuth), per account as its links asked
-- for them (a link replaces the scopes of the device types it asks for), and copied onto each of its vehicles, whose
-- announced capabilities and view they govern (docs/adr/0012). Accounts linked before take them from their latest
-- completed link session; without one, null: nothing beyond reading data.
alter table oem_account add column scopes text;
alter table vehicle add column granted_scopes text;

update oem_account a set scopes = (select s.scopes from link_session s
    where s.account_id = a.id and s.status = 'COMPLETED' order by s.completed_at desc nulls last limit 1);
update vehicle v set granted_scopes = (select a.scopes from oem_account a where a.id = v.account_id)
    where v.account_id is not null;
-- what the client may not see or do is not offered (re-announced to the other services at the account's next link)
update vehicle set
    has_location = has_location and coalesce(' ' || granted_scopes || ' ' like '% vehicle:read:location %', false),
    can_start_charging = can_start_charging
        and coalesce(' ' || granted_scopes || ' ' like '% vehicle:control:charging %', false),
    can_stop_charging = can_stop_charging
        and coalesce(' ' || granted_scopes || ' ' like '% vehicle:control:charging %', false),
    can_set_max_current = can_set_max_current
        and coalesce(' ' || granted_scopes || ' ' like '% vehicle:control:charging %', false)
    where account_id is not null;
