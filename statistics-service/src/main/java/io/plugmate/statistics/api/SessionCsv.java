package io.plugmate.statistics.api;

import java.util.List;
import java.util.stream.Collectors;

import io.plugmate.statistics.domain.Attribution;

/**
 * Sessions as RFC 4180 CSV for reconciliation in a spreadsheet: one row per session, the attribution flattened.
 * Written here rather than with jackson-dataformat-csv: the version the Quarkus BOM pins is not in the Maven Central
 * copy this project builds from, and the format is a dozen lines.
 */
final class SessionCsv {

    static final String HEADER = "id,userId,source,basis,chargerId,vehicleId,startedAt,endedAt,energyKwh,attribution,"
            + "pairId,confidence,attributedBy,candidates,attributionChangedAt,vehicleEstimateKwh,lossKwh";

    private SessionCsv() {
    }

    static String of(List<SessionView> sessions) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (SessionView s : sessions) {
            AttributionView a = s.attribution();
            String candidates = a.candidates().stream().map(Attribution.Candidate::vehicleId)
                    .collect(Collectors.joining(" "));
            List<Object> row = List.of(s.id(), s.userId(), s.source(), s.basis(), opt(s.chargerId()),
                    opt(s.vehicleId()), s.startedAt(), s.endedAt(), opt(s.energyKwh()), a.status(), opt(a.pairId()),
                    opt(a.confidence()), opt(a.attributedBy()), candidates, opt(a.changedAt()),
                    s.crossCheck() == null ? "" : SessionView.round(s.crossCheck().estimatedKwh()),
                    s.crossCheck() == null ? "" : SessionView.round(s.crossCheck().lossKwh()));
            csv.append(row.stream().map(v -> field(v.toString())).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static Object opt(Object value) {
        return value == null ? "" : value;
    }

    /** Quoted when it holds a comma, quote or line break; quotes doubled. */
    static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
