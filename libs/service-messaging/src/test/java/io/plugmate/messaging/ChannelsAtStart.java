package io.plugmate.messaging;

import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.StartupEvent;

/**
 * What the test application had right after its start, when SmallRye had built every channel (on the startup event,
 * before this observer) and no test had run: the channels sharing the dead-letter producer, whether that producer had
 * been made, and the Kafka producers' network threads then alive (SharedDeadLetterQueueTest).
 */
@ApplicationScoped
public class ChannelsAtStart {

    private volatile Set<String> deadLetterChannels;
    private volatile int deadLetterProducers;
    private volatile List<String> producerThreads;

    void started(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) StartupEvent started,
            DeadLetterProducer deadLetters) {
        deadLetterChannels = deadLetters.channels();
        deadLetterProducers = deadLetters.creations();
        producerThreads = producerThreads();
    }

    Set<String> deadLetterChannels() {
        return deadLetterChannels;
    }

    int deadLetterProducers() {
        return deadLetterProducers;
    }

    List<String> producerThreadsAtStart() {
        return producerThreads;
    }

    /** The names of the Kafka producers' network threads alive now. */
    static List<String> producerThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("kafka-producer-network-thread")).sorted().toList();
    }
}
