package io.plugmate.kafka;

import java.nio.file.Path;
import java.util.Properties;

/** Settings of a single-node KRaft cluster: every internal topic with replication factor 1, no rebalance delay. */
final class BrokerProperties {

    private BrokerProperties() {
    }

    static Properties singleNode(int brokerPort, int controllerPort, Path logDirectory) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirectory.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // A broker killed with SIGKILL leaves its registration behind in the metadata log; started again, it is refused
        // (DUPLICATE_BROKER_REGISTRATION) until that registration's session expires: 9 s by default, measured 13-15 s
        // restarts against 5 s for a fresh start (issue 13, the fault suite's Kafka row). One node, its controller in
        // the same process: a short session costs nothing and shortens every restart after a crash.
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "500");
        // several partitions so that per-userId keying and partition-scoped ordering are exercised in tests
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        return p;
    }
}
