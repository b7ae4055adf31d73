package io.plugmate.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

/** Where the forwarder's upstream connections live: with the event loop that took the request. */
@QuarkusTest
class ForwarderTest {

    @Inject
    Forwarder forwarder;

    @Inject
    Vertx vertx;

    @Test
    void eachEventLoopForwardsOverItsOwnClientAndKeepsIt() throws Exception {
        VertxInternal internal = (VertxInternal) vertx;
        ContextInternal first = internal.createEventLoopContext();
        ContextInternal second = internal.createEventLoopContext();
        // contexts take the loops by turns; another thread may take a turn in between
        for (int i = 0; i < 16 && second.nettyEventLoop() == first.nettyEventLoop(); i++) {
            second = internal.createEventLoopContext();
        }
        assertThat(second.nettyEventLoop()).as("the gateway runs more than one event loop")
                .isNotSameAs(first.nettyEventLoop());

        HttpClient ofFirst = clientOn(first);
        // a request's own (duplicated) context runs on its connection's loop: the same client, so the same pool
        assertThat(clientOn(first.duplicate())).isSameAs(ofFirst);
        assertThat(clientOn(first)).isSameAs(ofFirst);
        assertThat(clientOn(second)).isNotSameAs(ofFirst);
    }

    private HttpClient clientOn(Context context) throws Exception {
        CompletableFuture<HttpClient> client = new CompletableFuture<>();
        context.runOnContext(ignored -> client.complete(forwarder.client()));
        return client.get(10, TimeUnit.SECONDS);
    }
}
