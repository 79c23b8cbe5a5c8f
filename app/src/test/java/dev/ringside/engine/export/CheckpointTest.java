package dev.ringside.engine.export;

import com.fasterxml.jackson.core.JacksonException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checkpoint file: what is written reads back equal; a missing one is empty, a broken one an error. */
class CheckpointTest {

    private static final Checkpoint.Identity IDENTITY = new Checkpoint.Identity("shop", "orders",
            List.of("id", "total"), "total > 10", "CSV", sinkOptions(), 2, Long.MIN_VALUE, null);
    private static final List<Checkpoint.Range> RANGES = List.of(new Checkpoint.Range(0, Long.MIN_VALUE, 0),
            new Checkpoint.Range(1, 0, Long.MAX_VALUE));

    @TempDir
    Path dir;

    private static Map<String, Object> sinkOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("delimiter", ",");
        options.put("header", true);
        options.put("rowGroupRows", 50_000);
        return options;
    }

    private static Checkpoint.FileCommit textCommit(long length) {
        return new Checkpoint.FileCommit(List.of("orders.csv.partial"), length,
                Map.of(0, new Checkpoint.RangeCommit(true, null, 40), 1, new Checkpoint.RangeCommit(false, "AAECAw==", 7)),
                length);
    }

    @Test
    void whatIsWrittenReadsBackEqual() throws IOException {
        Checkpoint written = new Checkpoint(Checkpoint.VERSION, IDENTITY, RANGES,
                Map.of(0, textCommit(1234), 1, new Checkpoint.FileCommit(List.of("p-0.parquet", "p-1.parquet"), -1,
                        Map.of(1, new Checkpoint.RangeCommit(false, null, 3)), 999)),
                List.of(new Checkpoint.Publication("orders-0.csv.partial", "orders-0.csv")));
        Path file = dir.resolve("orders.csv.checkpoint");

        written.write(file);

        assertThat(Checkpoint.read(file)).contains(written);
        assertThat(Files.exists(dir.resolve("orders.csv.checkpoint.tmp"))).isFalse();
    }

    @Test
    void aCheckpointStillWritingRangesHasNoPublication() throws IOException {
        Checkpoint written = new Checkpoint(Checkpoint.VERSION, IDENTITY, RANGES, Map.of(), null);
        Path file = dir.resolve("c.json");
        written.write(file);
        assertThat(Checkpoint.read(file)).contains(written);
        assertThat(Checkpoint.read(file).orElseThrow().publishing()).isNull();
    }

    @Test
    void writingAgainReplacesTheWholeFile() throws IOException {
        Path file = dir.resolve("c.json");
        new Checkpoint(Checkpoint.VERSION, IDENTITY, RANGES, Map.of(0, textCommit(1_000_000)), null).write(file);
        Checkpoint shorter = new Checkpoint(Checkpoint.VERSION, IDENTITY, RANGES, Map.of(), null);
        shorter.write(file);
        assertThat(Checkpoint.read(file)).contains(shorter);
    }

    @Test
    void noFileMeansNoCheckpoint() throws IOException {
        assertThat(Checkpoint.read(dir.resolve("missing.json"))).isEmpty();
        assertThat(Checkpoint.read(dir)).isEmpty();
    }

    @Test
    void aTruncatedFileIsAnError() throws IOException {
        Path file = dir.resolve("c.json");
        new Checkpoint(Checkpoint.VERSION, IDENTITY, RANGES, Map.of(0, textCommit(10)), null).write(file);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(JacksonException.class);
    }

    @Test
    void aFileThatIsNotJsonIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("c.json"), "PAR1 not a checkpoint", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(IOException.class);
    }

    @Test
    void anotherVersionIsRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("c.json");
        new Checkpoint(2, IDENTITY, RANGES, Map.of(), null).write(file);
        assertThatThrownBy(() -> Checkpoint.read(file)).isInstanceOf(IOException.class)
                .hasMessage("checkpoint " + file + " has version 2, expected 1");
    }

    @Test
    void fieldsItDoesNotKnowAreIgnored() throws IOException {
        Path file = Files.writeString(dir.resolve("c.json"), """
                {"version":1,"request":null,"commits":{},"publishing":null,"writtenBy":"a later Ringside",
                 "ranges":[{"id":0,"start":-9223372036854775808,"end":5,"startInclusive":true}]}
                """, StandardCharsets.UTF_8);
        Optional<Checkpoint> read = Checkpoint.read(file);
        assertThat(read).hasValueSatisfying(c -> assertThat(c.ranges()).containsExactly(new Checkpoint.Range(0, Long.MIN_VALUE, 5)));
    }

    @Test
    void theStoreRewritesTheFileWithEveryCommitAndKeepsThePreviousRunsCommits() throws IOException {
        Path file = dir.resolve("c.json");
        Checkpoint.FileCommit earlier = textCommit(10);
        CheckpointStore store = new CheckpointStore(file, IDENTITY, RANGES, Map.of(1, earlier));
        assertThat(Checkpoint.read(file)).isEmpty();

        store.commit(0, textCommit(20));
        assertThat(Checkpoint.read(file)).contains(new Checkpoint(Checkpoint.VERSION, IDENTITY, RANGES,
                Map.of(0, textCommit(20), 1, earlier), null));

        store.commit(0, textCommit(30));
        List<Checkpoint.Publication> plan = List.of(new Checkpoint.Publication("a.partial", "a.csv"));
        store.publishing(plan);
        assertThat(Checkpoint.read(file)).contains(new Checkpoint(Checkpoint.VERSION, IDENTITY, RANGES,
                Map.of(0, textCommit(30), 1, earlier), plan));
        assertThat(store.commits()).isEqualTo(Map.of(0, textCommit(30), 1, earlier));
        assertThat(store.file()).isEqualTo(file);
    }

    @Test
    void theStoreCanWriteBeforeAnyCommit() throws IOException {
        Path file = dir.resolve("c.json");
        new CheckpointStore(file, IDENTITY, RANGES, Map.of()).writeNow();
        assertThat(Checkpoint.read(file)).contains(new Checkpoint(Checkpoint.VERSION, IDENTITY, RANGES, Map.of(), null));
    }
}
