package io.plugmate.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.plugmate.events.Topics;
import io.plugmate.testinfra.KafkaResource;
import io.plugmate.testinfra.KafkaTestClient;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * Issue 13's fault suite: the whole platform under a steady simulated load ({@link Load}), one fault at a time, and per
 * fault a row of what went in and what came out (see the module README for the columns and the figures). Not in the
 * default run: {@code ./mvnw -B -pl dev/system-tests verify -Pfaults} (about an hour; one row: `-Dplugmate.faults.only=…`, see
 * the README).
 *
 * <p>
 * It asserts what must hold whatever the machine's speed — nothing lost, no duplicate, every service ready again, and
 * with Kafka down the readiness check answering 503 instead of hanging while the API still reads — after printing the
 * table, so a failing run still shows every figure.
 */
@ExtendWith(Platform.class)
class FaultSuite {

    private static final Duration BEFORE = Duration.ofSeconds(8);
    private static final Duration AFTER = Duration.ofSeconds(10);
    private static final Duration SETTLE = Duration.ofMinutes(2);
    private static final List<String> INPUT_TOPICS = List.of(Topics.DEVICE_LIFECYCLE, Topics.VEHICLE_STATE,
            Topics.CHARGER_STATE, Topics.PAIR_EVENTS, Topics.VEHICLE_COMMANDS, Topics.CHARGER_COMMANDS,
            Topics.COMMAND_RESULTS, Topics.ACTION_EVENTS, Topics.CAPABILITY_EVENTS, Topics.CHARGING_SESSIONS,
            Topics.CLIENT_FEATURES, Topics.OEM_ACCOUNTS, Topics.USERS);

    /** A fault: {@code inject} breaks something and holds it broken; {@code clear} ends the fault. */
    private record Fault(String name, Runnable inject, Runnable clear) {
    }

    private record Row(String fault, int changes, String effects, String views, String commands, long lost,
            long duplicated, String recovered, String readiness) {
    }

    private final Platform.Running platform = Platform.Running.current();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Load load;
    private Observed seen;
    private Ledger ledger;
    private Readiness readiness;
    private long oemExcessSoFar;
    private long webhooksGivenUpSoFar;
    private final List<String> unanswered = new ArrayList<>();

    @Test
    void theFaultTable() throws Exception {
        List<Household> households = List.of(pluggedIn("AMPERIA", "TESLA"), pluggedIn("TESLA", "WATTBOX"),
                pluggedIn("AMPERIA", "ZAPLINE"), pluggedIn("TESLA", "ZAPLINE"));
        try (Observed observed = new Observed();
                Readiness ready = new Readiness(platform.serviceNames());
                Load steady = new Load(households)) {
            seen = observed;
            readiness = ready;
            load = steady;
            ledger = new Ledger(load, seen);
            run(new Fault("none (baseline)", () -> pause(Duration.ofSeconds(5)), () -> {
            }));
            run(new Fault("kill -9 Kafka", this::killKafka, platform.broker::restart));
            Database database = new Database();
            run(new Fault("kill -9 PostgreSQL", () -> {
                database.kill();
                pause(Duration.ofSeconds(15));
            }, database::restart));
            run(new Fault("poison records on every input topic", this::poison, () -> {
            }));
            run(oemOutage("OEM 429 storm 30 s", "{\"status\":429}"));
            run(oemOutage("OEM 503 storm 30 s", "{\"status\":503}"));
            run(oemOutage("OEM answers after 20 s, for 30 s", "{\"status\":0,\"delay\":\"PT20S\"}"));
            run(new Fault("pairing consumer stalled 45 s (max.poll 20 s)", this::stallPairing, () -> {
            }));
            for (String service : platform.serviceNames()) {
                run(new Fault("kill -9 " + service, () -> {
                    kill(platform.pid(service));
                    pause(Duration.ofSeconds(5));
                }, () -> platform.start(service)));
            }
            run(new Fault("replay of every topic from offset 0", this::stopAndRewind, () -> platform.serviceNames()
                    .forEach(platform::start)));
        } finally {
            lateResults();
            print();
        }
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.lost()).as(row.fault() + ": lost").isZero();
            assertThat(row.duplicated()).as(row.fault() + ": duplicated").isZero();
            assertThat(row.recovered()).as(row.fault() + ": recovered").doesNotStartWith("not");
        });
        assertThat(notes).as("what must hold while Kafka is down").noneMatch(n -> n.startsWith("FAILED"));
    }

    /**
     * A command the car's cloud carries out in the very second the car is unplugged: the car's and the wallbox's clouds
     * then report twice within that second (the command's effect, then the unplug), both reports measured at the same
     * {@code observedAt}. Each report must reach the platform's topics — the unplug above all. Fails on 2026-12-06: the
     * device services keep one observation per device and measured second ({@code on conflict do nothing} on
     * {@code (device, observed_at)}), so the second report is taken for a duplicate and never published — the car's
     * unplug was missing from vehicle-state, and the wallbox published one of its two. Issue 13 point 2: the likely way
     * the OEM 503 storm row lost a wallbox's unplug, when a retried command landed in its household's change second.
     * Not part of the table (it needs the load stopped); runs with the fault suite, or alone with
     * {@code -Dplugmate.faults.only="same second"} (then only the table's baseline row runs besides).
     */
    @Test
    void aCommandAndAnUnplugInTheSameSecondAreBothReported() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(wanted(new Fault("a command and an unplug in the same second",
                () -> {
                }, () -> {
                })), "not chosen by -Dplugmate.faults.only");
        Household h = pluggedIn("TESLA", "WATTBOX");
        try (Observed observed = new Observed()) {
            int before = oemCommands(h).size();
            Load.Answer stop = Load.charging(Platform.url("orchestration-service"), Load.token(h), h.vehicleId, "STOP",
                    Duration.ofSeconds(30));
            assertThat(stop.status()).as("STOP taken").isEqualTo(201);
            org.awaitility.Awaitility.await("the STOP at the car's cloud").atMost(SETTLE)
                    .until(() -> oemCommands(h).size() > before);
            // the cloud carries a command out after its latency (a sleeping car's longer): simulated time moves in
            // fifths of a second until it has, and the car is unplugged at once, within that second
            for (int i = 0; i < 1_500 && oemCommands(h).stream().anyMatch(c -> c.get("completedAt") == null); i++) {
                Simulator.advance("PT0.2S");
            }
            assertThat(oemCommands(h)).as("the STOP carried out").allMatch(c -> c.get("completedAt") != null);
            java.time.Instant now = java.time.Instant.parse(given().baseUri(Simulator.url()).get("/sandbox/time")
                    .then().statusCode(200).extract().path("now"));
            Simulator.unplug(h.oemVehicle);
            Simulator.advance("PT2M");
            java.util.function.Supplier<List<Observed.Rec>> carOut = () -> observed.on(Topics.VEHICLE_STATE,
                    r -> h.vehicleId.equals(r.text("vehicleId")) && "false".equals(r.text("isPluggedIn"))
                            && !r.instant("observedAt").isBefore(now.minus(Ledger.SKEW)));
            java.util.function.Supplier<List<Observed.Rec>> boxOut = () -> observed.on(Topics.CHARGER_STATE,
                    r -> h.chargerId.equals(r.text("chargerId")) && "false".equals(r.text("isPluggedIn"))
                            && !r.instant("observedAt").isBefore(now.minus(Ledger.SKEW)));
            try {
                org.awaitility.Awaitility.await("the unplug's reports on the topics").atMost(SETTLE)
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> !carOut.get().isEmpty() && !boxOut.get().isEmpty());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                // what did arrive, to read the failure
                System.out.println("same second: unplugged at " + now + " after " + oemCommands(h)
                        + "; the wallbox's reports since "
                        + observed.on(Topics.CHARGER_STATE, r -> h.chargerId.equals(r.text("chargerId"))
                                && !r.instant("observedAt").isBefore(now.minus(Ledger.SKEW))).stream()
                                .map(r -> r.text("isPluggedIn") + "/" + r.text("isCharging") + "@" + r.text(
                                        "observedAt"))
                                .toList()
                        + "; the car's " + observed.on(Topics.VEHICLE_STATE, r -> h.vehicleId.equals(r.text(
                                "vehicleId")) && !r.instant("observedAt").isBefore(now.minus(Ledger.SKEW))).stream()
                                .map(r -> r.text("isPluggedIn") + "/" + r.text("isCharging") + "@" + r.text(
                                        "observedAt"))
                                .toList());
            }
            assertThat(carOut.get()).as("the car's unplug report").isNotEmpty();
            assertThat(boxOut.get()).as("the wallbox's unplug report").isNotEmpty();
        }
    }

    /** Every command the household's car and wallbox clouds were sent (wherever orchestration routed it). */
    private static List<Map<String, Object>> oemCommands(Household h) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String device : List.of(h.oemVehicle, h.oemCharger)) {
            all.addAll(given().baseUri(Simulator.url()).get("/sandbox/commands?deviceId=" + device).then()
                    .statusCode(200).extract().<List<Map<String, Object>>> path("data"));
        }
        return all;
    }

    /**
     * A household whose car is plugged into its wallbox with the pair confirmed by a person and ACTIVE; simulated time
     * keeps moving meanwhile, as it would (a loaded machine may need minutes for the first household).
     */
    private static Household pluggedIn(String vehicleVendor, String chargerVendor) {
        Household h = new Household(vehicleVendor, chargerVendor);
        Simulator.plug(h.oemVehicle, h.oemCharger);
        Simulator.advance("PT8M");
        given().baseUri(Platform.url("pairing-service")).auth().oauth2(Load.token(h)).post("/pairs/" + h.pairId
                + "/confirm").then().statusCode(200);
        org.awaitility.Awaitility.await(vehicleVendor + " at " + chargerVendor + " ACTIVE").atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(2)).until(() -> {
                    boolean active = "ACTIVE".equals(Api.read(Platform.url("pairing-service"), Load.token(h), "/pairs/"
                            + h.pairId, "state"));
                    if (!active) {
                        Simulator.advance("PT20S");
                    }
                    return active;
                });
        return h;
    }

    /**
     * Whether the fault's row is wanted: {@code -Dplugmate.faults.only=PostgreSQL,charger-service} runs only the rows
     * whose name contains one of those parts (and the baseline), to check one fix without the whole hour.
     */
    private static boolean wanted(Fault fault) {
        String only = System.getProperty("plugmate.faults.only", "").strip();
        return only.isEmpty() || fault.name().startsWith("none")
                || java.util.Arrays.stream(only.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                        .anyMatch(fault.name()::contains);
    }

    /** One row: load, the fault, its end, load, then until every change has its effects and the views show them. */
    private void run(Fault fault) {
        if (!wanted(fault)) {
            return;
        }
        load.run(fault.name());
        pause(BEFORE);
        long injected = System.currentTimeMillis();
        fault.inject().run();
        long cleared = System.currentTimeMillis();
        fault.clear().run();
        long recoveredAt = -1;
        long deadline = cleared + AFTER.toMillis() + SETTLE.toMillis();
        while (System.currentTimeMillis() < deadline) {
            long now = System.currentTimeMillis();
            if (recoveredAt < 0 && readiness.allUp() && ledger.caughtUp(fault.name(), cleared)
                    && unanswered(fault.name()).isEmpty()) {
                recoveredAt = now;
            }
            if (now >= cleared + AFTER.toMillis()) {
                load.idle(); // no change of this row comes after it: all of them must have their effects
                if (recoveredAt >= 0 && ledger.caughtUp(fault.name(), Long.MAX_VALUE)
                        && unanswered(fault.name()).isEmpty()) {
                    break;
                }
            }
            pause(Duration.ofMillis(500));
        }
        load.idle();
        List<Load.Change> changes = ledger.of(fault.name());
        List<Ledger.Effects> effects = changes.stream().map(ledger::effects).toList();
        for (int i = 0; i < changes.size(); i++) {
            if (!effects.get(i).complete()) {
                Load.Change c = changes.get(i);
                notes.add("%s: household %d %s at %s — %s; its reports %s; commands its OEMs carried out then %s"
                        .formatted(fault.name(), c.household(), c.plugged() ? "plugged in" : "unplugged", c.at(),
                                effects.get(i), ledger.reports(c), oemCommandsAround(c)));
                writeTrail(fault.name(), load.household(c.household()));
            }
        }
        long lost = Ledger.count(effects, e -> !e.complete());
        long duplicated = effects.stream().mapToLong(e -> Math.max(0, e.pairEvents() - 1)).sum();
        String found = "car %d, box %d, pair %d%s".formatted(Ledger.count(effects, Ledger.Effects::vehicle),
                Ledger.count(effects, Ledger.Effects::charger), Ledger.count(effects, e -> e.pairEvents() > 0),
                lateCycles(effects));
        long[] lostAndDuplicatedCommands = new long[2];
        String commands = commands(fault.name(), lostAndDuplicatedCommands);
        lost += lostAndDuplicatedCommands[0];
        duplicated += lostAndDuplicatedCommands[1];
        rows.add(new Row(fault.name(), changes.size(), found, views(fault.name()), commands, lost, duplicated,
                recoveredAt < 0 ? "not within " + SETTLE.plus(AFTER).toSeconds() + " s"
                        : Readiness.seconds(recoveredAt - cleared),
                readiness.summary(injected)));
        // a report the OEM gave up delivering (every webhook attempt failed) is lost upstream of the platform
        long givenUp = java.util.stream.Stream.of("AMPERIA", "TESLA", "WATTBOX", "ZAPLINE")
                .mapToLong(Simulator::webhooksGivenUp).sum();
        if (givenUp > webhooksGivenUpSoFar) {
            notes.add("%s: %d webhook deliveries the simulated OEMs gave up on (every attempt failed)".formatted(
                    fault.name(), givenUp - webhooksGivenUpSoFar));
        }
        webhooksGivenUpSoFar = givenUp;
        if (!"all UP".equals(readiness.summary(injected))) {
            notes.add(fault.name() + ": " + readiness.comparison(injected));
        }
        print();
    }

    /**
     * The commands the household's car and wallbox clouds carried out from a step before the change to a step after
     * (simulated time): a command completed in the same second as the plug change makes the device report twice
     * within that second.
     */
    private String oemCommandsAround(Load.Change c) {
        Household h = load.household(c.household());
        java.time.Instant from = c.at().minus(Duration.ofMinutes(1));
        java.time.Instant until = c.at().plus(Duration.ofMinutes(1));
        List<String> done = new ArrayList<>();
        for (String device : List.of(h.oemVehicle, h.oemCharger)) {
            List<Map<String, Object>> commands = given().baseUri(Simulator.url()).get("/sandbox/commands?deviceId="
                    + device).then().statusCode(200).extract().path("data");
            for (Map<String, Object> command : commands) {
                Object completed = command.get("completedAt");
                java.time.Instant at = completed == null ? null : java.time.Instant.parse(completed.toString());
                if (at != null && !at.isBefore(from) && at.isBefore(until)) {
                    done.add("%s %s %s at %s".formatted(command.get("deviceType"), command.get("type"),
                            command.get("state"), completed));
                }
            }
        }
        return done.toString();
    }

    /**
     * The pairing inputs of a household with a change lost, for {@code Replay --explain} to show what the detector
     * made of them: target/fault-trails/&lt;fault&gt;/&lt;user&gt;.jsonl.
     */
    private void writeTrail(String fault, Household h) {
        java.nio.file.Path file = java.nio.file.Path.of("target", "fault-trails", fault.replaceAll("[^A-Za-z0-9]+", "-"),
                h.userId + ".jsonl");
        try {
            seen.writeTrail(file, List.of(Topics.DEVICE_LIFECYCLE, Topics.VEHICLE_STATE, Topics.CHARGER_STATE),
                    h.userId);
        } catch (java.io.IOException e) {
            notes.add("%s: the trail of household %s could not be written: %s".formatted(fault, h.userId, e));
        }
    }

    /** Changes of plug-ins learnt only after their unplug (ADR 0017): not activatable, found in the pair's history. */
    private static String lateCycles(List<Ledger.Effects> effects) {
        long late = Ledger.count(effects, e -> e.pairEvents() == 0 && e.learntAfterUnplug());
        return late == 0 ? ""
                : ", %d learnt after the unplug (%d in the pair's history)".formatted(late,
                        Ledger.count(effects, e -> e.pairEvents() == 0 && e.learntAfterUnplug() && e.inHistory()));
    }

    /** Every OEM cloud's device API answers like this for 30 s (see the simulator's /sandbox/oem-outage). */
    private static Fault oemOutage(String name, String outage) {
        return new Fault(name, () -> {
            given().baseUri(Simulator.url()).contentType("application/json").body(outage).put("/sandbox/oem-outage")
                    .then().statusCode(200);
            pause(Duration.ofSeconds(30));
        }, () -> given().baseUri(Simulator.url()).delete("/sandbox/oem-outage").then().statusCode(204));
    }

    private void killKafka() {
        platform.broker.kill();
        pause(Duration.ofSeconds(8));
        // issue 13 point 7: with the broker gone the services answer — readiness 503, reads 200 — instead of hanging
        for (String service : platform.serviceNames()) {
            String answer = readiness.ask(service);
            notes.add(("503".equals(answer) ? "ok" : "FAILED") + ": Kafka down 8 s, " + service
                    + " /q/health/ready answered " + answer);
        }
        Household h = load.household(0);
        int status = given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", (int) Readiness.TIMEOUT.toMillis())))
                .baseUri(Platform.url("vehicle-service")).auth().oauth2(Load.token(h)).get("/users/" + h.userId
                        + "/vehicles")
                .statusCode();
        notes.add((status == 200 ? "ok" : "FAILED") + ": Kafka down, vehicle-service GET /users/{id}/vehicles "
                + status);
        pause(Duration.ofSeconds(12));
    }

    /** Two records per input topic that no consumer can take: not JSON, and JSON of no known event type. */
    private void poison() {
        for (String topic : INPUT_TOPICS) {
            KafkaTestClient.send(topic, "poison-" + UUID.randomUUID(), "{not json");
            KafkaTestClient.send(topic, "poison-" + UUID.randomUUID(),
                    "{\"type\":\"NoSuchEvent\",\"eventId\":\"" + UUID.randomUUID() + "\",\"schemaVersion\":1}");
        }
        pause(Duration.ofSeconds(20));
        List<Observed.Rec> poison = INPUT_TOPICS.stream().flatMap(t -> seen.on(t, r -> r.key() != null
                && r.key().startsWith("poison-")).stream()).toList();
        long inDlq = poison.stream().filter(p -> !seen.on(Topics.dlq(p.topic()), d -> p.topic().equals(d.headers()
                .get(Topics.DLQ_SOURCE_TOPIC_HEADER)) && Long.toString(p.offset()).equals(
                        d.headers().get(
                                Topics.DLQ_SOURCE_OFFSET_HEADER)))
                .isEmpty()).count();
        notes.add("poison: " + poison.size() + " records on " + INPUT_TOPICS.size() + " topics, " + inDlq
                + " of them in their -dlq (a topic nobody consumes has no dlq)");
    }

    /** Holds an exclusive lock on pairing-service's inbox table, so its consumers block inside their transactions. */
    private void stallPairing() {
        try (Connection c = Database.connect("pairing")) {
            c.setAutoCommit(false);
            c.createStatement().execute("lock table processed_event in access exclusive mode");
            pause(Duration.ofSeconds(45));
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every service stopped, every consumer group set back to offset 0 of every partition it had read. */
    private void stopAndRewind() {
        platform.serviceNames().forEach(platform::stop);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers",
                System.getProperty(KafkaResource.BOOTSTRAP_PROPERTY)))) {
            List<String> groups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).filter(g -> !g.startsWith("fault-suite")
                            && !g.startsWith("test-reader"))
                    .toList();
            for (String group : groups) {
                awaitEmpty(admin, group);
                Map<TopicPartition, OffsetAndMetadata> rewound = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).keySet().stream()
                        .collect(Collectors.toMap(tp -> tp, tp -> new OffsetAndMetadata(0)));
                admin.alterConsumerGroupOffsets(group, rewound).all().get(30, TimeUnit.SECONDS);
            }
            notes.add("replay: " + groups.size() + " consumer groups rewound to offset 0: " + groups);
        } catch (Exception e) {
            throw new IllegalStateException("cannot rewind the consumer groups", e);
        }
    }

    /**
     * Offsets can only be set on a group without members (as with kafka-consumer-groups --reset-offsets). A service
     * that stopped gracefully has left its groups; one killed after its shutdown outlived the grace period stays a
     * member until the broker's session timeout: wait for that, and say so.
     */
    private void awaitEmpty(Admin admin, String group) throws Exception {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(90).toNanos();
        int members = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group)
                .members().size();
        if (members == 0) {
            return;
        }
        while (System.nanoTime() < deadline && admin.describeConsumerGroups(List.of(group)).all()
                .get(30, TimeUnit.SECONDS).get(group).members().size() > 0) {
            pause(Duration.ofMillis(500));
        }
        notes.add("replay: group " + group + " still had " + members + " member(s) after every service stopped (a "
                + "shutdown cut short by the grace period leaves them to the session timeout); empty after "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
    }

    /**
     * The fault's charging actions: how many orchestration took, the device commands they became, how many of those
     * have a result (none is lost) and how many commands reached the OEMs meanwhile. A device's cloud holding more
     * commands than the platform ever asked of it is a duplicate at the OEM (counted where first seen).
     */
    /** The device commands published so far for the charging actions taken during this fault's row. */
    private java.util.Set<String> commandsOf(String fault) {
        java.util.Set<String> taken = load.actions().stream().filter(a -> a.fault().equals(fault))
                .map(Load.Action::actionId).filter(Objects::nonNull).collect(Collectors.toSet());
        return java.util.stream.Stream.of(Topics.VEHICLE_COMMANDS, Topics.CHARGER_COMMANDS)
                .flatMap(t -> seen.on(t, r -> taken.contains(r.text("actionId"))).stream())
                .map(r -> r.text("commandId")).collect(Collectors.toSet());
    }

    /**
     * This row's commands without a result so far. A row has recovered only once they have one: otherwise a command
     * held up by the fault is still in flight when the next row's fault begins, and is counted against this row.
     */
    private java.util.Set<String> unanswered(String fault) {
        java.util.Set<String> commands = new java.util.HashSet<>(commandsOf(fault));
        seen.on(Topics.COMMAND_RESULTS, r -> commands.contains(r.text("commandId")))
                .forEach(r -> commands.remove(r.text("commandId")));
        return commands;
    }

    private String commands(String fault, long[] lostAndDuplicated) {
        List<Load.Action> actions = load.actions().stream().filter(a -> a.fault().equals(fault)).toList();
        java.util.Set<String> taken = actions.stream().map(Load.Action::actionId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        java.util.Set<String> commands = commandsOf(fault);
        List<Observed.Rec> results = seen.on(Topics.COMMAND_RESULTS, r -> commands.contains(r.text("commandId")));
        java.util.Set<String> answered = results.stream().map(r -> r.text("commandId")).collect(Collectors.toSet());
        // each command's latest outcome, as the device services reported it (a redelivered result counts once)
        Map<String, Long> outcomes = results.stream().collect(Collectors.toMap(r -> r.text("commandId"),
                FaultSuite::outcome, (a, b) -> b)).values().stream()
                .collect(Collectors.groupingBy(o -> o, java.util.TreeMap::new, Collectors.counting()));
        long excess = 0;
        long atOem = 0;
        for (int i = 0; i < load.households(); i++) {
            Household h = load.household(i);
            for (String[] device : List.of(new String[] { h.vehicleId, h.oemVehicle },
                    new String[] { h.chargerId, h.oemCharger })) {
                long asked = java.util.stream.Stream.of(Topics.VEHICLE_COMMANDS, Topics.CHARGER_COMMANDS)
                        .flatMap(t -> seen.on(t, r -> device[0].equals(r.text("deviceId"))).stream())
                        .map(r -> r.text("commandId")).distinct().count();
                int received = given().baseUri(Simulator.url()).get("/sandbox/commands?deviceId=" + device[1]).then()
                        .statusCode(200).extract().path("data.size()");
                atOem += received;
                excess += Math.max(0, received - asked);
            }
        }
        lostAndDuplicated[0] = commands.size() - answered.size();
        // a command without a result: which, to whom, when, so the device service's log can be searched for it
        java.util.stream.Stream.of(Topics.VEHICLE_COMMANDS, Topics.CHARGER_COMMANDS).flatMap(t -> seen.on(t,
                r -> commands.contains(r.text("commandId")) && !answered.contains(r.text("commandId"))).stream())
                .forEach(r -> {
                    unanswered.add(r.text("commandId"));
                    notes.add("%s: command %s (%s %s of %s, action %s, published %s) has no result".formatted(fault,
                            r.text("commandId"), r.topic(), r.text("kind"), r.text("deviceId"), r.text("actionId"),
                            r.text("occurredAt")));
                });
        lostAndDuplicated[1] = excess - oemExcessSoFar;
        oemExcessSoFar = excess;
        String refused = actions.stream().filter(a -> a.actionId() == null).collect(Collectors.groupingBy(
                a -> a.status() == Load.REFUSED ? "refused"
                        : a.status() == Load.NO_ANSWER ? "no answer"
                                : Integer.toString(a.status()),
                java.util.TreeMap::new,
                Collectors.counting())).toString();
        return "%d/%d taken%s, %d cmds, %d answered %s, %d at OEMs so far".formatted(taken.size(), actions.size(),
                taken.size() == actions.size() ? "" : " (others " + refused + ")", commands.size(), answered.size(),
                outcomes, atOem);
    }

    /**
     * The commands a row counted without a result, looked at again once the suite is done (up to a minute more): a
     * result that came after its row was late, not lost — the note says which, so the row's figure can be read. The
     * rows' counts stay as measured.
     */
    private void lateResults() {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!unanswered.isEmpty() && System.currentTimeMillis() < deadline && unanswered.stream().anyMatch(
                id -> seen.on(Topics.COMMAND_RESULTS, r -> id.equals(r.text("commandId"))).isEmpty())) {
            pause(Duration.ofSeconds(2));
        }
        for (String id : unanswered) {
            List<Observed.Rec> results = seen.on(Topics.COMMAND_RESULTS, r -> id.equals(r.text("commandId")));
            notes.add("command %s: %s".formatted(id, results.isEmpty() ? "still no result at the suite's end"
                    : "result came after its row: " + outcome(results.getLast()) + ", published "
                            + results.getLast().text("occurredAt")));
        }
    }

    /** A command result as the table shows it: the outcome, and for a failure what its reason begins with. */
    private static String outcome(Observed.Rec result) {
        String outcome = String.valueOf(result.text("outcome"));
        String reason = result.text("reason");
        if ("ACCEPTED".equals(outcome) || reason == null) {
            return outcome;
        }
        String gist = reason.split("[:;(]", 2)[0].strip();
        return outcome + " " + (gist.length() > 40 ? gist.substring(0, 40) + "…" : gist);
    }

    /** After the load idled: how many of the device views show the simulated world's plug state. */
    private String views(String fault) {
        int ok = 0;
        long deadline = System.currentTimeMillis() + 60_000;
        do {
            ok = 0;
            for (int i = 0; i < load.households(); i++) {
                Household h = load.household(i);
                boolean plugged = load.plugged(i);
                ok += Objects.equals(plugged ? h.chargerId : null, Api.read(Platform.url("vehicle-service"), Load.token(h),
                        "/vehicles/" + h.vehicleId, "chargeState.pluggedInChargerId")) ? 1 : 0;
                ok += Objects.equals(plugged ? h.vehicleId : null, Api.read(Platform.url("charger-service"), Load.token(h),
                        "/chargers/" + h.chargerId, "chargeState.pluggedInVehicleId")) ? 1 : 0;
            }
            if (ok < 2 * load.households()) {
                pause(Duration.ofSeconds(2));
            }
        } while (ok < 2 * load.households() && System.currentTimeMillis() < deadline);
        for (int i = 0; i < load.households() && ok < 2 * load.households(); i++) {
            Household h = load.household(i);
            notes.add("views after %s: household %d %s, vehicle view %s, charger view %s".formatted(fault, i,
                    load.plugged(i) ? "plugged in" : "unplugged",
                    Api.read(Platform.url("vehicle-service"), Load.token(h), "/vehicles/" + h.vehicleId, "chargeState"),
                    Api.read(Platform.url("charger-service"), Load.token(h), "/chargers/" + h.chargerId, "chargeState")));
        }
        return ok + "/" + 2 * load.households();
    }

    private void print() {
        StringBuilder out = new StringBuilder("\n| fault | changes | effects found | views right | charging actions "
                + "| lost | duplicated | recovered after clear | readiness (from injection) |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %d | %d | %s | %s |%n", r.fault(),
                    r.changes(), r.effects(), r.views(), r.commands(), r.lost(), r.duplicated(), r.recovered(),
                    r.readiness()));
        }
        notes.forEach(n -> out.append("- ").append(n).append('\n'));
        out.append("- load steps that failed: ").append(load == null ? 0 : load.failedSteps()).append('\n');
        System.out.println(out);
    }

    private static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
