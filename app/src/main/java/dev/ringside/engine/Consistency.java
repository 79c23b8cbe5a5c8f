package dev.ringside.engine;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A read consistency level, as the front ends name it; the driver's own type stays inside the engine
 * ({@link #driverLevel()}), so a view-model can hold a job's options without touching the driver.
 */
public enum Consistency {
    LOCAL_ONE, ONE, LOCAL_QUORUM, QUORUM, ALL, TWO, THREE, EACH_QUORUM, SERIAL, LOCAL_SERIAL,
    /** For writes only: a range read refuses it. */
    ANY;

    /** The levels a token-range read accepts, the usual ones first. */
    public static List<Consistency> reads() {
        return List.of(LOCAL_ONE, ONE, LOCAL_QUORUM, QUORUM, ALL, TWO, THREE, EACH_QUORUM, SERIAL, LOCAL_SERIAL);
    }

    /** The level of this name, in any case, with '-' for '_'. */
    public static Optional<Consistency> named(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Consistency c : values()) {
            if (c.name().equals(n)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public ConsistencyLevel driverLevel() {
        return DefaultConsistencyLevel.valueOf(name());
    }
}
