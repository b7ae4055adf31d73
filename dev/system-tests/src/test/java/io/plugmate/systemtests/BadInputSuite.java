package io.plugmate.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import io.plugmate.testinfra.ProjectTree;
import io.plugmate.testinfra.Tokens;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The bad-input suite (issue 13): every operation of every service's OpenAPI document, against the running platform,
 * with generated malformed, oversized and cross-tenant requests — ids of another API client's household, junk and
 * huge path and query values, bodies that are no JSON, the wrong JSON, or over the size limit, missing, garbage and
 * wrong-role tokens. Every answer must be a 4xx {@code application/problem+json} (or a success that shows nothing of
 * the other client), never a 5xx. Generated with jqwik's arbitraries from one seed ({@code -Dbad-input.seed}),
 * {@code -Dbad-input.tries} requests per operation (default 300).
 *
 * <p>
 * Not part of {@code ./plugmate test} (minutes): {@code ./mvnw -B -pl dev/system-tests verify -Pbad-input}.
 */
@ExtendWith(Platform.class)
class BadInputSuite {

    private static final int TRIES = Integer.getInteger("bad-input.tries", 300);
    private static final long SEED = Long.getLong("bad-input.seed", 13L);
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final RestAssuredConfig NO_REDIRECTS = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));
    private static final List<String> SUMMARY = new ArrayList<>();

    /** Another API client's linked household: its ids must never show through the attacker's requests. */
    private static Household victim;
    private static final String ATTACKER = "attacker-" + SEED;

    record Operation(String service, String method, String path, List<String> query, boolean body) {
    }

    @BeforeAll
    static void victimHousehold() {
        victim = new Household("TESLA", "ZAPLINE");
    }

    @AfterAll
    static void printTable() {
        System.out.println("\nbad-input suite, seed " + SEED + ", " + TRIES + " requests per operation");
        System.out.printf("%-58s %6s %6s %6s %6s %6s%n", "operation", "2xx", "3xx", "4xx", "5xx", "theirs");
        SUMMARY.forEach(System.out::println);
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersBadInputWithAProblem() throws Exception {
        return operations().stream().map(operation -> DynamicTest.dynamicTest(
                operation.method() + " " + operation.service() + operation.path(), () -> hammer(operation)));
    }

    private void hammer(Operation operation) {
        Random random = new Random(SEED ^ operation.path().hashCode() ^ operation.method().hashCode());
        int[] counts = new int[6];
        int crossTenant = 0;
        for (int i = 0; i < TRIES; i++) {
            String path = path(operation, random);
            RequestSpecification request = request(operation, random);
            Response response = request.request(operation.method(), path);
            int status = response.statusCode();
            counts[status / 100]++;
            String body = response.asString();
            String what = operation.method() + " " + operation.service() + path + " → " + status + " " + body;
            assertThat(status).as(what).isLessThan(500);
            if (status >= 400) {
                assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            }
            boolean theirIdInPath = THEIR_OBJECT.get();
            THEIR_OBJECT.set(false);
            if (theirIdInPath) {
                crossTenant++;
                // another client's object does not exist for this one: never a success
                assertThat(status / 100).as(what).isNotEqualTo(2);
            }
            if (status < 300) {
                // nothing of the other client in a success, beyond what the request itself said
                for (String theirs : victimIds()) {
                    if (!path.contains(theirs) && !SENT.get().contains(theirs)) {
                        assertThat(body).as("shows the other client's data: " + what).doesNotContain(theirs);
                    }
                }
            }
            SENT.get().clear();
        }
        SUMMARY.add(String.format("%-58s %6d %6d %6d %6d %6d", operation.method() + " " + operation.service()
                + operation.path(), counts[2], counts[3], counts[4], counts[5], crossTenant));
    }

    /** The platform's ids of the other client's devices and pair (user ids are the client's own labels). */
    private static List<String> victimIds() {
        return List.of(victim.vehicleId, victim.chargerId, victim.pairId);
    }

    /** Whether the current request names the other client's device or pair as the object it is about. */
    private static final ThreadLocal<Boolean> THEIR_OBJECT = ThreadLocal.withInitial(() -> false);

    /** The other client's ids put into the current request's query or body. */
    private static final ThreadLocal<java.util.Set<String>> SENT = ThreadLocal.withInitial(java.util.HashSet::new);

    private static String printable(String value) {
        String ascii = value.replaceAll("[^\\x21-\\x7e]", "");
        return ascii.length() > 2000 ? ascii.substring(0, 2000) : ascii;
    }

    private RequestSpecification request(Operation operation, Random random) {
        RequestSpecification request = given().baseUri(Platform.url(operation.service())).config(NO_REDIRECTS)
                .urlEncodingEnabled(true);
        switch (random.nextInt(10)) {
            case 0 -> {
                // no token
            }
            case 1 -> request.auth().oauth2(printable(junk(random, 300)) + "x");
            case 2 -> request.auth().oauth2(Tokens.unsigned(ATTACKER));
            case 3 -> request.auth().oauth2(Tokens.forClient(ATTACKER).roles("nobody").mint());
            default -> request.auth().oauth2(Tokens.apiClient(ATTACKER));
        }
        for (String name : operation.query()) {
            if (random.nextBoolean()) {
                request.queryParam(name, value(random));
            }
        }
        if (random.nextInt(4) == 0) {
            request.header("Idempotency-Key", printable(value(random)));
        }
        if (operation.body() || random.nextInt(8) == 0) {
            request.contentType(random.nextInt(6) == 0 ? "text/plain" : "application/json").body(body(random));
        }
        return request;
    }

    private static String path(Operation operation, Random random) {
        Matcher parameter = PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (parameter.find()) {
            String value = parameter.group(1).equals("vendor") && random.nextBoolean()
                    ? oneOf(random, "tesla", "TESLA", "zapline", "acme", "")
                    : value(random);
            if (parameter.group(1).equals("id") && victimIds().contains(value)) {
                // the other client's object itself (a user id is only a label each client chooses)
                THEIR_OBJECT.set(true);
            }
            parameter.appendReplacement(path, Matcher.quoteReplacement(encode(value)));
        }
        parameter.appendTail(path);
        return path.toString();
    }

    /** The other client's ids (the cross-tenant case), ids that exist nowhere, and junk of every shape and size. */
    private static String value(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> sent(oneOf(random, victim.vehicleId, victim.chargerId, victim.pairId, victim.userId,
                    victim.clientId));
            case 1 -> java.util.UUID.randomUUID().toString();
            case 2 -> String.valueOf(random.nextInt());
            case 3 -> junk(random, 40);
            case 4 -> oneOf(random, "", " ", "..", "null", "%00", "' or 1=1 --", "{}", "[]", "-1",
                    "9999999999999999999999", "2026-13-45", "P1000000Y", "<script>", "../../etc/passwd");
            default -> "x".repeat(200 + random.nextInt(4800));
        };
    }

    private static String sent(String value) {
        SENT.get().add(value);
        return value;
    }

    private static String body(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> "";
            case 1 -> "{\"" + printable(junk(random, 12)).replace("\"", "") + "\":";
            case 2 -> oneOf(random, "[]", "null", "42", "\"text\"", "true", "{}");
            case 3 -> "{\"userId\":\"" + victim.userId + "\",\"vehicleId\":\"" + sent(victim.vehicleId)
                    + "\",\"chargerId\":\"" + sent(victim.chargerId) + "\",\"enabled\":true,\"maxCurrentA\":16}";
            case 4 -> "{\"a\":\"" + "y".repeat(70 * 1024) + "\"}";
            case 5 -> "{\"vendors\":[\"" + value(random).replace("\"", "") + "\"],\"redirectUri\":\""
                    + value(random).replace("\"", "") + "\",\"scopes\":[1,2],\"maxCurrentA\":-5,\"enabled\":\"no\"}";
            default -> junk(random, 200);
        };
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String oneOf(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    /** Up to {@code maxLength} code points of any kind: control characters, surrogates' partners, emoji, RTL marks. */
    private static String junk(Random random, int maxLength) {
        StringBuilder junk = new StringBuilder();
        int length = 1 + random.nextInt(maxLength);
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0xa0 + random.nextInt(0x2000);
                default -> 0x1f300 + random.nextInt(0x300);
            };
            junk.appendCodePoint(codePoint);
        }
        return junk.toString();
    }

    /** Every operation the services document (their builds write target/openapi/openapi.json). */
    private static List<Operation> operations() throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, String> service : Map.of("vehicle-service", "vehicle-service", "charger-service",
                "charger-service", "pairing-service", "pairing-service/service", "orchestration-service",
                "orchestration-service", "statistics-service", "statistics-service").entrySet()) {
            Path file = ProjectTree.root().resolve(service.getValue()).resolve("target/openapi/openapi.json");
            JsonPath document = JsonPath.from(Files.readString(file));
            Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
            paths.forEach((path, methods) -> methods.forEach((method, details) -> {
                if (List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> parameters = (List<Map<String, Object>>) details
                            .getOrDefault("parameters", List.of());
                    List<String> query = parameters.stream().filter(p -> "query".equals(p.get("in")))
                            .map(p -> (String) p.get("name")).toList();
                    operations.add(new Operation(service.getKey(), method.toUpperCase(), path, query,
                            details.containsKey("requestBody")));
                }
            }));
        }
        assertThat(operations).as("operations found").hasSizeGreaterThan(30);
        return operations;
    }
}
