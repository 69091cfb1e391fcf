package vn.povertyreview.ingest.internal.kafka;

/**
 * Kafka did not take a request's records in time, and none of them was committed (the transaction
 * was aborted, or will be when its producer is replaced). The client is told to retry later.
 */
public final class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
