package io.plugmate.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * the future than {@link ObservationConfig#futureTolerance()} is refused ({@link FutureReportProblem}) before anything
 * is recorded: taken as state, it would outrank every true report until that date. Unknown (null) fields keep what was
 * known. The service's subclass is its {@link DeviceDirectory}: it applies what only its kind reports and gives the row
 * that records the observation, writes the state and publishes its event; the rows of a report's copies — of a webhook
 * batch's devices — are written in one statement ({@link ObservationWrite}).
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
    private final ObservationWrite write;

    /** @param write the statement {@link #observation}'s rows belong to */
    protected DeviceObservations(DeviceKind kind, Class<R> reportType, DeviceRepository<E> devices,
            ObjectMapper json, ObservationConfig config, ObservationWrite write) {
        this.kind = kind;
        this.reportType = reportType;
        this.devices = devices;
        this.json = json;
        this.config = config;
        this.write = write;
    }

    /** For CDI's client proxy only. */
    protected DeviceObservations() {
        this(null, null, null, null, null, null);
    }

    @Override
    public DeviceKind kind() {
        return kind;
    }

    @Override
    public Uni<Integer> observe(String vendor, JsonNode report) {
        return Uni.createFrom().item(() -> read(report)).chain(r -> apply(vendor, r));
    }

    /** Applies the report to every linked copy of the OEM device (each API client has its own). */
    public Uni<Integer> apply(String vendor, R report) {
        return Uni.createFrom().item(() -> checked(vendor, report))
                .chain(r -> lookUp(vendor, r.deviceId()).chain(copies -> written(pending(copies, r), false)))
                .map(DeviceObservations::fresh);
    }

    @Override
    public Uni<List<Integer>> observeAll(List<Reported> reports) {
        List<R> read = new ArrayList<>(reports.size());
        Set<OemDevice> named = new LinkedHashSet<>();
        try {
            for (Reported reported : reports) {
                R report = checked(reported.vendor(), read(reported.report()));
                read.add(report);
                named.add(new OemDevice(reported.vendor(), report.deviceId()));
            }
        } catch (RuntimeException refused) {
            return Uni.createFrom().failure(refused);
        }
        if (named.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // one device: the lookup every single report makes, whose text fits the 1,024 bytes of a query pg_stat_activity
        // shows (the batch's does not: its select list is long), so whoever looks sees which lookup waits for a lock
        // (the held-batch tests do)
        OemDevice first = named.iterator().next();
        Uni<List<E>> locked = named.size() == 1 ? devices.findByVendorIdForUpdate(first.vendor(), first.oemDeviceId())
                : devices.findByVendorIdsForUpdate(named);
        return locked.call(this::detached).chain(copies -> applied(reports, read, byDevice(named, copies)));
    }

    private static <E extends LinkedDeviceEntity> Map<OemDevice, List<E>> byDevice(Set<OemDevice> named,
            List<E> copies) {
        Map<OemDevice, List<E>> byDevice = new HashMap<>();
        named.forEach(device -> byDevice.put(device, new ArrayList<>()));
        copies.forEach(copy -> byDevice.computeIfAbsent(new OemDevice(copy.vendor, copy.vendorDeviceId()),
                device -> new ArrayList<>()).add(copy));
        return byDevice;
    }

    /**
     * Each device's first report in the list takes the copies read up front, and all of those are written in one
     * statement; a later report of a device (rare: two deliveries of one device waiting together) comes after it,
     * reading the row again (this transaction holds its lock already), since the first changed it.
     */
    private Uni<List<Integer>> applied(List<Reported> reports, List<R> read, Map<OemDevice, List<E>> byDevice) {
        List<Pending<E, R>> first = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<Integer> later = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            List<E> copies = byDevice.remove(new OemDevice(reports.get(i).vendor(), read.get(i).deviceId()));
            if (copies == null) {
                later.add(i);
                continue;
            }
            for (Pending<E, R> pending : pending(copies, read.get(i))) {
                first.add(pending);
                owners.add(i);
            }
        }
        Integer[] counts = new Integer[read.size()];
        Arrays.fill(counts, 0);
        Uni<Void> done = written(first, true).invoke(fresh -> {
            for (int p = 0; p < fresh.size(); p++) {
                counts[owners.get(p)] += fresh.get(p) ? 1 : 0;
            }
        }).replaceWithVoid();
        for (int i : later) {
            done = done.chain(() -> apply(reports.get(i).vendor(), read.get(i)).invoke(n -> counts[i] = n))
                    .replaceWithVoid();
        }
        return done.map(nothing -> List.of(counts));
    }

    private R read(JsonNode report) {
        return DeviceReport.read(json, report, reportType, kind);
    }

    /** What a report must be before anything of it is applied; a refusal fails the whole call. */
    private R checked(String vendor, R report) {
        if (report.deviceId() == null || report.observedAt() == null) {
            throw new IllegalArgumentException("report without device id or observedAt");
        }
        Instant observedAt = WallClock.micros(report.observedAt());
        Instant now = WallClock.now();
        if (FutureReportProblem.tooFarAhead(observedAt, now, config.futureTolerance())) {
            LOG.warnf("%s %s of %s: report observed at %s, more than %s ahead of our clock (%s); refused", kind,
                    report.deviceId(), vendor, observedAt, config.futureTolerance(), now);
            throw new FutureReportProblem(observedAt, now, config.futureTolerance());
        }
        return report;
    }

    /** Every linked copy of one OEM device, locked and let go of by the session (see {@link #pending}). */
    private Uni<List<E>> lookUp(String vendor, String oemDeviceId) {
        return devices.findByVendorIdForUpdate(vendor, oemDeviceId).call(this::detached);
    }

    private Uni<Void> detached(List<E> copies) {
        return Panache.getSession().invoke(session -> copies.forEach(session::detach)).replaceWithVoid();
    }

    /** What a report does to one copy, worked out and not yet written. */
    private record Pending<E, R>(E device, R report, StateOrder order, Instant observedAt, Instant stateKept,
            boolean implausible, Instant now, ObservationWrite.Row row) {
    }

    private List<Pending<E, R>> pending(List<E> copies, R report) {
        return copies.stream().map(copy -> pending(copy, report)).toList();
    }

    /**
     * The copy is detached from the session (locked, read, let go of): what a new observation changes of it is worked
     * out here, before the database says whether the report is new, and written by {@link #written} in one statement
     * with the others — only when it is. Hibernate neither checks nor writes the row at flush, nor walks the copies at
     * every flush of a batch, and nothing later in the transaction sees the values worked out for a report recorded
     * before: a later read of the device reads the row.
     */
    private Pending<E, R> pending(E device, R report) {
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
        return new Pending<>(device, report, order, observedAt, stateKept, implausible, now,
                observation(device, report, observedAt, contentHash(report), now));
    }

    /**
     * Writes the observations in one statement, logs each new one, then runs the follow-up of the new ones together.
     *
     * @param forget whether what the follow-up left in the session is written and let go of after it (a batch: every
     *        native statement flushes the session first, and Hibernate's flush walks every entity it holds, so those
     *        entities would make each later statement of the batch slower)
     * @return per observation, in order, whether it was new
     */
    private Uni<List<Boolean>> written(List<Pending<E, R>> pending, boolean forget) {
        return write.write(pending.stream().map(Pending::row).toList()).call(fresh -> {
            List<Observed<E, R>> observed = new ArrayList<>();
            for (int p = 0; p < pending.size(); p++) {
                if (fresh.get(p)) {
                    Pending<E, R> done = pending.get(p);
                    logged(done);
                    observed.add(new Observed<>(done.device(), done.report(), done.order(), done.observedAt()));
                }
            }
            Uni<Void> followed = observed.isEmpty() ? Uni.createFrom().voidItem() : followUp(observed);
            return forget ? followed.chain(DeviceObservations::forgetEntities) : followed;
        });
    }

    private static int fresh(List<Boolean> fresh) {
        return (int) fresh.stream().filter(Boolean::booleanValue).count();
    }

    private static Uni<Void> forgetEntities() {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }

    private void logged(Pending<E, R> p) {
        E device = p.device();
        R report = p.report();
        StateOrder order = p.order();
        Instant observedAt = p.observedAt();
        Instant stateKept = p.stateKept();
        boolean implausible = p.implausible();
        Instant now = p.now();
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
     * The observation's row of the service's {@link ObservationWrite}: what the observation table keeps of the report
     * (keyed by device, {@code observedAt} and {@code contentHash}), the device's state as {@code device} now holds it,
     * and the event publishing the new observation (the kind's state topic) as the OEM reported it, whatever its
     * {@link StateOrder} made of it for the state — late reports and reads from before a change too: consumers order by
     * event time. The state and the event are written only if the observation is new.
     */
    protected abstract ObservationWrite.Row observation(E device, R report, Instant observedAt, String contentHash,
            Instant now);

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
     * change). The copy is read-only (see {@link #observation}): every column set here must be among the state columns the
     * service's {@link ObservationWrite} writes.
     */
    protected abstract void newerState(E device, R report, Instant observedAt);

    /** A new observation of one copy, written: the copy as it now is, the report and how it ranked. */
    protected record Observed<E, R>(E device, R report, StateOrder order, Instant observedAt) {
    }

    /**
     * What else follows from new observations, after their {@link #observation}s were written: at most one of each
     * copy, in the order they were written (a webhook batch's devices, or one report's copies); nothing by default.
     */
    protected Uni<Void> followUp(List<Observed<E, R>> observed) {
        return Uni.createFrom().voidItem();
    }

    /** A reported value, or what was known when the report does not say. */
    protected static <T> T keep(T reported, T known) {
        return reported != null ? reported : known;
    }
}
