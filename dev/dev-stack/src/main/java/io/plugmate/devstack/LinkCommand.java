package io.plugmate.devstack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ./plugmate link <user> <vendor> [--client <client-id>]}: links a household's simulated OEM account to the
 * platform the way an end user would, without a browser, against a running {@code ./plugmate run}:
 * <ol>
 * <li>looks up the household's demo login for the vendor at the simulator's sandbox;</li>
 * <li>as the API client (a dev-realm token), asks vehicle-service for a link URL for user {@code <user>}, for every
 * device type the account has;</li>
 * <li>follows it like a browser: consent page, sign-in with the demo login, approve, callback
 * ({@link SimulatedConsent});</li>
 * <li>prints the user's vehicles (vehicle-service) and chargers (charger-service) once the account's devices are
 * there.</li>
 * </ol>
 * The user id is the household id, as in the README walkthrough.
 */
public final class LinkCommand {

    static final String DEFAULT_CLIENT = "acme-energy";
    // the API client's page the user would land on; never fetched
    static final String REDIRECT_URI = "http://localhost:9999/linked";
    private static final Duration DEVICES_TIMEOUT = Duration.ofSeconds(60);

    record Arguments(Path root, String user, String vendor, String clientId) {

        static Arguments parse(String... args) {
            List<String> positional = new ArrayList<>();
            String clientId = DEFAULT_CLIENT;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--client") && i + 1 < args.length) {
                    clientId = args[++i];
                } else if (args[i].startsWith("--client=")) {
                    clientId = args[i].substring("--client=".length());
                } else if (args[i].startsWith("-")) {
                    throw new CommandFailure("unknown option " + args[i] + USAGE);
                } else {
                    positional.add(args[i]);
                }
            }
            if (positional.size() != 3) {
                throw new CommandFailure("expected a user and a vendor" + USAGE);
            }
            return new Arguments(Path.of(positional.get(0)), positional.get(1),
                    positional.get(2).toUpperCase(Locale.ROOT), clientId);
        }
    }

    private static final String USAGE = "; usage: ./plugmate link <user> <vendor> [--client <client-id>], e.g. "
            + "./plugmate link hh-0001 TESLA";

    private final LocalHttp http = new LocalHttp();
    private final URI simulator = ServiceCatalog.service("oem-simulator").baseUri();
    private final URI vehicles = ServiceCatalog.service("vehicle-service").baseUri();
    private final URI chargers = ServiceCatalog.service("charger-service").baseUri();

    private LinkCommand() {
    }

    public static void main(String[] args) {
        try {
            new LinkCommand().run(Arguments.parse(args));
        } catch (CommandFailure failure) {
            CommandFailure.exit(failure);
        }
    }

    private void run(Arguments arguments) {
        RealmInfo realm = RealmInfo.read(new Layout(arguments.root()).realmFile());
        RealmInfo.Client client = KeycloakTokens.client(realm, arguments.clientId());
        DemoAccount account = demoAccount(arguments.user(), arguments.vendor());
        progress("%s's %s login at the simulator: %s (%d vehicle(s), %d charger(s))", arguments.user(),
                account.vendor(), account.username(), account.vehicleIds().size(), account.chargerIds().size());
        String token = KeycloakTokens.accessToken(http, realm, client);

        JsonNode link = LocalHttp.json("vehicle-service", http.send("vehicle-service",
                HttpRequest.newBuilder(vehicles.resolve("/users/" + encode(arguments.user()) + "/link"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(account.linkRequest(REDIRECT_URI))))),
                201);
        progress("link session %s for user %s of client %s; consenting at the simulated %s ...",
                link.path("linkSessionId").asText(), arguments.user(), client.clientId(), account.vendor());
        SimulatedConsent.Outcome outcome = new SimulatedConsent(http).approve(
                URI.create(link.path("linkUrl").asText()), account);
        if (!outcome.succeeded()) {
            throw new CommandFailure("linking failed (" + outcome.error() + "), link session "
                    + outcome.linkSessionId() + "; see .plugmate/logs/vehicle-service.log");
        }
        System.out.printf(Locale.ROOT, "Linked %s account %s to user %s of client %s (link session %s).%n%n",
                account.vendor(), account.username(), arguments.user(), client.clientId(), outcome.linkSessionId());

        String user = encode(arguments.user());
        if (!account.vehicleIds().isEmpty()) {
            print("Vehicles", vehicles.resolve("/users/" + user + "/vehicles"), token, account.vendor(),
                    account.vehicleIds().size());
        }
        if (!account.chargerIds().isEmpty()) {
            print("Chargers", chargers.resolve("/users/" + user + "/chargers"), token, account.vendor(),
                    account.chargerIds().size());
        }
    }

    private DemoAccount demoAccount(String user, String vendor) {
        JsonNode accounts = http.getJson("the simulator",
                simulator.resolve("/sandbox/accounts?householdId=" + encode(user)), null).path("data");
        List<String> vendors = new ArrayList<>();
        for (JsonNode account : accounts) {
            if (account.path("vendor").asText().equals(vendor)) {
                return DemoAccount.parse(account);
            }
            vendors.add(account.path("vendor").asText());
        }
        throw new CommandFailure(vendors.isEmpty()
                ? "the simulator has no household " + user + "; its demo logins: " + simulator.resolve("/sandbox/accounts")
                : user + " has no " + vendor + " account at the simulator; its accounts: " + vendors);
    }

    /** Prints the user's devices once the account's are all there (charger-service learns of a link through Kafka). */
    private void print(String title, URI list, String token, String vendor, int expected) {
        String service = title.equals("Vehicles") ? "vehicle-service" : "charger-service";
        long deadline = System.nanoTime() + DEVICES_TIMEOUT.toNanos();
        LinkedDevices devices = LinkedDevices.parse(http.getJson(service, list, token));
        while (devices.ofVendor(vendor) < expected && System.nanoTime() < deadline) {
            pause();
            devices = LinkedDevices.parse(http.getJson(service, list, token));
        }
        System.out.println(title + " (" + service + ", GET " + list + "):");
        System.out.print(devices.render());
        if (devices.ofVendor(vendor) < expected) {
            System.out.printf(Locale.ROOT, "  (%d of the account's %d %s device(s) after %d s; see .plugmate/logs/%s.log)%n",
                    devices.ofVendor(vendor), expected, vendor, DEVICES_TIMEOUT.toSeconds(), service);
        }
    }

    private static void progress(String format, Object... values) {
        System.err.println("[plugmate] " + String.format(Locale.ROOT, format, values));
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted");
        }
    }

    private static String json(Object value) {
        try {
            return LocalHttp.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
