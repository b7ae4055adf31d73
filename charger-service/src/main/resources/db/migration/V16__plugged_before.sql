-- The plug state in force before the second of the state kept (docs/adr/0018, amendment of session 11): OEMs date
-- reports to the second, and a state read taken just before an unplug can arrive after the unplug's push, dated in the
-- same second. Such a report repeats this plug state while the second holds the change, so device-kit's StateOrder
-- orders it before the change and it changes no state. Null: unknown (rows kept from before, until their next report
-- of a later second), and then the rule stays out.
alter table charger add column plugged_before boolean;
