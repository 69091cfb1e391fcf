package vn.povertyreview.pipeline.demo;

import java.io.PrintStream;
import java.util.List;
import vn.povertyreview.domain.admin.AdminMaps;
import vn.povertyreview.domain.review.Review;

/**
 * The demo switch: submits generated households of one real province through the ingest API,
 * the same path a commune's upload takes, so a new user sees rollups in PostgreSQL at once.
 */
public final class DemoLoader {

    /** The demo reviews the latest year of the two-level map. */
    public static final int DEMO_YEAR = 2025;
    private static final int BATCH = 2_000;

    private final ReviewClient client;
    private final PrintStream out;

    public DemoLoader(String ingestUrl, String adminToken, PrintStream out) {
        this.client = new ReviewClient(ingestUrl, adminToken);
        this.out = out;
    }

    public void load(String provinceCode, int households) throws Exception {
        List<Review> reviews = new HouseholdGenerator(AdminMaps.official(), provinceCode.hashCode())
                .firstReviews(DEMO_YEAR, provinceCode, households, "DEMO-");
        out.printf("Demo: submitting %,d generated households of province %s, review year %d%n", households, provinceCode, DEMO_YEAR);
        int accepted = 0;
        for (int from = 0; from < reviews.size(); from += BATCH) {
            List<Review> batch = reviews.subList(from, Math.min(reviews.size(), from + BATCH));
            ReviewClient.Answer answer = client.submit(batch);
            if (answer.status() != 202) {
                throw new IllegalStateException("demo upload refused with " + answer.status() + ": " + answer.body());
            }
            accepted += answer.body().path("accepted").asInt();
            out.printf("Demo: %,d of %,d households accepted%n", accepted, households);
        }
        out.println("Demo: done. Try in psql: SELECT province_name, total_households, poor_households, round(poor_rate, 2) AS poor_rate FROM province_poverty;");
    }
}
