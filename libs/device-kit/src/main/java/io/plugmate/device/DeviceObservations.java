package io.plugmate.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plugmate.commons.time.WallClock;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * One OEM observation of one device, however it arrived (webhook or poll), inside the caller's transaction, the same
 * for vehicles and chargers: recorded once per device, measurement time and content ({@link #contentHash}: the same
 * report delivered again changes and publishes nothing); a new one marks the device reachable and seen now (wall
 * clock), is published with the OEM's {@code observedAt} — late ones too, since pairing orders by event time — but
 * changes the device's state only when it is not older than the state kept: state never rolls back. OEMs date reports
 * to the second, so two different reports may share their {@code observedAt} (a command carried out in the second of a
 * plug change): both are kept and published in arrival order, and the later one is the device's state (issue 13) —
 * unless it is a read from before a plug change that second holds ({@link StateOrder}). A report measured further in
 * the future than
 * {@link ObservationConfig#futureTolerance()} is refused ({@link FutureReportProblem}) before anything is recorded:
 * taken as state, it would outrank every true report until that date. Unknown (null) fields keep what was known. The service's
 * subclass is its {@link DeviceDirectory}: it applies what only its kind reports, and records the observation, writes the
 * state and publishes its event in one statement ({@link ObservationWrite}).
 *
 * @param <E> the service's device entity
 * @param <R> the service's OEM report
 */
public abstract class DeviceObservations<E extends LinkedDeviceEntity, R extends DeviceReport> implements DeviceDirectory {

    private static final Logger LOG = Logger.getLogger(DeviceObservations.class);

    private final DeviceKind kind;
    private final Class<R> reportType;
    private final DeviceRepository<E> devices;
    private final ObjectMapper json;
    private final ObservationConfig config;

    protected DeviceObservations(DeviceKind kind, Class<R> reportType, DeviceRepository<E> devices,
            ObjectMapper json, ObservationConfig config) {
        this.kind = kind;
        this.reportType = reportType;
        this.devices = devices;
        this.json = json;
        this.config = config;
    }

    /** For CDI's client proxy only. */
    protected DeviceObservations() {
        this(null, null, null, null, null);
    }

    @Override
    public DeviceKind kind() {
        return kind;
    }

    @Override
    public Uni<Integer> observe(String vendor, JsonNode report) {
        return observe(vendor, report, this::lookUp);
    }

    @Override
    public Uni<Observing> observing(Collection<OemDevice> named) {
        if (named.isEmpty()) {
            return Uni.createFrom().item(this::observe);
        }
        // one device: the lookup every single report makes, whose text fits the 1,024 bytes of a query pg_stat_activity
        // shows (the batch's does not: its select list is long), so whoever looks sees which lookup waits for a lock
        // (the held-batch tests do)
        OemDevice first = named.iterator().next();
        Uni<List<E>> read = named.size() == 1 ? devices.findByVendorIdForUpdate(first.vendor(), first.oemDeviceId())
                : devices.findByVendorIdsForUpdate(named);
        return read.call(this::detached).map(copies -> {
            Map<OemDevice, List<E>> byDevice = new HashMap<>();
            named.forEach(device -> byDevice.put(device, new ArrayList<>()));
            copies.forEach(copy -> byDevice.computeIfAbsent(
                    new OemDevice(copy.vendor, copy.vendorDeviceId()), device -> new ArrayList<>()).add(copy));
            // a device's first report takes the copies read here; a later one reads them again (this transaction holds
            // their lock already), since the first worked its values out on these
            return (vendor, report) -> observe(vendor, report, (v, id) -> {
                List<E> taken = byDevice.remove(new OemDevice(v, id));
                return taken == null ? lookUp(v, id) : Uni.createFrom().item(taken);
            });
        });
    }

    private Uni<Integer> observe(String vendor, JsonNode report, BiFunction<String, String, Uni<List<E>>> copies) {
        return Uni.createFrom().item(() -> DeviceReport.read(json, report, reportType, kind))
                .chain(r -> apply(vendor, r, copies));
    }

    /** Applies the report to every linked copy of the OEM device (each API client has its own). */
    public Uni<Integer> apply(String vendor, R report) {
        return apply(vendor, report, this::lookUp);
    }

    private Uni<Integer> apply(String vendor, R report, BiFunction<String, String, Uni<List<E>>> copies) {
        if (report.deviceId() == null || report.observedAt() == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("report without device id or observedAt"));
        }
        Instant observedAt = WallClock.micros(report.observedAt());
        Instant now = WallClock.now();
        if (FutureReportProblem.tooFarAhead(observedAt, now, config.futureTolerance())) {
            LOG.warnf("%s %s of %s: report observed at %s, more than %s ahead of our clock (%s); refused", kind,
                    report.deviceId(), vendor, observedAt, config.futureTolerance(), now);
            return Uni.createFrom().failure(new FutureReportProblem(observedAt, now, config.futureTolerance()));
        }
        // the copies locked, then one after the other
        return copies.apply(vendor, report.deviceId()).chain(locked -> {
            Uni<Integer> applied = Uni.createFrom().item(0);
            for (E copy : locked) {
                applied = applied.chain(count -> applyTo(copy, report).map(fresh -> count + (fresh ? 1 : 0)));
            }
            return applied;
        });
    }

    /** Every linked copy of one OEM device, locked and let go of by the session (see {@link #applyTo}). */
    private Uni<List<E>> lookUp(String vendor, String oemDeviceId) {
        return devices.findByVendorIdForUpdate(vendor, oemDeviceId).call(this::detached);
    }

    private Uni<Void> detached(List<E> copies) {
        return Panache.getSession().invoke(session -> copies.forEach(session::detach)).replaceWithVoid();
    }

    /**
     * The copy is detached from the session (locked, read, let go of): what a new observation changes of it is worked
     * out here, before the database says whether the report is new, and written by {@link #recorded} in its one
     * statement — only when it is. Hibernate neither checks nor writes the row at flush, nor walks the copies at every
     * flush of a batch, and nothing later in the transaction sees the values worked out for a report recorded before: a
     * later read of the device reads the row.
     */
    private Uni<Boolean> applyTo(E device, R report) {
        Instant observedAt = WallClock.micros(report.observedAt());
        Instant now = WallClock.now();
        Instant stateKept = device.stateObservedAt;
        boolean implausible = stateKept != null
                && FutureReportProblem.tooFarAhead(stateKept, now, config.futureTolerance());
        StateOrder order = implausible ? StateOrder.NEWER
                : StateOrder.of(stateKept, device.pluggedBefore, device.isPluggedIn, observedAt, report.isPluggedIn());
        switch (order) {
            case NEWER -> {
                // a new second: the plug state kept is the one in force before it (none trusted after a state from
                // the future)
                device.pluggedBefore = implausible ? null : device.isPluggedIn;
                newState(device, report, observedAt);
            }
            // the same second as the state kept, yet another report (a duplicate is not recorded): it came later
            case LATER_IN_THE_SECOND -> newState(device, report, observedAt);
            case READ_BEFORE_THE_CHANGE, LATE -> {
                // no state of it: the statement writes back what the copy holds, the row being locked
            }
        }
        device.heardFrom(now);
        return recorded(device, report, observedAt, contentHash(report), now).chain(fresh -> {
            if (!fresh) {
                return Uni.createFrom().item(false);
            }
            logged(device, report, order, observedAt, stateKept, implausible, now);
            return followUp(device, report, order, observedAt).replaceWith(true);
        });
    }

    private void logged(E device, R report, StateOrder order, Instant observedAt, Instant stateKept,
            boolean implausible, Instant now) {
        if (implausible) {
            // kept before reports from the future were refused: it would otherwise outrank every true report
            LOG.infof("%s %s: state kept from %s, too far ahead of our clock (%s); replaced by the report "
                    + "observed at %s", kind, device.id, stateKept, now, observedAt);
        }
        switch (order) {
            case READ_BEFORE_THE_CHANGE -> LOG.infof("%s %s: report observed at %s says plugged in %s, as before "
                    + "its second, which a report of that second changed: read before the change; state unchanged",
                    kind, device.id, observedAt, report.isPluggedIn());
            // visible, not silent: a source whose clock went back (a simulator started over) looks exactly so
            case LATE -> LOG.infof("%s %s: report observed at %s is not newer than the state kept (%s); state "
                    + "unchanged", kind, device.id, observedAt, stateKept);
            default -> {
            }
        }
    }

    private void newState(E device, R report, Instant observedAt) {
        device.stateObservedAt = observedAt;
        device.isPluggedIn = keep(report.isPluggedIn(), device.isPluggedIn);
        device.isCharging = keep(report.isCharging(), device.isCharging);
        device.maxCurrentA = keep(report.maxCurrentA(), device.maxCurrentA);
        newerState(device, report, observedAt);
    }

    /**
     * Records the observation in the service's observation table, keyed by device, {@code observedAt} and
     * {@code contentHash}, and — only when that inserted a row — writes the device's state as {@code device} now holds
     * it and publishes the new observation (the kind's state topic) as the OEM reported it, whatever its
     * {@link StateOrder} made of it for the state — late reports and reads from before a change too: consumers order by
     * event time. One statement ({@link ObservationWrite}).
     *
     * @return false for the same report recorded before (nothing written)
     */
    protected abstract Uni<Boolean> recorded(E device, R report, Instant observedAt, String contentHash, Instant now);

    /**
     * What makes a report the same report: a SHA-256 (hex) of everything it says but the OEM's {@code reportId}. A
     * report delivered again (an OEM's retry, a poll returning the reading already kept) has the same content;
     * different reports sharing a second do not. The id is left out because a state read carries none (or a new one)
     * for a reading a webhook already brought; two reports with different ids and the same content say the same.
     */
    protected String contentHash(R report) {
        ObjectNode content = json.valueToTree(report);
        content.remove("reportId");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a " + kind + " report", e);
        }
    }

    /**
     * Applies what only this kind reports; called only for a report not older than the state kept (at the same
     * {@code observedAt}, the later of two different reports, unless it is a read from before the second's plug
     * change). The copy is read-only (see {@link #recorded}): every column set here must be among the state columns the
     * service's {@link ObservationWrite} writes.
     */
    protected abstract void newerState(E device, R report, Instant observedAt);

    /** What else follows from a new observation, after {@link #recorded} wrote it; nothing by default. */
    protected Uni<Void> followUp(E device, R report, StateOrder order, Instant observedAt) {
        return Uni.createFrom().voidItem();
    }

    /** A reported value, or what was known when the report does not say. */
    protected static <T> T keep(T reported, T known) {
        return reported != null ? reported : known;
    }
}
