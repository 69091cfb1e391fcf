package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import vn.povertyreview.ingest.internal.auth.Authenticator;
import vn.povertyreview.ingest.internal.auth.Caller;

/** Checks the bearer token of a request against what the route requires. Thread-safe. */
public final class Access {

    private final Authenticator authenticator;

    public Access(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The caller, or 401 when the request proves no one. */
    public Caller caller(Context ctx) {
        return authenticator.identify(ctx.header("Authorization")).orElseThrow(() -> new ApiProblem(401, "unauthorized",
                new Message("Thiếu mã truy cập hoặc mã truy cập không hợp lệ (tiêu đề Authorization: Bearer <mã>).",
                        "Missing or unknown access token (header Authorization: Bearer <token>)."))
                .withHeader("WWW-Authenticate", "Bearer"));
    }

    /** The caller if it is the admin; 401 for no one, 403 for anyone else. */
    public Caller admin(Context ctx) {
        Caller caller = caller(ctx);
        if (!caller.isAdmin()) {
            throw new ApiProblem(403, "forbidden", new Message(
                    "Chỉ quản trị viên được thực hiện thao tác này.", "Only an administrator may do this."));
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
