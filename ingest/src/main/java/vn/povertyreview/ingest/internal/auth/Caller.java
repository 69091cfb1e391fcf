package vn.povertyreview.ingest.internal.auth;

import java.util.Set;
import vn.povertyreview.schemas.AccessRole;

/**
 * Who is making a request, as proven by their bearer token: the token's public id (recorded as
 * {@code submittedBy}, never the secret), its role, and the communes it may act for. An admin may
 * act for every commune. Immutable.
 */
public record Caller(String tokenId, AccessRole role, Set<String> communeCodes) {

    /** The token id recorded for the admin token, which has no entry on the token topic. */
    public static final String ADMIN_TOKEN_ID = "admin";

    public Caller {
        communeCodes = Set.copyOf(communeCodes);
    }

    public static Caller admin() {
        return new Caller(ADMIN_TOKEN_ID, AccessRole.ADMIN, Set.of());
    }

    public boolean isAdmin() {
        return role == AccessRole.ADMIN;
    }

    /** Whether this caller may submit or withdraw reviews of households of the commune. */
    public boolean mayActFor(String communeCode) {
        return isAdmin() || communeCodes.contains(communeCode);
    }
}
