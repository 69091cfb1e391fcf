package vn.povertyreview.embedded;

import java.nio.file.Path;
import java.util.Properties;

/** The configuration of a single-node Kafka broker that is also its own KRaft controller. */
final class BrokerProperties {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String LOOPBACK = "127.0.0.1";

    private BrokerProperties() {
    }

    static Properties singleNode(Path logDir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("process.roles", "broker,controller");
        props.put("log.dirs", logDir.toAbsolutePath().toString());

        // Explicit loopback hosts: an empty host would bind every interface of the machine.
        props.put("listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + LOOPBACK + ":" + controllerPort);
        props.put("advertised.listeners", BROKER_LISTENER + "://" + LOOPBACK + ":" + brokerPort);
        props.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", BROKER_LISTENER);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        // A static one-voter quorum: the node is the whole controller quorum, on a fixed port.
        props.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);

        // One node can hold one replica of anything, including the internal topics.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // Fewer internal partitions than the 50 a cluster uses: quicker start, fewer open files.
        props.put("offsets.topic.num.partitions", "10");
        props.put("transaction.state.log.num.partitions", "10");

        // After a kill -9, the restarted broker registers anew and the controller makes it wait until
        // the dead incarnation's session has expired (9 s by default). Broker and controller share
        // this process, so a short session costs nothing and brings a crashed launcher back sooner.
        props.put("broker.session.timeout.ms", "2000");
        props.put("broker.heartbeat.interval.ms", "500");
        // Consumers and Streams instances join at once instead of waiting 3 s for company.
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created deliberately, with their partitions and cleanup policy.
        props.put("auto.create.topics.enable", "false");
        // Kafka holds the product's records, not a cache of them: never delete by age.
        props.put("log.retention.ms", "-1");

        // Modest threads and buffers: the broker shares one JVM and two cores with the services.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return props;
    }
}
