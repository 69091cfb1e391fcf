package vn.povertyreview.ingest.internal.auth;

import java.util.Objects;
import java.util.Set;
import vn.povertyreview.domain.access.Scope;
import vn.povertyreview.schemas.AccessRole;
import vn.povertyreview.schemas.ReviewerToken;

/**
 * Who is making a request, as proven by their bearer token: the token's public id (recorded as
 * {@code submittedBy}, never the secret), its role, and the {@link Scope} that role gives: the
 * admin acts for every commune, a reviewer for the communes of its token, and a viewer acts for
 * nothing but reads the provinces and communes of its token. Immutable.
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
        // Built once per token, not per record checked.
        this(tokenId, role, role == AccessRole.ADMIN ? Scope.admin() : Scope.reviewerOf(communeCodes), label);
    }

    private Caller(String tokenId, AccessRole role, Scope scope, String label) {
        this.tokenId = Objects.requireNonNull(tokenId, "tokenId");
        this.role = Objects.requireNonNull(role, "role");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.label = label;
    }

    /** The caller a reviewer or viewer token proves. */
    public static Caller of(ReviewerToken token) {
        if (token.getRole() == AccessRole.VIEWER) {
            return new Caller(token.getTokenId(), AccessRole.VIEWER,
                    Scope.viewerOf(token.getViewedProvinceCodes(), token.getViewedCommuneCodes()), token.getLabel());
        }
        return new Caller(token.getTokenId(), token.getRole(), Set.copyOf(token.getCommuneCodes()), token.getLabel());
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

    /** The communes a reviewer may act for, or a viewer reads; empty for the admin, who may act for all. */
    public Set<String> communeCodes() {
        return scope.communeCodes();
    }

    public boolean isAdmin() {
        return role == AccessRole.ADMIN;
    }

    /** Whether this caller only reads: a viewer, who may never submit, withdraw or administer. */
    public boolean isViewer() {
        return role == AccessRole.VIEWER;
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
