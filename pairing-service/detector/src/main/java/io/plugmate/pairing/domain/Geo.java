package io.plugmate.pairing.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.plugmate.events.GeoLocation;

/** Distances on the earth's surface, and a robust centre of noisy GPS fixes. */
final class Geo {

    private static final double EARTH_RADIUS_METERS = 6_371_000;

    private Geo() {
    }

    static double metersBetween(GeoLocation a, GeoLocation b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /**
     * Whether the local solar time at {@code where} (UTC shifted by the longitude: no time zones needed) passes
     * {@code hour} o'clock between {@code from} and {@code until}.
     */
    static boolean spansLocalTime(Instant from, Instant until, GeoLocation where, int hour) {
        long offsetSeconds = Math.round(where.longitude() / 15.0 * 3600);
        LocalDateTime localFrom = LocalDateTime.ofEpochSecond(from.getEpochSecond() + offsetSeconds, 0,
                ZoneOffset.UTC);
        LocalDateTime mark = localFrom.toLocalDate().atTime(hour, 0);
        if (mark.isBefore(localFrom)) {
            mark = mark.plusDays(1);
        }
        return mark.toEpochSecond(ZoneOffset.UTC) - offsetSeconds <= until.getEpochSecond();
    }

    /** Median latitude and longitude: one wild fix does not move it. Null for no fixes. */
    static GeoLocation median(List<GeoLocation> fixes) {
        if (fixes.isEmpty()) {
            return null;
        }
        double[] lats = fixes.stream().mapToDouble(GeoLocation::latitude).sorted().toArray();
        double[] lons = fixes.stream().mapToDouble(GeoLocation::longitude).sorted().toArray();
        return new GeoLocation(middle(lats), middle(lons));
    }

    private static double middle(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
