package io.plugmate.simulator.world;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jakarta.inject.Singleton;

import io.plugmate.simulator.config.SimulatorConfig;
import io.plugmate.simulator.domain.ReportDelivery;

/** The last deliveries, for {@code GET /sandbox/reports}: a way to watch the stream without a webhook. */
@Singleton
public class RecentReports implements ReportListener {

    private final int capacity;
    private final Deque<ReportDelivery> buffer = new ArrayDeque<>();

    public RecentReports(SimulatorConfig config) {
        this.capacity = config.reports().recentBuffer();
    }

    @Override
    public synchronized void onReports(List<PublishedReport> reports) {
        for (PublishedReport r : reports) {
            buffer.addLast(r.delivery());
            if (buffer.size() > capacity) {
                buffer.removeFirst();
            }
        }
    }

    /** Newest last; {@code deviceId} null means all devices. */
    public synchronized List<ReportDelivery> recent(String deviceId, int limit) {
        List<ReportDelivery> matching = new ArrayList<>();
        for (ReportDelivery d : buffer) {
            if (deviceId == null || d.report().deviceId().equals(deviceId)) {
                matching.add(d);
            }
        }
        return List.copyOf(matching.subList(Math.max(0, matching.size() - limit), matching.size()));
    }
}
