package dev.ringside.sandbox;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringside.engine.RangeJobOptions;
import dev.ringside.engine.count.CountEngine;
import dev.ringside.engine.count.CountRequest;
import dev.ringside.testing.SandboxExtension;
import dev.ringside.testing.SharedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's sample data: the table a new user first counts and exports. */
@ExtendWith(SandboxExtension.class)
class SampleDataTest {

    @Test
    void loadsExactlyTheRowsAskedFor(SharedSandbox sandbox) throws Exception {
        CqlSession session = sandbox.session();
        session.execute("DROP KEYSPACE IF EXISTS " + SampleData.KEYSPACE);
        SampleData sample = new SampleData(session);
        sample.createSchema(SharedSandbox.NODES);
        assertThat(sample.hasRows()).isFalse();
        List<Long> progress = new ArrayList<>();
        // A report every 10,000 rows (the CLI's step is 50,000): the same claims for a fifth of the rows, which are
        // written at consistency ALL so that counts are exact, and slowly.
        sample.load(12_000, 42, 10_000, progress::add);

        assertThat(sample.hasRows()).isTrue();
        assertThat(progress).containsExactly(10_000L, 12_000L);
        long rows = new CountEngine(session).start(new CountRequest(SampleData.KEYSPACE, SampleData.TABLE,
                RangeJobOptions.defaults()), s -> { }).result().get().rows();
        assertThat(rows).isEqualTo(12_000);
        Row row = session.execute("SELECT * FROM " + SampleData.KEYSPACE + "." + SampleData.TABLE + " LIMIT 1").one();
        assertThat(row.getSet("tags", String.class)).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        assertThat(row.getString("payload")).hasSize(40);
    }
}
