package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.ExecutionInfo;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.plan.FakeNode;
import dev.ringside.engine.plan.PlannedRange;
import dev.ringside.engine.plan.TokenRange;
import dev.ringside.engine.run.RangeExecution;
import dev.ringside.engine.run.RangePieces;
import dev.ringside.engine.run.Throttle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A range's pages without a cluster: a fake driver whose pages the test delivers one by one, and a writer whose
 * taking of each page the test decides. The next page is asked for before the writer takes the current one, at
 * most {@link RangeReader#PAGES_AHEAD} pages wait for the writer, and the cursor a retry starts from only ever names
 * a page the writer took.
 */
class RangeReaderPrefetchTest {

    private static final Node NODE = FakeNode.at(new InetSocketAddress("127.0.0.1", 9042));
    private final PlannedRange range = new PlannedRange(0, TokenRange.of(0, 1000), List.of(NODE));
    private final RangeExecution execution = new RangeExecution("prefetch-test", List.of(range), 1, 1, false,
            s -> { }, Duration.ofSeconds(1), Set.of());
    /** Page requests in order: the first query, then each fetchNextPage; the test completes them. */
    private final List<CompletableFuture<AsyncResultSet>> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Page> handed = Collections.synchronizedList(new ArrayList<>());
    private final RangeReader.Cursor cursor = new RangeReader.Cursor();

    @AfterEach
    void stop() {
        execution.close();
    }

    @Test
    void asksForTheNextPageBeforeTheWriterTakesThisOneButKeepsAtMostTwoWaiting() {
        CompletableFuture<?> done = start();
        assertThat(requests).hasSize(1);

        requests.get(0).complete(page(100, "after-1"));
        assertThat(handed).hasSize(1);
        assertThat(requests).as("page 2 is asked for while page 1 waits for the writer").hasSize(2);

        requests.get(1).complete(page(100, "after-2"));
        assertThat(handed).hasSize(2);
        assertThat(requests).as("two pages wait: no third request yet").hasSize(2);
        assertThat(cursor.pagingState).as("nothing taken: a retry starts from the beginning").isNull();

        take(0);
        assertThat(requests).as("page 1 taken: page 3 is asked for").hasSize(3);
        assertThat(state(cursor.pagingState)).isEqualTo("after-1");
        assertThat(cursor.handedRows).isEqualTo(100);

        requests.get(2).complete(page(50, null)); // the last page
        take(1);
        assertThat(done).isNotDone();
        take(2);
        assertThat(done).isCompleted();
        assertThat(cursor.handedRows).isEqualTo(250);
        assertThat(cursor.pagingState).isNull();
    }

    @Test
    void aFailedFetchEndsTheAttemptOnlyOnceThePagesBeforeItAreTakenSoTheRetryResumesAfterThem() {
        CompletableFuture<?> done = start();
        requests.get(0).complete(page(100, "after-1"));
        requests.get(1).completeExceptionally(new DriverTimeoutException("page timed out"));
        assertThat(done).as("page 1 still waits for the writer").isNotDone();
        assertThat(cursor.pagingState).isNull();

        take(0);
        assertThat(done).isCompletedExceptionally();
        assertThat(state(cursor.pagingState)).as("the retry goes on after page 1, which the file holds").isEqualTo("after-1");
        assertThat(cursor.handedRows).isEqualTo(100);
    }

    @Test
    void aStoppedWriterCancelsTheRangeWithoutMovingItsCursor() {
        CompletableFuture<?> done = start();
        requests.get(0).complete(page(100, "after-1"));
        handed.get(0).taken().cancel(false);
        assertThat(done).isCancelled();
        assertThat(cursor.pagingState).isNull();
        assertThat(cursor.handedRows).isZero();
    }

    private CompletableFuture<?> start() {
        PageSink writer = page -> {
            handed.add(page);
            return page.taken();
        };
        RangeReader reader = new RangeReader(session(), execution, List.of(writer), Map.of(0, cursor), new Throttle(0),
                1000, RangeJobOptions.defaults(), prepared(), RowBudget.unlimited());
        CompletionStage<?> done = reader.run(RangePieces.whole(range), NODE);
        return done.toCompletableFuture();
    }

    private void take(int page) {
        handed.get(page).taken().complete(null);
    }

    private static String state(ByteBuffer buffer) {
        return buffer == null ? null : new String(buffer.array());
    }

    // Fakes of the driver interfaces this path touches, as dynamic proxies: only the methods used answer.

    private AsyncResultSet page(int rows, String next) {
        ExecutionInfo info = fake(ExecutionInfo.class, (m, args) -> m.equals("getPagingState")
                ? (next == null ? null : ByteBuffer.wrap(next.getBytes())) : null);
        return fake(AsyncResultSet.class, (m, args) -> switch (m) {
            case "remaining" -> rows;
            case "hasMorePages" -> next != null;
            case "getExecutionInfo" -> info;
            case "fetchNextPage" -> request();
            case "currentPage" -> List.of();
            default -> null;
        });
    }

    private CompletableFuture<AsyncResultSet> request() {
        CompletableFuture<AsyncResultSet> f = new CompletableFuture<>();
        requests.add(f);
        return f;
    }

    private CqlSession session() {
        return fake(CqlSession.class, (m, args) -> m.equals("executeAsync") ? request() : null);
    }

    private static PreparedStatement prepared() {
        BoundStatement[] bound = new BoundStatement[1];
        bound[0] = fake(BoundStatement.class, (m, args) -> m.startsWith("set") ? bound[0] : null);
        return fake(PreparedStatement.class, (m, args) -> m.equals("bind") ? bound[0] : null);
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T fake(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> type.getSimpleName() + " fake";
                };
            }
            return answer.answer(method.getName(), args);
        }));
    }
}
