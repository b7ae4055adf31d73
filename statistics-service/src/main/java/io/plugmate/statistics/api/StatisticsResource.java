package io.plugmate.statistics.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageParams;
import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.commons.tenant.CallerTenant;
import io.plugmate.commons.tenant.Roles;
import io.plugmate.statistics.domain.AttributionStatus;
import io.plugmate.statistics.domain.Resolution;
import io.plugmate.statistics.domain.Source;
import io.plugmate.statistics.persistence.SessionRepository;
import io.plugmate.statistics.service.StatisticsQueries;
import io.smallrye.mutiny.Uni;

@Path("/statistics/charging")
@RolesAllowed(Roles.API_CLIENT)
@Tag(name = "Statistics", description = "Charging sessions (charger-native and estimated) attributed to the paired "
        + "vehicle, and time-bucket statistics")
public class StatisticsResource {

    private static final String PROBLEM = "application/problem+json";
    static final String CSV = "text/csv";

    private final StatisticsQueries queries;
    private final CallerTenant tenant;

    public StatisticsResource(StatisticsQueries queries, CallerTenant tenant) {
        this.queries = queries;
        this.tenant = tenant;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Charging statistics in time buckets", description = "The energy of the client's counted "
            + "sessions (one per energy flow: native wins over estimated) in buckets from the one holding startDate to "
            + "the one holding endDate. A session spanning a bucket edge is split by when its energy flowed. "
            + "A charger whose link did not grant charger:read:data counts nothing it measured (empty buckets for "
            + "type=charger; a vehicle's own estimate counts for it instead). "
            + "Resolution × range limits: QUARTER_HOUR 7 days, HALF_HOUR 14, HOUR 31, DAY 366, WEEK 157 weeks, MONTH 3 "
            + "years, YEAR 20 years.")
    @APIResponse(responseCode = "200", description = "The buckets, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BucketView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY), examples = @ExampleObject(name = "an evening, hourly, utcOffset=1", value = StatisticsExamples.HOURLY)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = PROBLEM))
    public Uni<List<BucketView>> charging(@Valid @BeanParam ChargingParameters parameters,
            @Parameter(description = "Bucket size; default DAY", schema = @Schema(enumeration = { "QUARTER_HOUR",
                    "HALF_HOUR", "HOUR", "DAY", "WEEK", "MONTH",
                    "YEAR" })) @QueryParam("resolution") @Pattern(regexp = "QUARTER_HOUR|HALF_HOUR|HOUR|DAY|WEEK|MONTH|YEAR", message = "must be one of QUARTER_HOUR, HALF_HOUR, HOUR, DAY, WEEK, MONTH, YEAR") String resolution) {
        if (parameters.type == null) {
            throw BadRequestProblem.field("type", "is required");
        }
        String clientId = tenant.clientId();
        Resolution res = resolution == null ? Resolution.DAY : Resolution.valueOf(resolution);
        ZoneId zone = parameters.zone();
        Instant[] range = parameters.range(true);
        ChargingParameters.requireWithin(res, range[0], range[1]);
        return queries.buckets(clientId, filter(clientId, parameters, null, null), range[0], range[1], res, zone)
                .map(buckets -> buckets.stream().map(b -> BucketView.of(b, zone)).toList());
    }

    @GET
    @Path("sessions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Charging sessions", description = "The client's counted sessions overlapping "
            + "[startDate, endDate), oldest first, cursor-paginated. A session another measurement stands in for "
            + "(a vehicle's estimate of a native session) is not listed; it shows as that session's crossCheck and can "
            + "be fetched by id. With native-session-statistics off only estimated sessions are served. Nothing "
            + "measured on a charger whose link did not grant charger:read:data is served (its native sessions, its "
            + "own estimates); a vehicle's estimate of the same energy is listed instead. Ask for text/csv to get the "
            + "same page as CSV.")
    @APIResponse(responseCode = "200", description = "One page of sessions", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionPage.class), examples = @ExampleObject(name = "an attributed native session", value = StatisticsExamples.SESSIONS)),
            @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING), examples = @ExampleObject(name = "the same as CSV", value = StatisticsExamples.CSV)) })
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = PROBLEM))
    public Uni<Page<SessionView>> sessions(@Valid @BeanParam ChargingParameters parameters,
            @Valid @BeanParam SessionFilters filters, @BeanParam PageParams page) {
        String clientId = tenant.clientId();
        var request = page.toRequest();
        Instant[] range = parameters.range(false);
        SessionRepository.Filter filter = filter(clientId, parameters, filters, range);
        return queries.list(clientId, filter, request).map(
                p -> new Page<>(p.data().stream().map(SessionView::of).toList(), p.pagination()));
    }

    @GET
    @Path("sessions")
    @Produces(CSV)
    @Operation(hidden = true)
    public Uni<Response> sessionsCsv(@Valid @BeanParam ChargingParameters parameters,
            @Valid @BeanParam SessionFilters filters, @BeanParam PageParams page, @jakarta.ws.rs.core.Context UriInfo uri) {
        return sessions(parameters, filters, page).map(p -> {
            Response.ResponseBuilder response = Response.ok(SessionCsv.of(p.data()), CSV + "; charset=utf-8");
            if (p.pagination().after() != null) {
                response.link(uri.getRequestUriBuilder().replaceQueryParam("before").replaceQueryParam("after",
                        p.pagination().after()).build(), "next");
            }
            if (p.pagination().before() != null) {
                response.link(uri.getRequestUriBuilder().replaceQueryParam("after").replaceQueryParam("before",
                        p.pagination().before()).build(), "prev");
            }
            return response.build();
        });
    }

    @GET
    @Path("sessions/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A charging session", description = "Any of the client's sessions, also one that another "
            + "measurement stands in for (supersededBy). 404 for an unknown id, for another client's session, and "
            + "for a session measured on a charger whose link did not grant charger:read:data.")
    @APIResponse(responseCode = "200", description = "The session", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class), examples = @ExampleObject(name = "an attributed native session", value = StatisticsExamples.SESSION)))
    @APIResponse(responseCode = "404", description = "No such session for this client", content = @Content(mediaType = PROBLEM))
    public Uni<SessionView> session(@PathParam("id") String id) {
        String clientId = tenant.clientId();
        return queries.get(clientId, id).map(SessionView::of);
    }

    private SessionRepository.Filter filter(String clientId, ChargingParameters p, SessionFilters f, Instant[] range) {
        if (p.id != null && p.type == null) {
            throw BadRequestProblem.field("type", "is required with id");
        }
        Source source = f == null || f.source == null ? null : Source.valueOf(f.source);
        AttributionStatus attribution = f == null || f.attribution == null ? null
                : AttributionStatus.valueOf(f.attribution);
        return new SessionRepository.Filter(ChargingParameters.blankToNull(p.userId), p.type,
                ChargingParameters.blankToNull(p.id), range == null ? null : range[0], range == null ? null : range[1],
                source, attribution, queries.nativeServed(clientId));
    }
}
