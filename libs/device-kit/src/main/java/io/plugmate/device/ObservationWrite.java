package io.plugmate.device;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.messaging.NativeSelect;
import io.smallrye.mutiny.Uni;

/**
 * Everything new observations write, in one statement whatever their number (issue 14): the observation rows (insert
 * … on conflict do nothing: the same report again inserts nothing), each device's state as {@link DeviceObservations}
 * worked it out on the locked copy, and the state events in the transactional outbox — the last two only for the rows
 * the first inserted. The CPU of a statement is mostly the reactive stack around it, not PostgreSQL's work, so a
 * webhook batch writes all its devices' observations at once, as rows of arrays ({@code unnest}).
 * <p>
 * Each value travels as text in an array of its column ({@code text[]}, cast to the column's type in the statement):
 * one way of binding for every column, whatever Java type the entity holds it in. The outbox rows are the ones
 * service-messaging's {@code Outbox.publish} writes, in the same transaction and in the rows' order, so the relay
 * sends them like any other, one device's events in the order given.
 */
public final class ObservationWrite {

    /** A column the statement writes and the PostgreSQL type its values are cast to, e.g. {@code float8}. */
    public record Column(String name, String type) {
    }

    public static Column column(String name, String type) {
        return new Column(name, type);
    }

    /** The columns every device's state has that an observation writes; their values come from the copy. */
    private static final List<Column> SHARED_STATE = List.of(column("state_observed_at", "timestamptz"),
            column("is_plugged_in", "boolean"), column("plugged_before", "boolean"), column("is_charging", "boolean"),
            column("max_current_a", "float8"));
    private static final List<Column> REPORT = List.of(column("device", "uuid"), column("observed_at", "timestamptz"),
            column("content_hash", "text"), column("seen_at", "timestamptz"));
    private static final List<Column> EVENT = List.of(column("outbox_topic", "text"), column("outbox_key", "text"),
            column("outbox_event_id", "uuid"), column("outbox_event_type", "text"), column("outbox_payload", "text"));
    /** Observation columns travel apart: the observation's is_plugged_in is the report's, the state's the device's. */
    private static final String REPORTED = "reported_";

    private final NativeSelect statement;
    private final List<String> observationColumns;
    private final List<String> kindState;
    /** Every array of the statement, in the order of its parameters and of a row's values. */
    private final List<String> arrays;
    /** Each array's position in {@link #arrays}: a row sets its values by name, for every webhook. */
    private final Map<String, Integer> positions = new HashMap<>();

    private ObservationWrite(NativeSelect statement, List<String> observationColumns, List<String> kindState,
            List<String> arrays) {
        this.statement = statement;
        this.observationColumns = observationColumns;
        this.kindState = kindState;
        this.arrays = arrays;
        for (int i = 0; i < arrays.size(); i++) {
            positions.put(arrays.get(i), i);
        }
    }

    /**
     * @param deviceTable the devices' table, e.g. {@code vehicle}
     * @param observationTable its observations, keyed by device, {@code observed_at} and {@code content_hash}
     * @param deviceColumn the observation's device column, e.g. {@code vehicle_id}
     * @param observationColumns what else the observation row keeps of the report (set by {@link Row#observation})
     * @param kindState the state columns only this kind has that an observation sets (set by {@link Row#state})
     */
    public static ObservationWrite of(String deviceTable, String observationTable, String deviceColumn,
            List<Column> observationColumns, List<Column> kindState) {
        List<Column> reported = observationColumns.stream().map(c -> column(REPORTED + c.name(), c.type())).toList();
        List<Column> state = Stream.concat(SHARED_STATE.stream(), kindState.stream()).toList();
        List<Column> all = Stream.of(REPORT, reported, state, EVENT).flatMap(List::stream).toList();
        String arrays = all.stream().map(c -> "cast(:" + c.name() + " as text[])::" + c.type() + "[]")
                .collect(Collectors.joining(",\n    "));
        String names = all.stream().map(Column::name).collect(Collectors.joining(", "));
        String extraColumns = observationColumns.stream().map(c -> ", " + c.name()).collect(Collectors.joining());
        String extraValues = reported.stream().map(c -> ", " + c.name()).collect(Collectors.joining());
        String set = state.stream().map(c -> c.name() + " = f." + c.name()).collect(Collectors.joining(", "));
        return new ObservationWrite(NativeSelect.of("""
                with report as materialized (
                  select * from unnest(
                    %1$s)
                  with ordinality as r(%2$s, ordinal)),
                observation as (
                  insert into %3$s (%4$s, observed_at, content_hash, received_at%5$s)
                  select device, observed_at, content_hash, seen_at%6$s from report order by ordinal
                  on conflict do nothing returning %4$s as device, observed_at, content_hash),
                fresh as (
                  select report.* from report join observation using (device, observed_at, content_hash)),
                state as (
                  update %7$s d set is_reachable = true, last_seen = f.seen_at, updated_at = f.seen_at, %8$s
                  from fresh f where d.id = f.device),
                event as (
                  insert into outbox_event (topic, message_key, event_id, event_type, payload)
                  select outbox_topic, outbox_key, outbox_event_id, outbox_event_type, outbox_payload
                  from fresh order by ordinal)
                select ordinal from fresh""".formatted(arrays, names, observationTable, deviceColumn, extraColumns,
                extraValues, deviceTable, set)), observationColumns.stream().map(Column::name).toList(),
                kindState.stream().map(Column::name).toList(), all.stream().map(Column::name).toList());
    }

    /** The text sent to the database (one text, whatever the number of rows: one prepared statement, one plan). */
    public String sql() {
        return statement.sql();
    }

    /** One observation of one copy of a device: its state already applied to {@code device}. */
    public Row row(LinkedDeviceEntity device, Instant observedAt, String contentHash, Instant now) {
        return new Row(device.id.toString()).set("device", device.id).set("observed_at", observedAt)
                .set("content_hash", contentHash).set("seen_at", now).set("state_observed_at", device.stateObservedAt)
                .set("is_plugged_in", device.isPluggedIn).set("plugged_before", device.pluggedBefore)
                .set("is_charging", device.isCharging).set("max_current_a", device.maxCurrentA);
    }

    /**
     * Writes the rows, each a different copy of a device (a device's state is one update per statement).
     *
     * @return per row, in order: whether its observation was new (false for the same report recorded before: nothing
     *         of it was written)
     */
    public Uni<List<Boolean>> write(List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Set<String> devices = new HashSet<>();
        String[][] columns = new String[arrays.size()][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.owner() != this) {
                throw new IllegalArgumentException("a row of another statement");
            }
            if (!devices.add(row.device)) {
                throw new IllegalArgumentException("device " + row.device + " twice in one write");
            }
            row.complete();
            for (int c = 0; c < columns.length; c++) {
                columns[c][i] = row.values[c];
            }
        }
        NativeSelect.Call call = statement.call();
        for (int c = 0; c < columns.length; c++) {
            call.with(arrays.get(c), columns[c]);
        }
        return call.list().map(written -> {
            List<Boolean> fresh = new ArrayList<>(Collections.nCopies(rows.size(), false));
            written.forEach(ordinal -> fresh.set(((Number) ordinal[0]).intValue() - 1, true));
            return fresh;
        });
    }

    /** One copy's observation: every column named in {@link #of} must be set, and its event given. */
    public final class Row {

        private final String device;
        private final String[] values = new String[arrays.size()];
        private final boolean[] set = new boolean[arrays.size()];

        private Row(String device) {
            this.device = device;
        }

        private ObservationWrite owner() {
            return ObservationWrite.this;
        }

        /** The values of the kind's state columns, as the copy now holds them. */
        public Row state(Map<String, Object> values) {
            return setAll(values, kindState, "");
        }

        /** What else the observation row keeps of the report. */
        public Row observation(Map<String, Object> values) {
            return setAll(values, observationColumns, REPORTED);
        }

        /** The event to publish when the observation is new ({@code key}: the partition key). */
        public Row publishing(String topic, String key, PlugmateEvent event) {
            return set("outbox_topic", topic).set("outbox_key", key).set("outbox_event_id", event.eventId())
                    .set("outbox_event_type", event.type()).set("outbox_payload", EventJson.write(event));
        }

        private Row setAll(Map<String, Object> values, List<String> columns, String prefix) {
            for (String column : columns) {
                if (!values.containsKey(column)) {
                    throw new IllegalArgumentException("no value for " + column);
                }
                // Map.of refuses nulls: a HashMap's null stands for SQL null
                set(prefix + column, values.get(column));
            }
            return this;
        }

        private Row set(String column, Object value) {
            int index = positions.get(column);
            values[index] = value == null ? null : value.toString();
            set[index] = true;
            return this;
        }

        private void complete() {
            for (int c = 0; c < set.length; c++) {
                if (!set[c]) {
                    throw new IllegalStateException("no value for " + arrays.get(c) + " of device " + device);
                }
            }
        }
    }
}
