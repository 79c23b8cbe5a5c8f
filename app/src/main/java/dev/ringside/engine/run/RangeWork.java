package dev.ringside.engine.run;

import com.datastax.oss.driver.api.core.metadata.Node;

import java.util.concurrent.CompletionStage;

/** One attempt at one piece of a range, coordinated by the given replica; reports rows to the tracker itself. */
@FunctionalInterface
public interface RangeWork {

    CompletionStage<?> run(RangePiece piece, Node coordinator);
}
