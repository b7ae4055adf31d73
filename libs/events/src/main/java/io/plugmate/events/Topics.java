package io.plugmate.events;

/** Kafka topic names (architecture §4). A poison record goes to {@link #dlq(String)} of its topic. */
public final class Topics {

    public static final String DEVICE_LIFECYCLE = "device-lifecycle";
    public static final String VEHICLE_STATE = "vehicle-state";
    public static final String CHARGER_STATE = "charger-state";
    public static final String PAIR_EVENTS = "pair-events";
    public static final String VEHICLE_COMMANDS = "vehicle-commands";
    public static final String CHARGER_COMMANDS = "charger-commands";
    public static final String COMMAND_RESULTS = "command-results";
    public static final String ACTION_EVENTS = "action-events";
    public static final String CAPABILITY_EVENTS = "capability-events";
    public static final String CHARGING_SESSIONS = "charging-sessions";
    public static final String CLIENT_FEATURES = "client-features";
    /** Linked OEM accounts, for the device services (docs/adr/0004). */
    public static final String OEM_ACCOUNTS = "oem-accounts";
    /** Users an API client asked to erase ({@code UserDeleted}, docs/adr/0011); every service consumes it. */
    public static final String USERS = "user-events";

    /**
     * Header names a DLQ record carries, so that an operator can see why without the consumer's logs. They are the
     * names SmallRye Reactive Messaging's dead-letter-queue failure strategy writes, so hand-written and
     * connector-written DLQ records read the same.
     */
    public static final String DLQ_REASON_HEADER = "dead-letter-reason";
    public static final String DLQ_CAUSE_HEADER = "dead-letter-cause";
    public static final String DLQ_SOURCE_TOPIC_HEADER = "dead-letter-topic";
    public static final String DLQ_SOURCE_PARTITION_HEADER = "dead-letter-partition";
    public static final String DLQ_SOURCE_OFFSET_HEADER = "dead-letter-offset";

    private Topics() {
    }

    public static String dlq(String topic) {
        return topic + "-dlq";
    }
}
