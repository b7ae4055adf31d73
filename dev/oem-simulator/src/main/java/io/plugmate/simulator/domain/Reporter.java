package io.plugmate.simulator.domain;

import static io.plugmate.simulator.domain.WorldState.seconds;
import static io.plugmate.simulator.domain.WorldState.uniform;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * Decides when devices report and what their clouds publish: per-vendor cadence, on-change pushes, clock skew,
 * measurement noise, late and duplicated delivery, and the sleepy brand's stale re-sends.
 */
final class Reporter {

    /** A sleepy car's modem goes to sleep after this long without charging. */
    static final Duration SLEEP_AFTER = Duration.ofMinutes(15);
    private static final double VEHICLE_RATE_NOISE = 0.025;
    private static final double CHARGER_RATE_NOISE = 0.01;
    private static final double GPS_NOISE_METERS = 12;

    private final WorldState world;

    Reporter(WorldState world) {
        this.world = world;
    }

    /** Starts a new device's periodic reports at a random phase, so a fleet does not report in lockstep. */
    void start(Device device) {
        schedulePeriodic(device, seconds(device.random.nextDouble() * cadence(device).toSeconds()));
        if (device instanceof Vehicle v && sleeps(v)) {
            scheduleSleep(v);
        }
    }

    /** Called after anything that may have changed plug or charging state. */
    void stateMaybeChanged(Device device) {
        if (device instanceof Vehicle guest && guest.guest || device.retired) {
            return; // nobody's cloud knows this car (any more)
        }
        if (device instanceof Vehicle v && sleeps(v)) {
            if (v.isCharging()) {
                v.sleepGeneration++;
            } else {
                scheduleSleep(v);
            }
            if (v.asleep) {
                return; // the cloud cannot know
            }
        }
        boolean changed = !device.everReported || device.reportedPluggedIn != device.isPluggedIn()
                || device.reportedCharging != device.isCharging();
        if (!changed) {
            return;
        }
        if (reportsOnChange(device)) {
            emit(device);
            schedulePeriodic(device, jittered(device));
        } else if (device.nextReportAt.isAfter(world.now.plus(cadence(device)))) {
            schedulePeriodic(device, jittered(device));
        }
    }

    void wake(Vehicle v) {
        if (!v.asleep) {
            return;
        }
        v.asleep = false;
        emit(v);
        schedulePeriodic(v, jittered(v));
        scheduleSleep(v);
    }

    /** Publishes the device's current state (or, for a sleeping car, the cloud's cached report again). */
    void emit(Device device) {
        DeviceReport report;
        if (device instanceof Vehicle v) {
            if (v.asleep && v.lastFreshReport != null) {
                deliver(v.random, v.lastFreshReport);
                return;
            }
            report = vehicleReport(v, nextReportId(), v.random);
            v.lastFreshReport = (VehicleReport) report;
        } else {
            report = chargerReport((Charger) device, nextReportId(), device.random);
        }
        device.everReported = true;
        device.reportedPluggedIn = device.isPluggedIn();
        device.reportedCharging = device.isCharging();
        deliver(device.random, report);
    }

    /**
     * What the cloud answers to a state read: a live, noise-free reading ({@code reportId} null) from an awake device,
     * the cached report from a sleeping car. Touches no random stream, so reads never change the simulation.
     */
    DeviceReport snapshot(Device device) {
        if (device instanceof Vehicle v) {
            return v.asleep && v.lastFreshReport != null ? v.lastFreshReport : vehicleReport(v, null, null);
        }
        return chargerReport((Charger) device, null, null);
    }

    private VehicleReport vehicleReport(Vehicle v, String reportId, SplittableRandom noise) {
        VehicleTraits traits = v.vendor().vehicle();
        Double rate = traits.reportsChargeRate() ? round(v.wallKw * v.efficiency() * noise(noise, VEHICLE_RATE_NOISE), 2)
                : null;
        return new VehicleReport(reportId, v.id(), v.vendor(), observedAt(v), v.isPluggedIn(), v.isCharging(), rate,
                (int) Math.round(v.socPercent), (int) Math.round(v.rangeKm()), v.chargeLimitPercent,
                traits.maxCurrent() ? v.maxCurrentA : null, traits.gps() ? gps(v.location, noise) : null);
    }

    private ChargerReport chargerReport(Charger c, String reportId, SplittableRandom noise) {
        ChargerTraits traits = c.vendor().charger();
        double wall = c.pluggedVehicle == null ? 0.0 : c.pluggedVehicle.wallKw;
        Double rate = traits.reportsChargeRate() ? round(wall * noise(noise, CHARGER_RATE_NOISE), 2) : null;
        return new ChargerReport(reportId, c.id(), c.vendor(), observedAt(c), c.isPluggedIn(), c.isCharging(), rate,
                traits.maxCurrent() ? c.maxCurrentA : null, round(c.meterKwh, 3));
    }

    /** Network and cloud latency, sometimes minutes late, sometimes sent twice. */
    private void deliver(SplittableRandom random, DeviceReport report) {
        FleetConfig config = world.config;
        double delay = uniform(random, 1, 5);
        if (random.nextDouble() < config.lateProbability()) {
            delay += uniform(random, 60, 600);
        }
        Instant at = world.now.plus(seconds(delay));
        world.queue.schedule(at, () -> send(new ReportDelivery(at, report, false)));
        if (random.nextDouble() < config.duplicateProbability()) {
            Instant again = at.plus(seconds(uniform(random, 1, 90)));
            world.queue.schedule(again, () -> send(new ReportDelivery(again, report, true)));
        }
    }

    /** A device that left its account in the meantime is no longer the cloud's to report. */
    private void send(ReportDelivery delivery) {
        if (world.accountByDevice.containsKey(delivery.report().deviceId())) {
            world.outbox.add(delivery);
        }
    }

    private void schedulePeriodic(Device device, Duration delay) {
        long generation = ++device.reportGeneration;
        device.nextReportAt = world.now.plus(delay);
        world.queue.schedule(device.nextReportAt, () -> {
            if (device.reportGeneration == generation) {
                emit(device);
                schedulePeriodic(device, jittered(device));
            }
        });
    }

    private void scheduleSleep(Vehicle v) {
        long generation = ++v.sleepGeneration;
        world.after(SLEEP_AFTER, () -> {
            if (v.sleepGeneration == generation && !v.isCharging()) {
                v.asleep = true;
            }
        });
    }

    private Duration jittered(Device device) {
        return seconds(cadence(device).toSeconds() * uniform(device.random, 0.9, 1.1));
    }

    static Duration cadence(Device device) {
        boolean charging = device.isCharging();
        if (device instanceof Vehicle v) {
            VehicleTraits t = v.vendor().vehicle();
            return charging ? t.chargingCadence() : t.idleCadence();
        }
        ChargerTraits t = device.vendor().charger();
        return charging ? t.chargingCadence() : t.idleCadence();
    }

    private static boolean reportsOnChange(Device device) {
        return !(device instanceof Vehicle v) || v.vendor().vehicle().reportsOnChange();
    }

    private static boolean sleeps(Vehicle v) {
        return v.vendor().vehicle().sleeps();
    }

    private Instant observedAt(Device device) {
        return world.now.plus(device.clockSkew()).truncatedTo(ChronoUnit.SECONDS);
    }

    private String nextReportId() {
        String n = Long.toString(++world.reportSeq);
        return n.length() >= 8 ? "rpt-" + n : "rpt-" + "0".repeat(8 - n.length()) + n;
    }

    /** Consumer GPS wanders a few metres around the true position. */
    private static GeoPoint gps(GeoPoint truth, SplittableRandom noise) {
        return noise == null ? truth : truth.offsetRandomly(noise, 0, GPS_NOISE_METERS);
    }

    private static double noise(SplittableRandom random, double amplitude) {
        if (random == null) {
            return 1.0;
        }
        return 1.0 + (random.nextDouble() * 2 - 1) * amplitude;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
