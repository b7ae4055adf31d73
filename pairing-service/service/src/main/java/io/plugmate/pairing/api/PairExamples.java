package io.plugmate.pairing.api;

/** Example bodies for the OpenAPI document. */
final class PairExamples {

    static final String ACTIVE_PAIR = """
            {"id":"0b7d4c1e-5f0a-3c2e-9a51-7e1f2d3c4b5a","userId":"hh-0001",
             "vehicleId":"5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70","chargerId":"a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d",
             "state":"ACTIVE","confidence":0.73,
             "evidence":[{"signal":"plug-in-timing","detail":"both reported plug-in 35s apart","score":0.6},
                         {"signal":"charging-state","detail":"charging state agreed in 2 reports","score":0.2},
                         {"signal":"charge-rate","detail":"vehicle rate matched the wall measurement less losses in 2 reports","score":0.5}],
             "candidates":[],"verdict":null,"verdictAt":null,
             "establishedAt":"2026-11-24T08:01:12Z","updatedAt":"2026-11-24T17:42:05Z","activatedAt":"2026-11-24T17:42:05Z"}
            """;

    static final String AMBIGUOUS_PAIR = """
            {"id":"6e2a9f40-1b3c-3d5e-8f70-a1b2c3d4e5f6","userId":"hh-0002",
             "vehicleId":"7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f","chargerId":"b4c5d6e7-f8a9-4b0c-9d1e-2f3a4b5c6d7e",
             "state":"AMBIGUOUS","confidence":0.55,
             "evidence":[{"signal":"plug-in-timing","detail":"both reported plug-in 60s apart","score":0.6}],
             "candidates":["9a8b7c6d-5e4f-3a2b-8c1d-0e9f8a7b6c5d"],"verdict":null,"verdictAt":null,
             "establishedAt":"2026-11-20T10:00:00Z","updatedAt":"2026-11-24T18:03:40Z","activatedAt":null}
            """;

    static final String HISTORY = """
            {"data":[
              {"from":null,"to":"INACTIVE","at":"2026-11-24T08:01:12Z","reason":"vehicle and charger both linked",
               "confidence":0.0,"evidence":[],"candidates":[]},
              {"from":"INACTIVE","to":"ACTIVE","at":"2026-11-24T17:42:05Z",
               "reason":"convincing and unrivalled (score 1.3)","confidence":0.73,
               "evidence":[{"signal":"plug-in-timing","detail":"both reported plug-in 35s apart","score":0.6}],
               "candidates":[]},
              {"from":"ACTIVE","to":"INACTIVE","at":"2026-11-25T06:58:31Z","reason":"vehicle reported unplugged",
               "confidence":0.0,"evidence":[],"candidates":[]}],
             "pagination":{"before":null,"after":null}}
            """;

    private PairExamples() {
    }
}
