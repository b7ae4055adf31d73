package io.plugmate.orchestration.api;

/** Example bodies for the OpenAPI document. */
final class ActionExamples {

    static final String PENDING = """
            {"id":"4f6b1d2e-8c3a-4e5f-9a7b-1c2d3e4f5a6b","userId":"hh-0002",
             "targetId":"5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70","targetType":"vehicle","kind":"START",
             "state":"PENDING","targetSettings":null,"createdAt":"2026-11-24T17:45:02.118Z",
             "updatedAt":"2026-11-24T17:45:02.118Z","completedAt":null,"failureReason":null}
            """;

    static final String CANCELLED_AT_CREATION = """
            {"id":"9a0c3e5f-1b2d-4c6e-8f0a-2b4d6f8a0c1e","userId":"hh-0002",
             "targetId":"5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70","targetType":"vehicle","kind":"START",
             "state":"CANCELLED","targetSettings":null,"createdAt":"2026-11-24T17:45:02.118Z",
             "updatedAt":"2026-11-24T17:45:02.118Z","completedAt":"2026-11-24T17:45:02.118Z",
             "failureReason":{"type":"FEATURE_DISABLED","detail":"Command-orchestration is off for this client. \
            Routes considered: direct — vehicle 5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70 (VOLTRA) does not offer \
            startCharging; pair — command-orchestration is off for this client."}}
            """;

    static final String MAX_POWER = """
            {"id":"2c4e6a8b-0d1f-4a3c-9e5b-7d9f1b3d5f7a","userId":"hh-0001",
             "targetId":"a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d","targetType":"charger","kind":"SET_MAX_POWER",
             "state":"CONFIRMED","targetSettings":{"maxCurrent":null,"maxPowerKw":7.4},
             "createdAt":"2026-11-24T18:01:00.004Z","updatedAt":"2026-11-24T18:01:09.871Z",
             "completedAt":"2026-11-24T18:01:09.871Z","failureReason":null}
            """;

    static final String PLAN = """
            {"actionId":"4f6b1d2e-8c3a-4e5f-9a7b-1c2d3e4f5a6b","targetType":"vehicle",
             "targetId":"5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70","kind":"START","state":"CONFIRMED",
             "deadline":"2026-11-24T17:55:02.118Z","deadlineRule":"PT10M (default)",
             "watching":[{"deviceType":"charger","deviceId":"a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d","observedAfter":"2026-11-24T17:44:40Z"},
                         {"deviceType":"vehicle","deviceId":"5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70","observedAfter":"2026-11-24T17:43:12Z"}],
             "decisions":[{"decidedAt":"2026-11-24T17:45:02.118Z","trigger":"created",
               "preconditions":[{"subject":"plugged in","passed":true,"detail":"reported plugged in","blocker":"NONE"}],
               "routes":[
                 {"via":"DIRECT","deviceType":"vehicle","deviceId":"5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70","vendor":"VOLTRA","pairId":null,"taken":false,
                  "checks":[{"subject":"capability","passed":false,"detail":"vehicle 5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70 (VOLTRA) does not offer startCharging","blocker":"NOT_CAPABLE"},
                            {"subject":"reachability","passed":true,"detail":"vehicle 5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70 (VOLTRA): reachability not reported; taken as reachable","blocker":"NONE"}]},
                 {"via":"PAIR","deviceType":"charger","deviceId":"a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d","vendor":"WATTBOX","pairId":"0b7d4c1e-5f0a-3c2e-9a51-7e1f2d3c4b5a","taken":true,
                  "checks":[{"subject":"toggle capability-unlocking","passed":true,"detail":"capability-unlocking is on for this client","blocker":"NONE"},
                            {"subject":"toggle command-orchestration","passed":true,"detail":"command-orchestration is on for this client","blocker":"NONE"},
                            {"subject":"pair","passed":true,"detail":"pair 0b7d4c1e-5f0a-3c2e-9a51-7e1f2d3c4b5a is ACTIVE (confidence 0.86): plugged into a known charger","blocker":"NONE"},
                            {"subject":"capability","passed":true,"detail":"charger a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d (WATTBOX) offers startCharging","blocker":"NONE"},
                            {"subject":"reachability","passed":true,"detail":"charger a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d (WATTBOX) is reachable","blocker":"NONE"}]}],
               "current":null,
               "outcome":"routed through pair 0b7d4c1e-5f0a-3c2e-9a51-7e1f2d3c4b5a to charger a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d (WATTBOX)"}],
             "steps":[{"attempt":1,"commandId":"7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b","deviceType":"charger",
               "deviceId":"a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d","vendor":"WATTBOX","kind":"START","maxCurrentA":null,
               "maxPowerKw":null,"dispatchedAt":"2026-11-24T17:45:02.118Z",
               "result":{"outcome":"ACCEPTED","reason":null,"resultAt":"2026-11-24T17:45:02.903Z","receivedAt":"2026-11-24T17:45:03.010Z"}}],
             "observations":[{"deviceType":"charger","deviceId":"a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d",
               "observedAt":"2026-11-24T17:45:11Z","receivedAt":"2026-11-24T17:45:14.551Z","isPluggedIn":true,
               "isCharging":true,"maxCurrentA":null,"effect":"CONFIRMS"}],
             "transitions":[{"at":"2026-11-24T17:45:02.118Z","state":"PENDING","detail":"routed through pair 0b7d4c1e-5f0a-3c2e-9a51-7e1f2d3c4b5a to charger a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d (WATTBOX)"},
                            {"at":"2026-11-24T17:45:14.551Z","state":"CONFIRMED","detail":"charger a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d reported the effect (measured 2026-11-24T17:45:11Z, its clock)"}]}
            """;

    static final String LIST = """
            {"data":[""" + PENDING + "],\"pagination\":{\"before\":null,\"after\":null}}";

    private ActionExamples() {
    }
}
