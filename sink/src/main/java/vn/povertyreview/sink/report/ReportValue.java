package vn.povertyreview.sink.report;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import vn.povertyreview.domain.rollup.Rates;

/** One cell of a report table. Immutable. */
public sealed interface ReportValue {

    /** Text: a code, a name, a label, a note. */
    record Text(String text) implements ReportValue {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A number of households (or of targets, or of anything counted). */
    record Count(long count) implements ReportValue {
    }

    /** A rate in percent as shown: rounded once from its counts to {@link Rates#SHOWN_SCALE} decimals. */
    record Rate(BigDecimal percent) implements ReportValue {
        public Rate {
            if (percent.scale() != Rates.SHOWN_SCALE) {
                throw new IllegalArgumentException("a shown rate has " + Rates.SHOWN_SCALE + " decimals, got " + percent);
            }
        }

        /** {@code part / whole × 100} rounded once ({@link Rates#shown}). */
        public static Rate of(long part, long whole) {
            return new Rate(Rates.shown(part, whole));
        }
    }

    /** A moment, shown in Vietnam's time. */
    record Time(OffsetDateTime time) implements ReportValue {
        public Time {
            Objects.requireNonNull(time, "time");
        }
    }

    /** Nothing to show: a figure that is not set, a rate without its counts. */
    record Empty() implements ReportValue {
    }

    Empty EMPTY = new Empty();
}
