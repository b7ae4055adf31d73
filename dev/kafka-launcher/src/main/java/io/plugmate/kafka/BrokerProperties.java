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
        // several partitions so that per-userId keying and partition-scoped ordering are exercised in tests
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        return p;
    }
}
