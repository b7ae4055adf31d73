package io.plugmate.commons.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** Plain Vert.x routes that fail outside JAX-RS, the way a non-REST endpoint of a service could. */
@ApplicationScoped
public class VertxRoutes {

    void register(@Observes Router router) {
        router.get("/vertx/boom").handler(context -> context.fail(new IllegalStateException(ProbeResource.SECRET)));
        router.get("/vertx/teapot").handler(context -> context.fail(418));
    }
}
