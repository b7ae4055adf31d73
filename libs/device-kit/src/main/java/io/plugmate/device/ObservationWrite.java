package io.plugmate.device;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.plugmate.events.PlugmateEvent;
import io.plugmate.messaging.NativeSelect;
import io.plugmate.messaging.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * Everything a new observation writes, in one statement (issue 14): the observation row (insert … on conflict do
 * nothing: the same report again inserts nothing), the device's state as {@link DeviceObservations} worked it out on
 * the locked copy, and the state event in the transactional outbox — the last two only when the first inserted a row.
 * Three statements and Hibernate's dirty check of the whole row were most of a webhook's cost: the CPU per statement
 * is the reactive stack around it, not PostgreSQL.
 * <p>
 * The outbox row is service-messaging's ({@link Outbox#insertFor}, the row {@code Outbox.publish} writes), in the same
 * transaction, so the relay sends it like any other.
 */
public final class ObservationWrite {

    /** The columns every device's state has that an observation writes; their values come from the copy. */
    private static final List<String> SHARED_STATE = List.of("state_observed_at", "is_plugged_in", "plugged_before",
            "is_charging", "max_current_a");

    private final NativeSelect statement;
    private final List<String> kindState;
    private final List<String> observationColumns;

    private ObservationWrite(NativeSelect statement, List<String> kindState, List<String> observationColumns) {
        this.statement = statement;
        this.kindState = kindState;
        this.observationColumns = observationColumns;
    }

    /**
     * @param deviceTable the devices' table, e.g. {@code vehicle}
     * @param observationTable its observations, keyed by device, {@code observed_at} and {@code content_hash}
     * @param deviceColumn the observation's device column, e.g. {@code vehicle_id}
     * @param observationColumns what else the observation row keeps of the report (bound by {@link Call#observation})
     * @param kindState the state columns only this kind has that an observation sets (bound by {@link Call#state})
     */
    public static ObservationWrite of(String deviceTable, String observationTable, String deviceColumn,
            List<String> observationColumns, List<String> kindState) {
        String extraColumns = observationColumns.stream().map(c -> ", " + c).collect(Collectors.joining());
        String extraValues = observationColumns.stream().map(c -> ", :reported_" + c).collect(Collectors.joining());
        String state = Stream.concat(SHARED_STATE.stream(), kindState.stream()).map(c -> c + " = :" + c)
                .collect(Collectors.joining(", "));
        return new ObservationWrite(NativeSelect.of("""
                with observation as (
                  insert into %1$s (%3$s, observed_at, content_hash, received_at%4$s)
                  values (:device, :observedAt, :contentHash, :now%5$s) on conflict do nothing returning %3$s),
                state as (
                  update %2$s set is_reachable = true, last_seen = :now, updated_at = :now, %6$s
                  where id in (select %3$s from observation)),
                event as (%7$s)
                select count(*) from observation""".formatted(observationTable, deviceTable, deviceColumn,
                extraColumns, extraValues, state, Outbox.insertFor("observation"))), List.copyOf(kindState),
                List.copyOf(observationColumns));
    }

    /** The text sent to the database (one text, whatever the values: one prepared statement, one plan). */
    public String sql() {
        return statement.sql();
    }

    /** One observation of one copy of a device: its state already applied to {@code device}. */
    public Call of(LinkedDeviceEntity device, Instant observedAt, String contentHash, Instant now) {
        return new Call(statement.with("device", device.id).with("observedAt", observedAt)
                .with("contentHash", contentHash).with("now", now)
                .with("state_observed_at", device.stateObservedAt).with("is_plugged_in", device.isPluggedIn)
                .with("plugged_before", device.pluggedBefore).with("is_charging", device.isCharging)
                .with("max_current_a", device.maxCurrentA));
    }

    /** One execution; every column named in {@link #of(String, String, String, List, List)} must be bound. */
    public final class Call {

        private final NativeSelect.Call call;

        private Call(NativeSelect.Call call) {
            this.call = call;
        }

        /** The values of the kind's state columns, as the copy now holds them. */
        public Call state(Map<String, Object> values) {
            return bind(values, kindState, "");
        }

        /** What else the observation row keeps of the report. */
        public Call observation(Map<String, Object> values) {
            // named apart: the observation's is_plugged_in is the report's, the state's the device's
            return bind(values, observationColumns, "reported_");
        }

        private Call bind(Map<String, Object> values, List<String> columns, String prefix) {
            for (String column : columns) {
                if (!values.containsKey(column)) {
                    throw new IllegalArgumentException("no value for " + column);
                }
                // Map.of refuses nulls: a HashMap's null stands for SQL null
                call.with(prefix + column, values.get(column));
            }
            return this;
        }

        /**
         * Runs the statement with the event to publish when the observation is new ({@code key}: the partition key).
         *
         * @return false for the same report recorded before: nothing was written
         */
        public Uni<Boolean> publishing(String topic, String key, PlugmateEvent event) {
            return Outbox.bind(call, topic, key, event).value()
                    .map(inserted -> ((Number) inserted).longValue() > 0);
        }
    }
}
