package io.plugmate.simulator.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** All simulator settings, under {@code plugmate.simulator}. */
@ConfigMapping(prefix = "plugmate.simulator")
public interface SimulatorConfig {

    /** Seed of the world: same seed, same fleet and same reports. */
    @WithDefault("42")
    long seed();

    SimClock clock();

    DemoFleet demoFleet();

    Reports reports();

    Commands commands();

    OAuth oauth();

    RateLimit rateLimit();

    Webhooks webhooks();

    interface SimClock {
        /** Simulated start time; defaults to the wall-clock time at start-up (whole seconds). */
        Optional<Instant> start();

        /** Simulated seconds per wall-clock second while the ticker runs. */
        @WithDefault("1")
        double speed();

        @WithDefault("true")
        boolean tickerEnabled();

        @WithDefault("PT1S")
        Duration tickInterval();
    }

    interface DemoFleet {
        /** Autonomous households generated at start-up; 0 for an empty world. */
        @WithDefault("0")
        int households();
    }

    interface Reports {
        @WithDefault("0.03")
        double lateProbability();

        @WithDefault("0.02")
        double duplicateProbability();

        /** How many recent deliveries {@code GET /sandbox/reports} keeps. */
        @WithDefault("5000")
        int recentBuffer();
    }

    interface Commands {
        @WithDefault("0.05")
        double failureRate();
    }

    interface OAuth {
        /** Registered OAuth clients: client id → client secret. */
        Map<String, String> clients();

        /**
         * Client id → the redirect URIs it registered; an authorization request must name one of them exactly, as at
         * real OEMs. A loopback URI (localhost, 127.0.0.1) matches on any port (RFC 8252 §7.3). A client without any
         * can never be redirected to.
         */
        Map<String, List<String>> redirectUris();

        @WithDefault("PT1H")
        Duration accessTokenTtl();

        @WithDefault("P90D")
        Duration refreshTokenTtl();

        @WithDefault("PT10M")
        Duration codeTtl();
    }

    interface RateLimit {
        @WithDefault("PT1M")
        Duration window();

        /** Overrides every vendor's own per-window limit (tests use a small one). */
        OptionalInt maxRequests();
    }

    interface Webhooks {
        @WithDefault("PT5S")
        Duration timeout();

        @WithDefault("3")
        int maxAttempts();

        @WithDefault("PT1S")
        Duration retryBackoff();
    }
}
