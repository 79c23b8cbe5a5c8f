package dev.ringside.app.sample;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.count.CountEngine;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.sandbox.SampleData;
import dev.ringside.sandbox.SampleRowsRecord;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's background load, on the sandbox: it completes with exactly the rows asked for, and stops when closed. */
@ExtendWith(SandboxExtension.class)
class SampleLoadTest {

    @TempDir
    Path dir;

    private static void freshTable(CqlSession session) {
        session.execute("DROP KEYSPACE IF EXISTS " + SampleData.KEYSPACE);
        new SampleData(session).createSchema(SharedSandbox.NODES);
    }

    private static long count(CqlSession session) throws Exception {
        return new CountEngine(session).start(new CountRequest(SampleData.KEYSPACE, SampleData.TABLE,
                RangeJobOptions.defaults()), s -> { }).result().get().rows();
    }

    @Test
    void theBackgroundLoadCompletesWithTheExactRowsAndIsRecorded(SharedSandbox sandbox) throws Exception {
        freshTable(sandbox.session());
        List<TableLoad> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<TableLoad> end = new CompletableFuture<>();
        try (SampleLoad load = new SampleLoad(sandbox.connectionSettings(), dir, 30_000)) {
            load.start(p -> {
                seen.add(p);
                if (!p.loading()) {
                    end.complete(p);
                }
            });
            // A guard against a hung test, not a time the load must meet.
            TableLoad last = end.get(10, TimeUnit.MINUTES);
            assertThat(last.failedToLoad()).as("error: %s", last.error()).isFalse();
        }

        assertThat(seen.get(0)).isEqualTo(TableLoad.started(SampleLoad.table(), 30_000));
        assertThat(seen).extracting(TableLoad::loaded).isSorted().contains(2_000L, 28_000L).last().isEqualTo(30_000L);
        assertThat(seen).filteredOn(TableLoad::loading).hasSize(seen.size() - 1);
        assertThat(count(sandbox.session())).isEqualTo(30_000);
        assertThat(new SampleRowsRecord(dir).rows()).isEqualTo(30_000);

        // The next demo finds the record and skips the load: done at once, nothing written.
        List<TableLoad> again = new CopyOnWriteArrayList<>();
        CompletableFuture<TableLoad> skipped = new CompletableFuture<>();
        try (SampleLoad load = new SampleLoad(sandbox.connectionSettings(), dir, 30_000)) {
            load.start(p -> {
                again.add(p);
                skipped.complete(p);
            });
            assertThat(skipped.get(1, TimeUnit.MINUTES).loading()).isFalse();
        }
        assertThat(again).containsExactly(TableLoad.started(SampleLoad.table(), 30_000).done());
    }

    @Test
    void closingStopsALoadBeforeItCompletes(SharedSandbox sandbox) throws Exception {
        freshTable(sandbox.session());
        List<TableLoad> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> writing = new CompletableFuture<>();
        SampleLoad load = new SampleLoad(sandbox.connectionSettings(), dir, 2_000_000);
        load.start(p -> {
            seen.add(p);
            if (p.loaded() > 0) {
                writing.complete(null);
            }
        });
        writing.get(10, TimeUnit.MINUTES);
        load.close();

        assertThat(seen).allMatch(TableLoad::loading);
        assertThat(new SampleRowsRecord(dir).rows()).isZero();
        assertThat(count(sandbox.session())).isLessThan(2_000_000);
    }
}
