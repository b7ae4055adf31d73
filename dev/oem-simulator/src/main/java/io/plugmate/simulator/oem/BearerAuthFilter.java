package io.plugmate.simulator.oem;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.plugmate.simulator.domain.Vendor;
import io.plugmate.simulator.oauth.Caller;
import io.plugmate.simulator.oauth.OAuthStore;
import io.plugmate.simulator.problem.Problems;

/** Guards {@code /oem/{vendor}/api/**}: a valid bearer token of that vendor, within the rate limit. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthFilter implements ContainerRequestFilter {

    private static final Pattern API_PATH = Pattern.compile("^/?oem/([^/]+)/api(/.*)?$");

    // providers are created at static init, before runtime config exists: resolve config-backed beans lazily
    private final Instance<OAuthStore> store;
    private final Instance<RateLimiter> rateLimiter;
    private final CurrentCaller currentCaller;

    public BearerAuthFilter(Instance<OAuthStore> store, Instance<RateLimiter> rateLimiter, CurrentCaller currentCaller) {
        this.store = store;
        this.rateLimiter = rateLimiter;
        this.currentCaller = currentCaller;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        Matcher m = API_PATH.matcher(path);
        if (!m.matches()) {
            return;
        }
        Optional<Vendor> vendor = Vendor.parse(m.group(1));
        if (vendor.isEmpty()) {
            ctx.abortWith(Problems.response(404, "Not Found", "no OEM cloud named '" + m.group(1) + "'", path, null));
            return;
        }
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        Optional<Caller> caller = token == null ? Optional.empty() : store.get().authenticate(vendor.get(), token);
        if (caller.isEmpty()) {
            ctx.abortWith(Response.fromResponse(Problems.response(401, "Unauthorized",
                    "missing, invalid, expired or revoked access token", path, null))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build());
            return;
        }
        OptionalLong retryAfter = rateLimiter.get().acquire(token, vendor.get());
        if (retryAfter.isPresent()) {
            ctx.abortWith(Response.fromResponse(Problems.response(429, "Too Many Requests",
                    "rate limit of " + rateLimiter.get().limitFor(vendor.get()) + " requests per window exceeded", path, null))
                    .header("Retry-After", String.valueOf(retryAfter.getAsLong())).build());
            return;
        }
        currentCaller.set(caller.get());
    }
}
