package vn.povertyreview.ingest.internal.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApplicationRecoverableException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few transactional producers shared by all requests. A transactional producer runs one
 * transaction at a time, so concurrent requests each borrow one; each producer has its own
 * {@code transactional.id} ({@code ingest-<instanceId>-<slot>}), stable across restarts so that a
 * restarted instance fences and aborts whatever its previous run left open.
 *
 * <p>All records of one call to {@link #commit} are written in one transaction: all of them are
 * committed, or none. When Kafka fails, the transaction is aborted; when the producer cannot even
 * abort (Kafka gone, producer fenced), it is closed and a new one with the same transactional id is
 * made on next use, whose initialisation aborts the unfinished transaction on the broker.
 *
 * <p>Thread-safe.
 */
public final class ProducerPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerPool.class);

    private final BlockingQueue<Slot> idle;
    private final List<Slot> slots = new ArrayList<>();
    private final Duration acquireTimeout;
    private final ExecutorService prober;
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean kafkaReachable = true;
    private volatile boolean closed;

    /**
     * @param producers      makes a producer for a transactional id (not yet initialised)
     * @param transactionalIdPrefix e.g. {@code ingest-<instanceId>}; slots append {@code -<n>}
     * @param size           number of producers
     * @param acquireTimeout how long a request waits for a free producer
     */
    public ProducerPool(Function<String, Producer<byte[], byte[]>> producers, String transactionalIdPrefix, int size,
            Duration acquireTimeout) {
        this.idle = new ArrayBlockingQueue<>(size);
        this.acquireTimeout = acquireTimeout;
        for (int i = 0; i < size; i++) {
            Slot slot = new Slot(transactionalIdPrefix + "-" + i, producers);
            slots.add(slot);
            idle.add(slot);
        }
        this.prober = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "producer-pool-probe");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Initialises the producers now rather than on the first request. Kafka being unreachable is
     * not fatal here: the pool reports itself unusable and keeps trying on use.
     */
    public void warmUp() {
        List<Slot> warming = new ArrayList<>();
        idle.drainTo(warming);
        // Each initialisation is a round trip to the transaction coordinator, which after a crash
        // first aborts what the producer's previous run left open: all at once, not one by one,
        // so that a restarted ingest answers seconds sooner.
        ExecutorService initialising = Executors.newFixedThreadPool(Math.max(1, warming.size()));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Slot slot : warming) {
                done.add(initialising.submit(slot::producer));
            }
            for (Future<?> each : done) {
                each.get();
            }
            kafkaReachable = true;
        } catch (ExecutionException e) {
            kafkaReachable = false;
            LOG.warn("Kafka producers not ready yet ({}); will retry on use", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            initialising.shutdownNow();
            idle.addAll(warming);
        }
    }

    /**
     * Writes the records in one transaction and returns once Kafka has acknowledged its commit.
     *
     * @throws KafkaUnavailableException when no producer is free in time, or Kafka did not take the
     *         records; nothing of them is then visible to read-committed consumers
     */
    public void commit(List<OutgoingRecord> records) {
        if (closed) {
            throw new KafkaUnavailableException("the producer pool is closed", null);
        }
        Slot slot;
        try {
            slot = idle.poll(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for a producer", e);
        }
        if (slot == null) {
            throw new KafkaUnavailableException("no producer free within " + acquireTimeout, null);
        }
        try {
            slot.runTransaction(records);
            kafkaReachable = true;
        } catch (KafkaException e) {
            kafkaReachable = false;
            throw new KafkaUnavailableException("Kafka did not commit the records: " + e, e);
        } finally {
            idle.add(slot);
        }
    }

    /**
     * Whether requests can be expected to reach Kafka: the pool is open and its last attempt did
     * reach it. After a failure the pool probes Kafka in the background (by initialising an idle
     * producer, which needs the transaction coordinator) and reports usable again once that works.
     */
    public boolean isUsable() {
        if (closed) {
            return false;
        }
        if (!kafkaReachable && probing.compareAndSet(false, true)) {
            prober.execute(this::probe);
        }
        return kafkaReachable;
    }

    private void probe() {
        Slot slot = idle.poll();
        try {
            if (slot != null && !closed) {
                slot.discard();
                slot.producer();
                kafkaReachable = true;
                LOG.info("Kafka reachable again");
            }
        } catch (KafkaException e) {
            LOG.debug("Kafka still unreachable: {}", e.toString());
        } finally {
            if (slot != null) {
                idle.add(slot);
            }
            probing.set(false);
        }
    }

    @Override
    public void close() {
        closed = true;
        prober.shutdownNow();
        for (Slot slot : slots) {
            slot.close();
        }
    }

    /** One producer and the transactional id it always uses. Used by one thread at a time. */
    private static final class Slot {

        private final String transactionalId;
        private final Function<String, Producer<byte[], byte[]>> factory;
        private Producer<byte[], byte[]> producer;

        Slot(String transactionalId, Function<String, Producer<byte[], byte[]>> factory) {
            this.transactionalId = transactionalId;
            this.factory = factory;
        }

        synchronized Producer<byte[], byte[]> producer() {
            if (producer == null) {
                Producer<byte[], byte[]> fresh = factory.apply(transactionalId);
                try {
                    fresh.initTransactions();
                } catch (RuntimeException e) {
                    fresh.close(Duration.ZERO);
                    throw e;
                }
                producer = fresh;
            }
            return producer;
        }

        synchronized void runTransaction(List<OutgoingRecord> records) {
            Producer<byte[], byte[]> p = producer();
            boolean committing = false;
            try {
                p.beginTransaction();
                AtomicReference<Exception> sendFailure = new AtomicReference<>();
                // Looked up once per topic and transaction: a household's records go to its partition.
                Map<String, Integer> partitions = new HashMap<>();
                for (OutgoingRecord record : records) {
                    if (sendFailure.get() != null) {
                        // The transaction is lost already; each further send could block for
                        // max.block.ms of its own before failing the same way.
                        break;
                    }
                    ProducerRecord<byte[], byte[]> toSend =
                            record.toProducerRecord(topic -> partitions.computeIfAbsent(topic, t -> p.partitionsFor(t).size()));
                    p.send(toSend, (metadata, e) -> {
                        if (e != null) {
                            sendFailure.compareAndSet(null, e);
                        }
                    });
                }
                // Waits for every acknowledgement (bounded by delivery.timeout.ms), so that a failed
                // send is known before any commit is attempted.
                p.flush();
                if (sendFailure.get() != null) {
                    throw new KafkaException("a record was not acknowledged: " + sendFailure.get(), sendFailure.get());
                }
                committing = true;
                p.commitTransaction();
            } catch (KafkaException e) {
                recover(p, e, committing);
                throw e;
            } catch (RuntimeException e) {
                // Not a Kafka failure, but the transaction must not stay open either.
                recover(p, e, committing);
                throw new KafkaException("transaction failed: " + e, e);
            }
        }

        /**
         * Aborts after a failed send. After a failed commit, or an error that leaves the producer
         * unusable, it is closed instead: the next producer with this transactional id fences it
         * and completes or aborts what the broker still holds open.
         */
        private void recover(Producer<byte[], byte[]> p, RuntimeException failure, boolean committing) {
            if (committing || isFatal(failure)) {
                LOG.warn("Discarding producer {} after {}", transactionalId, failure.toString());
                discard();
                return;
            }
            try {
                p.abortTransaction();
            } catch (RuntimeException abortFailure) {
                LOG.warn("Discarding producer {}: could not abort after {}: {}", transactionalId, failure,
                        abortFailure.toString());
                discard();
            }
        }

        private static boolean isFatal(RuntimeException e) {
            return e instanceof ApplicationRecoverableException
                    || e instanceof AuthenticationException
                    || e instanceof AuthorizationException
                    || e instanceof UnsupportedVersionException
                    || e instanceof IllegalStateException;
        }

        synchronized void discard() {
            if (producer != null) {
                try {
                    producer.close(Duration.ZERO);
                } catch (RuntimeException e) {
                    LOG.debug("Closing producer {} failed: {}", transactionalId, e.toString());
                }
                producer = null;
            }
        }

        synchronized void close() {
            if (producer != null) {
                try {
                    producer.close(Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    LOG.debug("Closing producer {} failed: {}", transactionalId, e.toString());
                }
                producer = null;
            }
        }
    }
}
