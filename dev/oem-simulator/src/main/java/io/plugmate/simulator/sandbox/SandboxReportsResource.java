package io.plugmate.simulator.sandbox;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.plugmate.simulator.domain.ReportDelivery;
import io.plugmate.simulator.oem.DataList;
import io.plugmate.simulator.world.RecentReports;

/** The most recent report deliveries (oldest first), to watch the stream without registering a webhook. */
@Path("/sandbox/reports")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxReportsResource {

    private final RecentReports recent;

    public SandboxReportsResource(RecentReports recent) {
        this.recent = recent;
    }

    @GET
    public DataList<ReportDelivery> list(@QueryParam("deviceId") String deviceId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(5000) int limit) {
        List<ReportDelivery> deliveries = recent.recent(deviceId, limit);
        return new DataList<>(deliveries);
    }
}
