package io.plugmate.vehicle.service;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.commons.problem.ConflictProblem;
import io.plugmate.commons.problem.NotFoundProblem;
import io.plugmate.commons.time.WallClock;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemConfig;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.vehicle.api.LinkRequest;
import io.plugmate.vehicle.config.LinkConfig;
import io.plugmate.vehicle.domain.LinkStatus;
import io.plugmate.vehicle.persistence.LinkSessionEntity;
import io.plugmate.vehicle.persistence.LinkSessionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Creating link sessions (API client side) and starting them (end user's browser side). */
@ApplicationScoped
public class LinkingService {

    public record CreatedLink(UUID id, String linkUrl, String linkToken) {
    }

    /**
     * Where the browser goes next: the OEM's consent page, or our vendor chooser when no vendor was set. With the
     * consent page comes {@code browserNonce}, for the cookie that binds the session to this browser.
     */
    public record StartDecision(URI oemConsent, LinkSessionEntity chooseVendorFor, UUID sessionId,
            String browserNonce) {
    }

    private final LinkSessionRepository sessions;
    private final OemClient oem;
    private final OemConfig oemConfig;
    private final LinkConfig config;

    public LinkingService(LinkSessionRepository sessions, OemClient oem, OemConfig oemConfig, LinkConfig config) {
        this.sessions = sessions;
        this.oem = oem;
        this.oemConfig = oemConfig;
        this.config = config;
    }

    @WithTransaction
    public Uni<CreatedLink> create(String clientId, String userId, LinkRequest request) {
        LinkRules.Validated valid = LinkRules.validate(request, oemConfig.vendors().keySet(), oem::supports);
        String token = Secrets.random();
        LinkSessionEntity session = new LinkSessionEntity();
        session.id = UUID.randomUUID();
        session.clientId = clientId;
        session.userId = userId;
        session.vendor = valid.vendor();
        session.vehicleRequested = valid.kinds().contains(DeviceKind.vehicle);
        session.chargerRequested = valid.kinds().contains(DeviceKind.charger);
        session.scopes = String.join(" ", valid.scopes());
        session.redirectUri = valid.redirectUri().toString();
        session.linkTokenHash = Secrets.hash(token);
        session.status = LinkStatus.CREATED;
        session.createdAt = WallClock.now();
        session.expiresAt = session.createdAt.plus(config.sessionTtl());
        return sessions.persist(session).replaceWith(new CreatedLink(session.id, linkUrl(session.id, token), token));
    }

    @WithSession
    public Uni<LinkSessionEntity> get(String clientId, String id) {
        return sessions.findByIdText(id)
                .map(session -> session != null && session.clientId.equals(clientId) ? session : null)
                .onItem().ifNull().failWith(() -> NotFoundProblem.of("link session", id));
    }

    /**
     * The link URL is single-use: the first visit with the right token moves the session to STARTED and sends the
     * browser to the OEM; a second visit, a wrong token or an expired session is refused.
     */
    @WithTransaction
    public Uni<StartDecision> start(String id, String linkToken, String chosenVendor) {
        return sessions.findByIdText(id).map(session -> {
            if (session == null || !Secrets.matches(linkToken, session.linkTokenHash)) {
                throw new NotFoundProblem("No open link session for this link");
            }
            if (session.effectiveStatus(WallClock.now()) != LinkStatus.CREATED) {
                throw new ConflictProblem("This link was already used or has expired; ask for a new one.");
            }
            String vendor = session.vendor != null ? session.vendor : chosen(session, chosenVendor);
            if (vendor == null) {
                return new StartDecision(null, session, session.id, null);
            }
            String nonce = Secrets.random();
            // the state travels in the consent URL, which can be shared; this one stays in the starting browser
            String browserNonce = Secrets.random();
            session.vendor = vendor;
            session.stateNonceHash = Secrets.hash(nonce);
            session.browserBindingHash = Secrets.hash(browserNonce);
            session.status = LinkStatus.STARTED;
            String oemScope = session.scopes.contains(":control:") ? "devices charging" : "devices";
            return new StartDecision(URI.create(oem.authorizeUrl(vendor, session.id + "." + nonce, oemScope)), null,
                    session.id, browserNonce);
        });
    }

    private String chosen(LinkSessionEntity session, String vendor) {
        if (vendor == null || vendor.isBlank()) {
            return null;
        }
        String upper = vendor.trim().toUpperCase(Locale.ROOT);
        boolean fits = oemConfig.vendors().containsKey(upper)
                && (!session.vehicleRequested || oem.supports(upper, DeviceKind.vehicle))
                && (!session.chargerRequested || oem.supports(upper, DeviceKind.charger));
        if (!fits) {
            throw BadRequestProblem.field("vendor", "is not a vendor offering what this link asks for");
        }
        return upper;
    }

    private String linkUrl(UUID id, String token) {
        return config.publicBaseUrl() + "/link-sessions/" + id + "/start?linkToken=" + token;
    }
}
