package io.plugmate.vehicle.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.commons.problem.FieldViolation;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.vehicle.api.LinkRequest;

/** The checks a link request must pass beyond its shape; every failure is reported at once, by field. */
final class LinkRules {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    static final Set<String> SCOPES = Set.of("vehicle:read:data", "vehicle:read:location", "vehicle:control:charging",
            "charger:read:data", "charger:control:charging");

    record Validated(String vendor, Set<DeviceKind> kinds, List<String> scopes, URI redirectUri) {
    }

    private LinkRules() {
    }

    static Validated validate(LinkRequest request, Set<String> vendors, BiPredicate<String, DeviceKind> offers) {
        List<FieldViolation> errors = new ArrayList<>();
        Set<DeviceKind> kinds = kinds(request, errors);
        String vendor = request.vendor() == null || request.vendor().isBlank() ? null
                : request.vendor().trim().toUpperCase(java.util.Locale.ROOT);
        if (vendor != null && !vendors.contains(vendor)) {
            errors.add(new FieldViolation("vendor", "is not a supported vendor: one of " + new java.util.TreeSet<>(vendors)));
        } else if (vendor != null) {
            kinds.stream().filter(kind -> !offers.test(vendor, kind)).forEach(kind -> errors
                    .add(new FieldViolation("vendorTypes", vendor + " offers no " + kind + " devices")));
        }
        request.scopes().stream().filter(scope -> scope != null && !SCOPES.contains(scope))
                .forEach(scope -> errors.add(new FieldViolation("scopes", "unknown scope " + scope + "; known: "
                        + new java.util.TreeSet<>(SCOPES))));
        URI redirect = redirectUri(request.redirectUri(), errors);
        if (!errors.isEmpty()) {
            throw new BadRequestProblem("The link request is invalid.", errors);
        }
        return new Validated(vendor, kinds, List.copyOf(new LinkedHashSet<>(request.scopes())), redirect);
    }

    private static Set<DeviceKind> kinds(LinkRequest request, List<FieldViolation> errors) {
        boolean single = request.vendorType() != null;
        boolean many = request.vendorTypes() != null && !request.vendorTypes().isEmpty();
        if (single == many) {
            errors.add(new FieldViolation("vendorTypes", "give exactly one of vendorType or vendorTypes"));
            return new LinkedHashSet<>();
        }
        List<String> names = single ? List.of(request.vendorType()) : request.vendorTypes();
        Set<DeviceKind> kinds = new LinkedHashSet<>();
        for (String name : names) {
            try {
                kinds.add(DeviceKind.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation(single ? "vendorType" : "vendorTypes", "must be vehicle or charger"));
            }
        }
        return kinds;
    }

    /**
     * Where the user's browser goes with the outcome: https, since the link session id travels in it; plain http only
     * to the user's own machine (a native or development app, RFC 8252 §7.3). No user info, no fragment.
     */
    private static URI redirectUri(String raw, List<FieldViolation> errors) {
        try {
            URI uri = new URI(raw);
            boolean web = "https".equals(uri.getScheme())
                    || "http".equals(uri.getScheme()) && LOOPBACK.contains(String.valueOf(uri.getHost()));
            if (uri.isAbsolute() && web && uri.getHost() != null && uri.getRawUserInfo() == null
                    && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException | NullPointerException e) {
            // reported below
        }
        errors.add(new FieldViolation("redirectUri",
                "must be an absolute https URL (http only for localhost) without user info or a fragment"));
        return null;
    }
}
