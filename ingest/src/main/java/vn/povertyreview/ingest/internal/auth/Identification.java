package vn.povertyreview.ingest.internal.auth;

import java.util.Objects;
import java.util.Optional;

/** What a bearer token proves: a caller, or why it proves no one. Immutable. */
public final class Identification {

    private final Caller caller;
    private final TokenRefusal refusal;

    private Identification(Caller caller, TokenRefusal refusal) {
        this.caller = caller;
        this.refusal = refusal;
    }

    public static Identification of(Caller caller) {
        return new Identification(Objects.requireNonNull(caller), null);
    }

    public static Identification refused(TokenRefusal refusal) {
        return new Identification(null, Objects.requireNonNull(refusal));
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    /** Why the token was refused; only meaningful when there is no caller. */
    public TokenRefusal refusal() {
        return refusal;
    }
}
