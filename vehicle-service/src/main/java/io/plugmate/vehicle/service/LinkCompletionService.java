package io.plugmate.vehicle.service;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.commons.problem.ForbiddenProblem;
import io.plugmate.commons.time.WallClock;
import io.plugmate.commons.validation.Ids;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.oem.OemDevice;
import io.plugmate.oem.OemException;
import io.plugmate.oem.OemGrant;
import io.plugmate.vehicle.domain.LinkStatus;
import io.plugmate.vehicle.persistence.LinkSessionEntity;
import io.plugmate.vehicle.persistence.LinkSessionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The OEM sent the user back. Verifies the state, exchanges the code, lists the account's vehicles, and then — in one
 * transaction — stores the account, the vehicles and their events. The HTTP calls to the OEM happen outside the
 * transaction so no database connection waits on a remote cloud.
 */
@ApplicationScoped
public class LinkCompletionService {

    private static final Logger LOG = Logger.getLogger(LinkCompletionService.class);

    private final LinkSessionRepository sessions;
    private final AccountService accounts;
    private final OemClient oem;

    public LinkCompletionService(LinkSessionRepository sessions, AccountService accounts, OemClient oem) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.oem = oem;
    }

    /**
     * @param browserNonce the link cookie's value of the session the state names ({@link #sessionIdOf}), null when the
     *        browser sent none
     * @return where to send the browser: the client's redirectUri with the outcome
     */
    public Uni<URI> complete(String state, String code, String error, String browserNonce) {
        return Panache.withSession(() -> openSession(state)).invoke(session -> bound(session, browserNonce))
                .chain(session -> {
                    if (error != null || code == null) {
                        return fail(session.id, error != null ? oemError(error) : "missing_code");
                    }
                    return exchange(session, code).onFailure(OemException.class).recoverWithUni(failure -> {
                        LOG.warnf("link session %s: OEM refused: %s", session.id, failure.getMessage());
                        return fail(session.id, "oem_error");
                    });
                });
    }

    /** The link session a callback's state names, or null: to find the session's cookie before anything else. */
    public static UUID sessionIdOf(String state) {
        String[] parts = state == null ? new String[0] : state.split("\\.", 2);
        return parts.length == 2 ? Ids.uuidOrNull(parts[0]) : null;
    }

    /**
     * RFC 6749 §10.12: the consent URL carries the state and can be passed on; only the browser that opened the link
     * URL has the cookie. Anyone else arriving here (someone who was sent the URL, and consented with their own OEM
     * account) is refused before the code is exchanged, so nothing is linked and the session stays open for its own
     * browser.
     */
    private static void bound(LinkSessionEntity session, String browserNonce) {
        if (!Secrets.matches(browserNonce, session.browserBindingHash)) {
            LOG.warnf("link session %s: callback from a browser that did not start it (%s cookie); refused",
                    session.id, browserNonce == null ? "no" : "another");
            throw new ForbiddenProblem("This browser did not start the link; open the link URL you were given in "
                    + "this browser, or ask for a new one.");
        }
    }

    private Uni<URI> exchange(LinkSessionEntity session, String code) {
        return oem.exchangeCode(session.vendor, code)
                .chain(grant -> vehicles(session, grant)
                        .chain(devices -> Panache.withTransaction(() -> accounts.store(session.id, grant, devices))))
                .map(completed -> outcome(completed, null));
    }

    private Uni<List<OemDevice>> vehicles(LinkSessionEntity session, OemGrant grant) {
        return session.vehicleRequested ? oem.devices(session.vendor, DeviceKind.vehicle, grant.accessToken())
                : Uni.createFrom().item(List.of());
    }

    private Uni<URI> fail(UUID sessionId, String reason) {
        return Panache.withTransaction(() -> sessions.findById(sessionId).invoke(session -> {
            // a second callback (a double click) must not turn a completed link into a failed one
            if (session.status == LinkStatus.STARTED) {
                session.fail(reason, WallClock.now());
            }
        })).map(session -> outcome(session, reason));
    }

    private Uni<LinkSessionEntity> openSession(String state) {
        UUID id = sessionIdOf(state);
        if (id == null) {
            return Uni.createFrom().failure(BadRequestProblem.field("state", "is not a link state"));
        }
        String nonce = state.split("\\.", 2)[1];
        return sessions.findById(id).map(session -> {
            if (session == null || !Secrets.matches(nonce, session.stateNonceHash)
                    || session.effectiveStatus(WallClock.now()) != LinkStatus.STARTED) {
                throw BadRequestProblem.field("state", "does not belong to an open link session");
            }
            return session;
        });
    }

    /**
     * The OEM's {@code error} as an RFC 6749 error code, else {@code oem_error}: it comes from the browser's address
     * bar, so anyone can put anything there, and it ends up in our redirect and the session's failure reason.
     */
    static String oemError(String error) {
        return error.matches("[a-z_]{1,64}") ? error : "oem_error";
    }

    private static URI outcome(LinkSessionEntity session, String error) {
        String separator = session.redirectUri.contains("?") ? "&" : "?";
        String query = "linkSessionId=" + session.id + (error == null ? "&status=success"
                : "&error=" + URLEncoder.encode(error, StandardCharsets.UTF_8));
        return URI.create(session.redirectUri + separator + query);
    }
}
