package io.plugmate.statistics.api;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.statistics.domain.Bucket;

@Schema(name = "ChargingStatistics", description = "One time bucket (Enode's shape, plus sessionCount): the energy "
        + "that flowed in it, split from sessions spanning its edges by when it flowed; kW are 15-minute averages while "
        + "energy flowed. Values are rounded to 3 decimals.")
public record BucketView(
        @Schema(description = "The bucket's start on the request's clock", example = "2026-11-24T18:00:00+01:00") OffsetDateTime date,
        @Schema(example = "7.368") double kwhSum,
        Kw kw,
        @Schema(description = "Sessions that charged in the bucket", example = "1") int sessionCount) {

    @Schema(name = "ChargingPower")
    public record Kw(double min, double max, double mean) {
    }

    static BucketView of(Bucket b, ZoneId zone) {
        return new BucketView(b.start().atZone(zone).toOffsetDateTime(), r(b.kwhSum()),
                new Kw(r(b.kwMin()), r(b.kwMax()), r(b.kwMean())), b.sessionCount());
    }

    private static double r(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
