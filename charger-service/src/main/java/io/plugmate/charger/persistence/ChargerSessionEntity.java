package io.plugmate.charger.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.plugmate.charger.domain.PlugSessions;

/** One plug session of one linked charger, as its reports tell it; open while {@code endedAt} is null. */
@Entity
@Table(name = "charger_session")
public class ChargerSessionEntity {

    @Id
    public UUID id;
    @Column(name = "charger_id")
    public UUID chargerId;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "meter_start_kwh")
    public Double meterStartKwh;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "meter_stop_kwh")
    public Double meterStopKwh;
    @Column(name = "created_at")
    public Instant createdAt;

    public PlugSessions.Session view() {
        return new PlugSessions.Session(id, startedAt, meterStartKwh, endedAt, meterStopKwh);
    }
}
