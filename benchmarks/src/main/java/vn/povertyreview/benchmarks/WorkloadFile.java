package vn.povertyreview.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A file of serialized household-reviews records, written once while a workload is generated and
 * read back, in order, while it is sent. Keeping the records on disk rather than in the heap lets
 * a run of millions of households measure the pipeline's memory and not the harness's. Each
 * record: the household id, the key's and the value's bytes (length -1 for a withdrawal's
 * tombstone) and the commune a withdrawal names (empty for a review). Not thread-safe.
 */
final class WorkloadFile implements AutoCloseable {

    private static final int BUFFER = 1 << 20;
    private static final int TOMBSTONE = -1;

    private final Path path;
    private final DataOutputStream out;
    private long records;
    private long bytes;

    private WorkloadFile(Path path) throws IOException {
        this.path = path;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), BUFFER));
    }

    static WorkloadFile create(Path path) {
        try {
            return new WorkloadFile(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create workload file " + path, e);
        }
    }

    void append(Workload.Message message) {
        try {
            out.writeUTF(message.householdId());
            out.writeInt(message.key().length);
            out.write(message.key());
            if (message.value() == null) {
                out.writeInt(TOMBSTONE);
            } else {
                out.writeInt(message.value().length);
                out.write(message.value());
            }
            out.writeUTF(message.communeCode() == null ? "" : message.communeCode());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write workload file " + path, e);
        }
        records++;
        bytes += message.bytes();
    }

    Path path() {
        return path;
    }

    long records() {
        return records;
    }

    /** Key and value bytes appended, the payload a producer sends. */
    long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write workload file " + path, e);
        }
    }

    /** Hands every record of the file to {@code each}, in the order written. */
    static void read(Path path, Consumer<Workload.Message> each) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER))) {
            while (true) {
                String householdId;
                try {
                    householdId = in.readUTF();
                } catch (EOFException end) {
                    return;
                }
                byte[] key = in.readNBytes(in.readInt());
                int valueLength = in.readInt();
                byte[] value = valueLength == TOMBSTONE ? null : in.readNBytes(valueLength);
                String commune = in.readUTF();
                each.accept(new Workload.Message(key, value, householdId, commune.isEmpty() ? null : commune));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read workload file " + path, e);
        }
    }
}
