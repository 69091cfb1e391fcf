package vn.povertyreview.ingest.internal.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.auth.PermittedCommunes;

/**
 * {@code GET /api/v1/me}: who the token is and which communes it may submit for, so that the
 * upload page can check a token at sign-in and say whose it is. The admin's communes are not
 * listed (all of them). Thread-safe.
 */
public final class CallerHandler implements Handler {

    private final Access access;
    private final PermittedCommunes permitted;

    public CallerHandler(Access access, PermittedCommunes permitted) {
        this.access = access;
        this.permitted = permitted;
    }

    @Override
    public void handle(Context ctx) {
        Caller caller = access.caller(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tokenId", caller.tokenId());
        body.put("role", caller.role().name());
        body.put("allCommunes", caller.isAdmin());
        // A viewer's provinces: where its dashboard starts.
        body.put("provinceCodes", List.copyOf(caller.scope().provinceCodes()));
        List<Map<String, Object>> communes = caller.isAdmin() ? List.of() : permitted.of(caller).stream().map(commune -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("code", commune.unit().code());
            shown.put("name", commune.unit().name());
            shown.put("provinceName", commune.province().name());
            shown.put("mapId", commune.map().id());
            return shown;
        }).toList();
        body.put("communes", communes);
        ctx.header("Cache-Control", "no-store").json(body);
    }
}
