-- docs/adr/0011: TableRetention deletes an unlink tombstone some days after its account is gone, and a grant
-- revocation the OEM never confirmed after plugmate.revocations.give-up-after; both by their time column.
create index unlinked_device_unlinked on unlinked_device (unlinked_at);
create index grant_revocation_created on grant_revocation (created_at);
