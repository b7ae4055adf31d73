package io.plugmate.systemtests;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.plugmate.testinfra.Tokens;

/**
 * The fault suite's steady load: every step (about two wall seconds) one household of the ring unplugs or plugs its car
 * into its wallbox, and simulated time moves a minute, so each household changes every few simulated minutes and the
 * simulator pushes every report of the interval to the device services. Each change is a {@link Change} whose effects
 * the suite then looks for. While {@link #idle} only time moves (what the detector needs to decide the last changes).
 */
final class Load implements AutoCloseable {

    static final String STEP = "PT1M";
    private static final long STEP_MILLIS = 2_000;

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
    private volatile String fault = "setup";
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

    /** Only simulated time moves from now on. */
    void idle() {
        this.idle = true;
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
                if (!idle) {
                    int i = step++ % households.size();
                    change(i);
                    act((i + households.size() - 1) % households.size(), step / households.size() % 2 == 0);
                }
                Simulator.advance(STEP);
            } catch (RuntimeException | AssertionError e) {
                failedSteps++; // the simulator is never faulted: only a very slow machine gets here
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
     * one is refused before any command).
     */
    private void act(int i, boolean stop) {
        Household h = households.get(i);
        if (!plugged(i)) {
            return;
        }
        String action = stop ? "STOP" : "START";
        int status = 0;
        String id = null;
        try {
            var response = given().baseUri(Platform.url("orchestration-service")).auth().oauth2(token(h))
                    .contentType("application/json").body("{\"action\":\"" + action + "\"}")
                    .post("/vehicles/" + h.vehicleId + "/charging");
            status = response.statusCode();
            id = status == 201 ? response.path("id") : null;
        } catch (RuntimeException e) {
            status = -1; // not listening (killed)
        }
        synchronized (actions) {
            actions.add(new Action(fault, i, action, status, id));
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
    }
}
