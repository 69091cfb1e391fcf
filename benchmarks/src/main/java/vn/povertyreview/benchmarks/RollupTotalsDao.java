package vn.povertyreview.benchmarks;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads the figures the correctness line compares out of {@code unit_rollup}. */
public interface RollupTotalsDao {

    /** The NATION row of the review year, if the sink has written it. */
    @SqlQuery("""
            SELECT total_households AS households, poor_households AS poor, near_poor_households AS near_poor
              FROM unit_rollup
             WHERE review_year = :reviewYear AND unit_level = 'NATION'
            """)
    @RegisterConstructorMapper(NationRow.class)
    Optional<NationRow> nation(@Bind("reviewYear") int reviewYear);

    /** How many PROVINCE rows the review year has, and their total households summed. */
    @SqlQuery("""
            SELECT count(*) AS provinces, coalesce(sum(total_households), 0) AS households
              FROM unit_rollup
             WHERE review_year = :reviewYear AND unit_level = 'PROVINCE'
            """)
    @RegisterConstructorMapper(ProvinceSum.class)
    ProvinceSum provinces(@Bind("reviewYear") int reviewYear);

    /** Every unit row of the review year, with its counts. */
    @SqlQuery("""
            SELECT unit_code, total_households AS households, poor_households AS poor, near_poor_households AS near_poor
              FROM unit_rollup
             WHERE review_year = :reviewYear
            """)
    @RegisterConstructorMapper(UnitRow.class)
    List<UnitRow> units(@Bind("reviewYear") int reviewYear);

    /** Every VILLAGE row of the review year, with its counts. */
    @SqlQuery("""
            SELECT unit_code, total_households AS households, poor_households AS poor, near_poor_households AS near_poor
              FROM unit_rollup
             WHERE review_year = :reviewYear AND unit_level = 'VILLAGE'
            """)
    @RegisterConstructorMapper(UnitRow.class)
    List<UnitRow> villages(@Bind("reviewYear") int reviewYear);

    /** One unit row's counts. Immutable. */
    record UnitRow(String unitCode, long households, long poor, long nearPoor) {
    }

    /** The NATION row's counts. Immutable. */
    record NationRow(long households, long poor, long nearPoor) {
    }

    /** The PROVINCE rows of a review year, counted and summed. Immutable. */
    record ProvinceSum(long provinces, long households) {
    }
}
