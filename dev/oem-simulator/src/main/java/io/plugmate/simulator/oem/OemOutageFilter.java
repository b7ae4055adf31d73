package io.plugmate.simulator.oem;

import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.plugmate.simulator.problem.Problems;

/**
 * Plays the {@link OemOutage} on {@code /oem/{vendor}/api/**}: a storm before authentication (a cloud that is down);
 * a slow cloud after the request was carried out, by holding the answer back. A slow cloud holds the answer, not the
 * request: a request held before it is read dies with the connection of a client that gave up, so the cloud would
 * never take it — real clouds that answer late have usually done the work.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 10)
public class OemOutageFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Pattern API_PATH = Pattern.compile("^/?oem/([^/]+)/api(/.*)?$");
    /** What a rate-limited cloud asks the client to wait, in seconds. */
    static final int RETRY_AFTER_SECONDS = 2;

    // providers are created at static init, before runtime beans exist: resolve lazily
    private final Instance<OemOutage> outage;

    public OemOutageFilter(Instance<OemOutage> outage) {
        this.outage = outage;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        OemOutage.State state = outage.get().state();
        if (state.status() == 0 && state.delay().isZero() || !API_PATH.matcher(path).matches()) {
            return;
        }
        if (state.status() == 429) {
            ctx.abortWith(Response.fromResponse(Problems.response(429, "Too Many Requests",
                    "the cloud is shedding load", path, null)).header("Retry-After", RETRY_AFTER_SECONDS).build());
        } else if (state.status() != 0) {
            ctx.abortWith(Problems.response(state.status(), "Service Unavailable", "the cloud is having an outage",
                    path, null));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        OemOutage.State state = outage.get().state();
        if (state.status() != 0 || state.delay().isZero()
                || !API_PATH.matcher(request.getUriInfo().getPath()).matches()) {
            return;
        }
        try {
            Thread.sleep(state.delay().toMillis()); // blocking endpoints: this is a worker thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
