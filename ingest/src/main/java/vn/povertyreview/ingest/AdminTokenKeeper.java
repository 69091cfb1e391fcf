package vn.povertyreview.ingest;

/**
 * Where a launcher that keeps the admin token itself (the embedded run keeps it in its data
 * directory) puts a rotated one. Called on the instance that rotated, once the rotation is on the
 * reviewer-tokens topic; the other instances learn the new token's hash from the topic. A
 * deployment that configures only the token's hash keeps nothing ({@link #NONE}).
 */
@FunctionalInterface
public interface AdminTokenKeeper {

    AdminTokenKeeper NONE = token -> { };

    /**
     * Keeps the new admin token. Must not log it.
     *
     * @throws RuntimeException when it cannot; the rotation stands, and the caller is told the token all the same
     */
    void keep(String adminToken);
}
