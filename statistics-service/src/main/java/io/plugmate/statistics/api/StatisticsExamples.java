package io.plugmate.statistics.api;

/** Example bodies for the OpenAPI document. */
final class StatisticsExamples {

    static final String HOURLY = """
            [{"date":"2026-11-24T18:00:00+01:00","kwhSum":6.912,"kw":{"min":6.88,"max":6.94,"mean":6.912},"sessionCount":1},
             {"date":"2026-11-24T19:00:00+01:00","kwhSum":10.998,"kw":{"min":10.99,"max":11.01,"mean":10.998},"sessionCount":1},
             {"date":"2026-11-24T20:00:00+01:00","kwhSum":4.571,"kw":{"min":2.1,"max":10.97,"mean":6.095},"sessionCount":1},
             {"date":"2026-11-24T21:00:00+01:00","kwhSum":0.0,"kw":{"min":0.0,"max":0.0,"mean":0.0},"sessionCount":0}]
            """;

    static final String SESSION = """
            {"id":"0f3e2b8c-5a51-4c8e-b7a0-2f6d9e1c4b21","userId":"hh-0001","source":"NATIVE",
              "basis":"CHARGER_METER","chargerId":"a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d",
              "vehicleId":"5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70","startedAt":"2026-11-24T17:41:12Z",
              "endedAt":"2026-11-25T06:58:31Z","energyKwh":22.481,"meter":{"startKwh":1234.567,"stopKwh":1257.048},
              "gaps":[],
              "attribution":{"status":"ATTRIBUTED","vehicleId":"5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70",
                "pairId":"0b7d4c1e-5f0a-3c2e-9a51-7e1f2d3c4b5a","confidence":0.73,"attributedBy":"DETECTION",
                "candidates":[],"changedAt":"2026-11-25T06:58:31Z",
                "reason":"pair 0b7d4c1e-5f0a-3c2e-9a51-7e1f2d3c4b5a active from 2026-11-24T17:42:05Z to 2026-11-25T06:58:31Z, 796 min of the session"},
              "attributionHistory":[{"status":"ATTRIBUTED","vehicleId":"5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70",
                "pairId":"0b7d4c1e-5f0a-3c2e-9a51-7e1f2d3c4b5a","confidence":0.73,"attributedBy":"DETECTION",
                "candidates":[],"changedAt":"2026-11-25T06:58:31Z","reason":"…"}],
              "crossCheck":{"sessionIds":["9c1d7e55-3b0a-3f6e-8d21-4a5b6c7d8e9f"],"estimatedKwh":20.447,
                "lossKwh":2.034,"lossPercent":9.05},
              "supersededBy":null}
            """;

    /** One page holding {@link #SESSION}: the list and the single-session example show the same session. */
    static final String SESSIONS = "{\"data\":[" + SESSION + "],\n \"pagination\":{\"before\":null,\"after\":\"AQAAAZr...\"}}";

    static final String CSV = """
            id,userId,source,basis,chargerId,vehicleId,startedAt,endedAt,energyKwh,attribution,pairId,confidence,\
            attributedBy,candidates,attributionChangedAt,vehicleEstimateKwh,lossKwh
            0f3e2b8c-5a51-4c8e-b7a0-2f6d9e1c4b21,hh-0001,NATIVE,CHARGER_METER,a3f9c2d1-7b6e-4a5d-8c9b-0e1f2a3b4c5d,\
            5d1e8f3a-0c2b-4e6f-9a1d-2b3c4d5e6f70,2026-11-24T17:41:12Z,2026-11-25T06:58:31Z,22.481,ATTRIBUTED,\
            0b7d4c1e-5f0a-3c2e-9a51-7e1f2d3c4b5a,0.73,DETECTION,,2026-11-25T06:58:31Z,20.447,2.034
            """;

    private StatisticsExamples() {
    }
}
