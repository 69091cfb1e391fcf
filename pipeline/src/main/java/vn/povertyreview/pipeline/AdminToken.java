package vn.povertyreview.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The admin token of an embedded installation: made once, kept in the data directory readable by
 * its owner only, replaced there when it is rotated, and shown at every start so the person running
 * it can use the API. Production deployments configure only the token's SHA-256 and keep the token
 * itself elsewhere.
 */
final class AdminToken {

    static final String FILE_NAME = "admin-token";

    private AdminToken() {
    }

    static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String token = "adm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            replace(dataDir, token);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin token in " + dataDir, e);
        }
    }

    /**
     * Keeps {@code token} as the admin token, in place of the one kept before: written beside the
     * file, readable by its owner only, then moved over it, so that a crash leaves the old token or
     * the new one, never half of one.
     */
    static void replace(Path dataDir, String token) {
        try {
            Files.createDirectories(dataDir);
            Path next = dataDir.resolve(FILE_NAME + ".next");
            Files.deleteIfExists(next);
            Files.createFile(next);
            try {
                Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions; the data directory's own protection applies
            }
            Files.writeString(next, token + "\n", StandardCharsets.UTF_8);
            Files.move(next, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin token in " + dataDir, e);
        }
    }

    static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
