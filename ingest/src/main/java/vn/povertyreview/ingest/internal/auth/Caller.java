package vn.povertyreview.ingest.internal.auth;

import java.util.Objects;
import java.util.Set;
import vn.povertyreview.domain.access.Scope;
import vn.povertyreview.schemas.AccessRole;

/**
 * Who is making a request, as proven by their bearer token: the token's public id (recorded as
 * {@code submittedBy}, never the secret), its role, and the {@link Scope} that role gives: the
 * admin acts for every commune, a reviewer for the communes of its token. Immutable.
 */
public final class Caller {

    /**
     * The token id recorded for the admin token, whether configured or rotated; also the key of the
     * rotated admin token on the token topic, which no reviewer token (a UUID) can take.
     */
    public static final String ADMIN_TOKEN_ID = "admin";

    private final String tokenId;
    private final AccessRole role;
    private final String label;
    private final Scope scope;

    public Caller(String tokenId, AccessRole role, Set<String> communeCodes) {
        this(tokenId, role, communeCodes, null);
    }

    /** @param label what the token is for (an office), as the admin labelled it; null when it has none */
    public Caller(String tokenId, AccessRole role, Set<String> communeCodes, String label) {
        this.tokenId = Objects.requireNonNull(tokenId, "tokenId");
        this.role = Objects.requireNonNull(role, "role");
        this.label = label;
        // Built once per token, not per record checked.
        this.scope = role == AccessRole.ADMIN ? Scope.admin() : Scope.reviewerOf(communeCodes);
    }

    public static Caller admin() {
        return new Caller(ADMIN_TOKEN_ID, AccessRole.ADMIN, Set.of());
    }

    public String tokenId() {
        return tokenId;
    }

    public AccessRole role() {
        return role;
    }

    /** The token's label, an office and never a person's name; null for the admin and for an unlabelled token. */
    public String label() {
        return label;
    }

    public Scope scope() {
        return scope;
    }

    /** The communes a reviewer may act for; empty for the admin, who may act for all. */
    public Set<String> communeCodes() {
        return scope.communeCodes();
    }

    public boolean isAdmin() {
        return role == AccessRole.ADMIN;
    }

    /** Whether this caller may submit or withdraw reviews of households of the commune. */
    public boolean mayActFor(String communeCode) {
        return scope.mayActFor(communeCode);
    }

    @Override
    public String toString() {
        return "Caller[" + tokenId + ", " + scope + "]";
    }
}
