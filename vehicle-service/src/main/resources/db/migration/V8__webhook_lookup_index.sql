-- Every OEM webhook finds its vehicle by the vendor's id, across API clients (DeviceRepository.findByVendorIdForUpdate:
-- vendor = ? and vendor_vehicle_id = ?). The unique constraint leads with client_id, so it cannot serve that lookup:
-- with 100,000 vehicles EXPLAIN ANALYZE showed a sequential scan of the whole table, 48 ms per webhook (issue 14,
-- dev/benchmarks/README.md "Indexes"). With this index it is an index scan.
create index vehicle_vendor_lookup on vehicle (vendor, vendor_vehicle_id);
