package vn.povertyreview.ingest.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.sse.SseHandler;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.admin.UnitDirectory;
import vn.povertyreview.domain.review.ReviewRules;
import vn.povertyreview.ingest.AdminTokenKeeper;
import vn.povertyreview.ingest.Health;
import vn.povertyreview.ingest.ReportDatabase;
import vn.povertyreview.ingest.internal.audit.AuditRecords;
import vn.povertyreview.ingest.internal.auth.Authenticator;
import vn.povertyreview.ingest.internal.auth.Caller;
import vn.povertyreview.ingest.internal.dashboard.AlertFeed;
import vn.povertyreview.ingest.internal.auth.PermittedCommunes;
import vn.povertyreview.ingest.internal.auth.ReviewerTokens;
import vn.povertyreview.ingest.internal.auth.TokenRateLimiter;
import vn.povertyreview.ingest.internal.auth.TokenUses;
import vn.povertyreview.ingest.internal.kafka.KeyedView;
import vn.povertyreview.ingest.internal.kafka.ProducerPool;
import vn.povertyreview.ingest.internal.kafka.SubmissionRecords;
import vn.povertyreview.ingest.internal.review.IdentifierChecks;
import vn.povertyreview.ingest.internal.review.RecordJudge;
import vn.povertyreview.ingest.internal.target.TargetRecords;
import vn.povertyreview.ingest.internal.target.UnitCodes;
import vn.povertyreview.ingest.internal.workbook.ReviewTemplate;
import vn.povertyreview.schemas.AdminUnit;
import vn.povertyreview.schemas.ReductionTarget;
import vn.povertyreview.schemas.ReviewYearClosure;
import vn.povertyreview.schemas.Topics;

/** Builds the HTTP application: every route and the error mapping, declared here and nowhere else. */
public final class IngestApp {

    /**
     * Bounds the small JSON bodies of the admin endpoints. Review uploads are streamed past this
     * limit and bounded by their own, configurable one.
     */
    static final long MAX_SMALL_BODY_BYTES = 1024 * 1024;

    private IngestApp() {
    }

    /**
     * What the routes need.
     *
     * @param targets  the current reduction targets, by key, kept equal to the reduction-targets topic
     * @param closures the current review-year closures, by key, kept equal to the review-year-closures topic
     * @param others   the health of the services run beside ingest, which its /health reports too
     * @param uses     when each token was last accepted, here and on the other instances
     * @param keeper   where the launcher keeps a rotated admin token, if it keeps it
     * @param reports  the sink's database, which the reports and the expected counts read and write
     * @param metrics  where ingest's meters are kept, and whose meters {@code GET /metrics} shows
     */
    public record Dependencies(AdminMaps maps, Topics topics, ProducerPool producers, Authenticator authenticator,
            ReviewerTokens tokens, TokenUses uses, TokenRateLimiter rateLimiter, AdminTokenKeeper keeper,
            KeyedView<ReductionTarget> targets, KeyedView<ReviewYearClosure> closures, KeyedView<AdminUnit> villages,
            Clock clock,
            long maxBodyBytes, int maxRecords, Supplier<Health> others, ReportDatabase reports,
            PrometheusMeterRegistry metrics, AlertFeed alerts) {
    }

    public static Javalin create(Dependencies d) {
        ObjectMapper json = IngestJson.mapper();
        Access access = new Access(d.authenticator(), d.rateLimiter(), d.uses(), d.clock());
        JsonBodies bodies = new JsonBodies(json);
        ReviewRules rules = new ReviewRules(d.maps());
        IdentifierChecks identifiers = new IdentifierChecks(rules);
        IngestMetrics metrics = new IngestMetrics(d.metrics());
        AuditRecords audit = new AuditRecords(d.topics().auditEvents(), d.clock());

        UploadJudge upload = new UploadJudge(new RecordJudge(rules, d.clock()), json, d.maxBodyBytes(), d.maxRecords());
        ReviewSubmissionHandler submit = new ReviewSubmissionHandler(access, upload,
                new SubmissionRecords(d.topics(), d.clock()), d.producers(), metrics, audit);
        RejectedRowsHandler rejectedRows = new RejectedRowsHandler(access, upload);
        ReviewWithdrawalHandler withdraw = new ReviewWithdrawalHandler(access, d.maps(), identifiers,
                d.topics().householdReviews(), d.producers(), audit);
        VillageNamingHandler nameVillage = new VillageNamingHandler(access, bodies, d.maps(), identifiers,
                d.topics().adminUnits(), d.villages(), d.producers(), audit);
        ReviewerTokenHandler reviewerTokens = new ReviewerTokenHandler(access, bodies, d.maps(), d.topics().reviewerTokens(),
                d.tokens(), d.producers(), new TokenListing(d.tokens(), d.uses(), d.clock()), audit, d.clock());
        AdminTokenHandler adminToken = new AdminTokenHandler(access, d.authenticator(), d.topics().reviewerTokens(),
                d.tokens(), d.producers(), d.keeper(), audit, d.clock());
        UnitCodes units = new UnitCodes(d.maps(), identifiers);
        TargetHandler targets = new TargetHandler(access, bodies, new TargetRecords(units), d.topics().reductionTargets(),
                d.targets(), d.producers(), audit, d.clock());
        ReviewYearClosureHandler closures = new ReviewYearClosureHandler(access, bodies, units,
                d.topics().reviewYearClosures(), d.closures(), d.producers(), audit, d.clock());
        ApiDescriptionHandler describe = new ApiDescriptionHandler();
        HealthHandler health = new HealthHandler(d.producers(), d.others());
        PermittedCommunes permitted = new PermittedCommunes(d.maps());
        ReviewTemplateHandler template = new ReviewTemplateHandler(access, new ReviewTemplate(permitted, d.villages()));
        CallerHandler me = new CallerHandler(access, permitted);
        ReportHandler reports = new ReportHandler(access, units, new UnitDirectory(d.maps()), d.reports());
        DashboardHandler dashboard = new DashboardHandler(access, units, new UnitDirectory(d.maps()), d.reports());
        ExpectedCountHandler expectedCounts = new ExpectedCountHandler(access, bodies, units, d.reports(), d.clock());

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_SMALL_BODY_BYTES;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ContainerErrors()));
            config.jsonMapper(new JavalinJackson(json, false));
            config.requestLogger.http(metrics::finished);
            config.staticFiles.add(UploadPage::serve);
            config.staticFiles.add(DashboardPage::serve);
            config.staticFiles.add(StaticPages::serveCommon);
            config.routes.before(Requests::assignId);
            config.routes.before(Requests::refuseRepeatedQueryParameters);
            config.routes.post("/api/v1/reviews", submit);
            config.routes.post("/api/v1/reviews/rejected.xlsx", rejectedRows);
            config.routes.delete("/api/v1/reviews/{reviewYear}/{householdId}", withdraw);
            config.routes.put("/api/v1/villages/{communeCode}/{villageCode}", nameVillage);
            config.routes.post("/api/v1/reviewers", reviewerTokens::create);
            config.routes.post("/api/v1/viewers", reviewerTokens::createViewer);
            config.routes.get("/api/v1/reviewers", reviewerTokens::list);
            config.routes.delete("/api/v1/reviewers/{tokenId}", reviewerTokens::revoke);
            config.routes.post("/api/v1/admin-token/rotate", adminToken::rotate);
            config.routes.put("/api/v1/targets", targets::put);
            config.routes.get("/api/v1/targets", targets::list);
            config.routes.delete("/api/v1/targets/{reviewYear}/{unitCode}/{measure}", targets::delete);
            config.routes.post("/api/v1/review-years/{reviewYear}/closures", closures::close);
            config.routes.delete("/api/v1/review-years/{reviewYear}/closures/{unitCode}", closures::reopen);
            config.routes.get("/api/v1/templates/reviews.xlsx", template);
            config.routes.get("/api/v1/reports/{reviewYear}/{unitCode}.xlsx", reports::xlsx);
            config.routes.get("/api/v1/reports/{reviewYear}/{unitCode}.csv", reports::csv);
            config.routes.get("/api/v1/dashboard/alerts", ctx -> {
                // Checked before the stream opens, so that a refused page gets its 401 or 403 as JSON.
                Caller caller = access.caller(ctx);
                new SseHandler(client -> d.alerts().subscribe(client, caller.scope())).handle(ctx);
            });
            config.routes.get("/api/v1/dashboard/{reviewYear}/{unitCode}", dashboard::unit);
            config.routes.put("/api/v1/expected-counts/{reviewYear}/{unitCode}", expectedCounts::put);
            config.routes.delete("/api/v1/expected-counts/{reviewYear}/{unitCode}", expectedCounts::delete);
            config.routes.get("/api/v1/me", me);
            config.routes.get("/api/v1/openapi.json", describe);
            config.routes.get("/health", health);
            config.routes.get("/metrics", new MetricsHandler(d.metrics()));
            config.routes.get("/", UploadPage::redirect);
            ProblemResponses.register(config.routes);
        });
    }

    /** The HTTP routes of a created app, as {@code "METHOD /path"}, for checking the API description. */
    public static List<String> routes(Javalin app) {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }
}
