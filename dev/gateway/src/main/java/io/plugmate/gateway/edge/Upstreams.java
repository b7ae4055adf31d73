package io.plugmate.gateway.edge;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.gateway.config.GatewayConfig;
import io.vertx.core.net.SocketAddress;

/** Where each service of the routing table listens (configuration: {@code plugmate.gateway.upstreams}). */
@ApplicationScoped
public class Upstreams {

    private final GatewayConfig config;

    public Upstreams(GatewayConfig config) {
        this.config = config;
    }

    public Optional<URI> baseUri(String service) {
        return Optional.ofNullable(config.upstreams().get(service));
    }

    public Optional<SocketAddress> address(String service) {
        return baseUri(service).map(uri -> SocketAddress.inetSocketAddress(
                uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80), uri.getHost()));
    }
}
