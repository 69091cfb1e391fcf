package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import java.time.Clock;
import vn.povertyreview.ingest.internal.auth.Authenticator;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.auth.Identification;
import vn.povertyreview.ingest.internal.auth.TokenRateLimiter;
import vn.povertyreview.ingest.internal.auth.TokenRefusal;
import vn.povertyreview.ingest.internal.auth.TokenUses;

/**
 * Checks the bearer token of a request against what the route requires, and counts the request
 * against the token's rate limit. Every route that needs a token asks here before it reads the
 * body or writes anything, so that a refused request does nothing. Thread-safe.
 */
public final class Access {

    private final Authenticator authenticator;
    private final TokenRateLimiter rateLimiter;
    private final TokenUses uses;
    private final Clock clock;

    public Access(Authenticator authenticator, TokenRateLimiter rateLimiter, TokenUses uses, Clock clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.uses = uses;
        this.clock = clock;
    }

    /**
     * The caller; 401 with the rule when the request proves no one, 429 with {@code Retry-After}
     * when its token has used up its requests of the minute.
     */
    public Caller caller(Context ctx) {
        Identification identification = authenticator.identify(ctx.header("Authorization"));
        Caller caller = identification.caller().orElseThrow(() -> unauthorized(identification.refusal()));
        long retryAfter = rateLimiter.retryAfterSeconds(caller);
        if (retryAfter > 0) {
            throw new ApiProblem(429, "rate-limited", new Message(
                    "Mã truy cập này đã gửi quá nhiều yêu cầu trong một phút; yêu cầu này không được thực hiện. Hãy gửi lại sau "
                            + retryAfter + " giây.",
                    "This access token has sent too many requests in a minute; this request was not carried out. Send it again in "
                            + retryAfter + " seconds."))
                    .with("rule", "rate.limited")
                    .with("retryAfterSeconds", retryAfter)
                    .withHeader("Retry-After", Long.toString(retryAfter));
        }
        uses.noteUse(caller.tokenId(), clock.instant());
        return caller;
    }

    private static ApiProblem unauthorized(TokenRefusal refusal) {
        Message text = switch (refusal) {
            case MISSING -> new Message("Thiếu mã truy cập (tiêu đề Authorization: Bearer <mã>).",
                    "Missing access token (header Authorization: Bearer <token>).");
            case UNKNOWN -> new Message("Mã truy cập không hợp lệ: hệ thống không cấp mã nào như vậy.",
                    "Unknown access token: no such token was issued.");
            case REVOKED -> new Message("Mã truy cập này đã bị thu hồi; hãy xin quản trị viên cấp mã mới.",
                    "This access token was revoked; ask an administrator for a new one.");
            case EXPIRED -> new Message("Mã truy cập này đã hết hạn; hãy xin quản trị viên cấp mã mới.",
                    "This access token has expired; ask an administrator for a new one.");
            case ROTATED -> new Message("Mã quản trị này đã được thay bằng mã mới; hãy dùng mã mới.",
                    "This admin token was replaced by a rotation; use the new one.");
        };
        return new ApiProblem(401, "unauthorized", text)
                .with("rule", refusal.rule())
                .withHeader("WWW-Authenticate", "Bearer");
    }

    /** The caller if it is the admin; 401 for no one, 403 for anyone else. */
    public Caller admin(Context ctx) {
        Caller caller = caller(ctx);
        if (!caller.isAdmin()) {
            throw new ApiProblem(403, "forbidden", new Message(
                    "Chỉ quản trị viên được thực hiện thao tác này.", "Only an administrator may do this."))
                    .with("rule", "role.admin");
        }
        return caller;
    }

    /**
     * The caller if it may submit or withdraw reviews: the admin or a reviewer; 401 for no one, 403
     * for a viewer, whose token only reads.
     */
    public Caller writer(Context ctx) {
        Caller caller = caller(ctx);
        if (caller.isViewer()) {
            throw new ApiProblem(403, "forbidden", new Message(
                    "Mã xem chỉ được xem số liệu và báo cáo; không được gửi, rút hay quản trị.",
                    "A viewer token only reads figures and reports; it may not submit, withdraw or administer."))
                    .with("rule", "role.readOnly");
        }
        return caller;
    }

    /** 403 unless the caller may act for the commune. */
    public static void requireCommune(Caller caller, String communeCode) {
        if (!caller.mayActFor(communeCode)) {
            throw new ApiProblem(403, "forbidden", new Message(
                    "Tài khoản này không được thao tác trên dữ liệu của xã " + communeCode + ".",
                    "This account may not act for commune " + communeCode + "."))
                    .with("rule", "communeCode.notPermitted");
        }
    }
}
