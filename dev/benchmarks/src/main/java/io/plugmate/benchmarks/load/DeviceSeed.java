package io.plugmate.benchmarks.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet's cars and wallboxes written straight into vehicle-service's and charger-service's tables, as if their
 * accounts had been linked (linking each household through the OEM consent flow would take longer than the
 * benchmark). Only the columns that must have a value are filled, read from the schema, so the seed follows the
 * services' migrations; the OEM's id of household h's devices is {@code bench-v-h} / {@code bench-c-h}.
 */
final class DeviceSeed {

    private DeviceSeed() {
    }

    static void seed(Stack stack, Fleet fleet) {
        insert(stack, "vehicle", "vehicle", "vendor_vehicle_id", "TESLA", "bench-v-", fleet, true);
        insert(stack, "charger", "charger", "vendor_charger_id", "WATTBOX", "bench-c-", fleet, false);
    }

    static String vendorVehicleId(int household) {
        return "bench-v-" + household;
    }

    static String vendorChargerId(int household) {
        return "bench-c-" + household;
    }

    private static void insert(Stack stack, String database, String table, String vendorIdColumn, String vendor,
            String vendorIdPrefix, Fleet fleet, boolean vehicles) {
        try (Connection connection = stack.database(database); Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            List<String> values = new ArrayList<>();
            try (ResultSet columns = statement.executeQuery("""
                    select column_name, data_type from information_schema.columns where table_name = '%s'
                    and is_nullable = 'NO' and column_default is null order by ordinal_position""".formatted(table))) {
                while (columns.next()) {
                    String name = columns.getString(1);
                    names.add(name);
                    values.add(value(name, columns.getString(2), vendorIdColumn, vendor, vendorIdPrefix));
                }
            }
            String ids = "(array[%s])[g + 1]::uuid".formatted(String.join(",", idsOf(fleet, vehicles)));
            values.set(names.indexOf("id"), ids);
            statement.execute("insert into %s (%s) select %s from generate_series(0, %d) g".formatted(table,
                    String.join(",", names), String.join(",", values), fleet.households() - 1));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed " + table + ": " + e.getMessage(), e);
        }
    }

    private static List<String> idsOf(Fleet fleet, boolean vehicles) {
        List<String> ids = new ArrayList<>();
        for (int h = 0; h < fleet.households(); h++) {
            ids.add("'" + (vehicles ? fleet.vehicle(h) : fleet.charger(h)) + "'");
        }
        return ids;
    }

    private static String value(String name, String type, String vendorIdColumn, String vendor, String prefix) {
        if (name.equals(vendorIdColumn)) {
            return "'" + prefix + "' || g";
        }
        return switch (name) {
            case "id" -> "null";
            case "client_id" -> "'" + Fleet.CLIENT + "'";
            case "user_id" -> "'bench-user-' || lpad(g::text, 6, '0')";
            case "vendor" -> "'" + vendor + "'";
            case "is_reachable" -> "true";
            case "can_start_charging", "can_stop_charging", "can_set_max_current" -> "true";
            default -> switch (type) {
                case "boolean" -> "false";
                case "uuid" -> "gen_random_uuid()";
                case "integer", "bigint", "smallint", "double precision", "numeric", "real" -> "0";
                case "jsonb", "json" -> "'{}'";
                case "timestamp with time zone", "timestamp without time zone" -> "now()";
                default -> "''";
            };
        };
    }
}
