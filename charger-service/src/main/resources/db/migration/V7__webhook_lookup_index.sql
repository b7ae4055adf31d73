-- Every OEM webhook finds its charger by the vendor's id, across API clients (DeviceRepository.findByVendorIdForUpdate:
-- vendor = ? and vendor_charger_id = ?). The unique constraint leads with client_id, so it cannot serve that lookup:
-- with 100,000 chargers EXPLAIN ANALYZE showed a sequential scan of the whole table, 54 ms per webhook (issue 14,
-- dev/benchmarks/README.md "Indexes"). With this index it is an index scan.
create index charger_vendor_lookup on charger (vendor, vendor_charger_id);
