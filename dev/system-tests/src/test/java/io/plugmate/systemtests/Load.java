package io.plugmate.systemtests;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.plugmate.testinfra.Tokens;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;

/**
 * The fault suite's steady load: every step (about two wall seconds) one household of the ring unplugs or plugs its car
 * into its wallbox, and simulated time moves a minute, so each household changes every few simulated minutes and the
 * simulator pushes every report of the interval to the device services. Each change is a {@link Change} whose effects
 * the suite then looks for. While {@link #idle} only time moves (what the detector needs to decide the last changes).
 */
final class Load implements AutoCloseable {

    static final String STEP = "PT1M";
    /** An action's status when orchestration-service could not be reached (not listening) or did not answer. */
    static final int REFUSED = -1;
    static final int NO_ANSWER = -2;
    private static final long STEP_MILLIS = 2_000;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** A change made in the simulated world: household {@code household} is now plugged in or not, from {@code at}. */
    record Change(String fault, int household, boolean plugged, Instant at, long wallMillis) {
    }

    /** A charging action asked of orchestration-service: its id, or null when it was not taken (status). */
    record Action(String fault, int household, String action, int status, String actionId) {
    }

    private final List<Household> households;
    private final boolean[] plugged;
    private final List<Change> changes = new ArrayList<>();
    private final List<Action> actions = new ArrayList<>();
    private final Thread driver;
    private final ExecutorService actor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "fault-suite-actor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String fault = "setup";
    /** Held while a step makes its change: {@link #idle} waits for it. */
    private final Object stepLock = new Object();
    private volatile boolean idle = true;
    private volatile boolean running = true;
    private volatile int failedSteps;

    /** The households are plugged in and their pairs ACTIVE when the load starts. */
    Load(List<Household> households) {
        this.households = households;
        this.plugged = new boolean[households.size()];
        java.util.Arrays.fill(plugged, true);
        driver = new Thread(this::drive, "fault-suite-load");
        driver.setDaemon(true);
        driver.start();
    }

    /** From now on changes count for this fault, and are made (not only time moved). */
    void run(String fault) {
        this.fault = fault;
        this.idle = false;
    }

    /**
     * Only simulated time moves from now on. Returns once a step under way has made its change, so that every change of
     * the row is in {@link #changes()} when it returns (a change recorded just after the row's tally had no reports yet
     * and counted as lost: the 429 storm row of session 10).
     */
    void idle() {
        synchronized (stepLock) {
            this.idle = true;
        }
    }

    /** A fresh token of the household's API client: a Household's own expires after 5 minutes, the suite runs 40. */
    static String token(Household h) {
        return Tokens.apiClient(h.clientId);
    }

    Household household(int i) {
        return households.get(i);
    }

    int households() {
        return households.size();
    }

    /** Whether household i is plugged in now (meaningful while idle). */
    boolean plugged(int i) {
        synchronized (changes) {
            return plugged[i];
        }
    }

    List<Change> changes() {
        synchronized (changes) {
            return List.copyOf(changes);
        }
    }

    List<Action> actions() {
        synchronized (actions) {
            return List.copyOf(actions);
        }
    }

    int failedSteps() {
        return failedSteps;
    }

    private void drive() {
        int step = 0;
        while (running) {
            long started = System.currentTimeMillis();
            try {
                synchronized (stepLock) {
                    if (!idle) {
                        int i = step++ % households.size();
                        change(i);
                        act((i + households.size() - 1) % households.size(), step / households.size() % 2 == 0);
                    }
                }
                Simulator.advance(STEP);
            } catch (Exception | AssertionError e) {
                // rest-assured throws an unreachable server's IOException undeclared: a step that fails is counted,
                // never the end of the world's time (the simulator is never faulted: only a very slow machine)
                failedSteps++;
            }
            pause(Math.max(100, STEP_MILLIS - (System.currentTimeMillis() - started)));
        }
    }

    private void change(int i) {
        Household h = households.get(i);
        synchronized (changes) {
            Instant now = Instant.parse(given().baseUri(Simulator.url()).get("/sandbox/time").then().statusCode(200)
                    .extract().path("now"));
            if (plugged[i]) {
                Simulator.unplug(h.oemVehicle);
            } else {
                Simulator.plug(h.oemVehicle, h.oemCharger);
            }
            plugged[i] = !plugged[i];
            changes.add(new Change(fault, i, plugged[i], now, System.currentTimeMillis()));
        }
    }

    /**
     * A household that is plugged in is asked to stop or start charging, so commands flow to the OEMs (an unplugged
     * one is refused before any command). Asked on the actor's own thread, in order: the simulated world (the changes
     * and its time) never waits for orchestration-service, which a fault may have killed or slowed.
     */
    private void act(int i, boolean stop) {
        Household h = households.get(i);
        if (!plugged(i)) {
            return;
        }
        String action = stop ? "STOP" : "START";
        String fault = this.fault;
        actor.execute(() -> {
            Answer answer = charging(Platform.url("orchestration-service"), token(h), h.vehicleId, action, PATIENCE);
            synchronized (actions) {
                actions.add(new Action(fault, i, action, answer.status(), answer.actionId()));
            }
        });
    }

    /** What orchestration answered to a charging request: the status and the new action's id (null if none). */
    record Answer(int status, String actionId) {
    }

    /**
     * {@code POST /vehicles/{id}/charging}: the status and, for a 201, the action's id; {@link #REFUSED} when nothing
     * listens (killed), {@link #NO_ANSWER} when no answer came within {@code patience}. Never throws: rest-assured
     * rethrows the socket's checked IOException undeclared, which once ended the load's thread mid-step (the world's
     * time stopped with it; issue 13, the orchestration-service row).
     */
    static Answer charging(String orchestration, String token, String vehicleId, String action, Duration patience) {
        int millis = (int) patience.toMillis();
        try {
            var response = given().config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", millis).setParam("http.socket.timeout", millis)))
                    .baseUri(orchestration).auth().oauth2(token).contentType("application/json")
                    .body("{\"action\":\"" + action + "\"}").post("/vehicles/" + vehicleId + "/charging");
            int status = response.statusCode();
            return new Answer(status, status == 201 ? response.path("id") : null);
        } catch (Exception e) {
            return new Answer(e instanceof java.net.SocketTimeoutException ? NO_ANSWER : REFUSED, null);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        driver.join(30_000);
        actor.shutdownNow();
    }
}
