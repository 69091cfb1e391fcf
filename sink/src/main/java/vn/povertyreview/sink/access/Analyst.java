package vn.povertyreview.sink.access;

import java.time.Instant;
import vn.povertyreview.domain.access.Scope;

/**
 * An analyst of the database: its name (its login role), the scope it reads, when it was added,
 * and whether its role may log in now (false when the role was locked or dropped outside the
 * product). Immutable.
 */
public record Analyst(AnalystName name, Scope scope, Instant createdAt, boolean canLogIn) {
}
