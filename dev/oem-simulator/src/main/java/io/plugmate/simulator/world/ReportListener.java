package io.plugmate.simulator.world;

import java.util.List;

/** Receives every delivery in order, while the world lock is held: implementations must only enqueue. */
public interface ReportListener {

    void onReports(List<PublishedReport> reports);
}
