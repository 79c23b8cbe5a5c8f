package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One page of a range on its way to a file writer.
 *
 * @param rangeId   planned range it belongs to
 * @param rows      the page (its current page only is read)
 * @param next      paging state of the next page, {@code null} when this is the range's last page
 * @param taken     completed when the writer takes the page: the range may then fetch its next page
 * @param skip      rows at the start of the page that are already in the file (a range read again from its start
 *                  after its paging state was rejected): the writer leaves them out
 * @param skipAfter rows still to leave out after this page; while positive, {@code next} points into rows the file
 *                  already holds, so the checkpoint records the range as "read again from its start, leaving out
 *                  the rows written" rather than {@code next}
 */
record Page(int rangeId, AsyncResultSet rows, ByteBuffer next, CompletableFuture<Void> taken, int skip, long skipAfter) {
}
