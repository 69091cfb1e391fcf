package vn.povertyreview.streams.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * What one task collects in memory between two commits, handed to its processor inside every
 * commit's transaction.
 *
 * <p>A processor adds to it with {@link #computeIfAbsent} and, in its {@code init}, says with
 * {@link #onCommit} what to do at a commit: Streams calls {@link #flushCache()} inside every commit,
 * before it flushes the producer and commits the transaction, and the buffer then passes its
 * entries (possibly none) to that action, which forwards them or writes them to a logged store, and
 * empties itself. So nothing collected survives a commit unhandled, and what the action sends is in
 * the same transaction as the state changes that produced it: after a crash both are rolled back
 * together, and the buffer, never logged, starts empty, as it was at the last commit.
 *
 * <p>This is the mechanism the Streams DSL itself uses to emit a cached table's changes on commit:
 * Streams flushes the stores that are {@link CachedStateStore}s inside {@code prepareCommit}, and
 * only those. Forwarding from there needs the processor's node and a record context set, as the
 * DSL's flush listener sets them; {@link #flushCache()} does that through Streams' internal context.
 * Unlike a cached key-value store the buffer keeps values as Java objects: no serialisation per change.
 *
 * <p>A processor may also {@link #drain} the buffer from within its own {@code process}, which is
 * always safe; it does so to bound memory.
 */
public final class CommitBuffer<K, V> implements StateStore, CachedStateStore<K, V> {

    private final String name;
    private final Map<K, V> entries = new LinkedHashMap<>();
    private boolean open;
    private Consumer<Map<K, V>> action;
    private InternalProcessorContext<?, ?> processorContext;
    private ProcessorNode<?, ?, ?, ?> processorNode;

    private CommitBuffer(String name) {
        this.name = name;
        this.action = entries -> {
            throw new IllegalStateException("no processor set what commits do with " + name);
        };
    }

    /** A builder for {@code StreamsBuilder.addStateStore}; the buffer has no changelog. */
    public static <K, V> StoreBuilder<CommitBuffer<K, V>> builder(String name) {
        return new Builder<>(name);
    }

    /**
     * Sets what every commit does with the collected entries. Call it from the processor's
     * {@code init}: the processor's node is taken from the context then, so that what the action
     * forwards goes to that processor's children.
     */
    public void onCommit(ProcessorContext<?, ?> context, Consumer<Map<K, V>> atCommit) {
        this.processorContext = (InternalProcessorContext<?, ?>) context;
        this.processorNode = processorContext.currentNode();
        this.action = atCommit;
    }

    /** The buffered value of {@code key}, created first if there is none, as {@link Map#computeIfAbsent} does. */
    public V computeIfAbsent(K key, Function<? super K, ? extends V> create) {
        return entries.computeIfAbsent(key, create);
    }

    public int size() {
        return entries.size();
    }

    /** Hands the collected entries to {@code handle} now, from within the processor's own call, and empties the buffer. */
    public void drain(Consumer<Map<K, V>> handle) {
        if (!entries.isEmpty()) {
            handle.accept(entries);
            entries.clear();
        }
    }

    /** Called by Streams inside every commit, before the transaction's records are flushed. */
    @Override
    public void flushCache() {
        ProcessorNode<?, ?, ?, ?> previousNode = processorContext.currentNode();
        ProcessorRecordContext previousRecord = processorContext.recordContext();
        processorContext.setCurrentNode(processorNode);
        // As a punctuation has: no source record; the action stamps each record it forwards.
        processorContext.setRecordContext(new ProcessorRecordContext(processorContext.currentSystemTimeMs(), -1, -1, null,
                new RecordHeaders()));
        try {
            action.accept(entries);
            entries.clear();
        } finally {
            processorContext.setCurrentNode(previousNode);
            processorContext.setRecordContext(previousRecord);
        }
    }

    /** Streams clears caches when it recycles a task's state; buffered entries then belong to no transaction. */
    @Override
    public void clearCache() {
        entries.clear();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<K, V> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        // Nothing to restore: the buffer is empty at every commit, so it is empty after any restore.
        context.register(root, (key, value) -> { });
        open = true;
    }

    @Override
    public void close() {
        entries.clear();
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Position getPosition() {
        return Position.emptyPosition();
    }

    private static final class Builder<K, V> implements StoreBuilder<CommitBuffer<K, V>> {

        private final String name;

        Builder(String name) {
            this.name = name;
        }

        @Override
        public StoreBuilder<CommitBuffer<K, V>> withCachingEnabled() {
            return this;
        }

        @Override
        public StoreBuilder<CommitBuffer<K, V>> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<CommitBuffer<K, V>> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("a commit buffer is empty at every commit and has no changelog");
        }

        @Override
        public StoreBuilder<CommitBuffer<K, V>> withLoggingDisabled() {
            return this;
        }

        @Override
        public CommitBuffer<K, V> build() {
            return new CommitBuffer<>(name);
        }

        @Override
        public Map<String, String> logConfig() {
            return Map.of();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
