package dev.ringside.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares exported files, read by DuckDB (never by our code), with what the table holds, read by the driver.
 * Tables under test have the columns {@code id uuid, n bigint, t text, d double, ts timestamp}; each row is
 * normalised to one string, and the two sides are compared as sorted lists, so a lost or duplicated row shows.
 */
public final class ExportChecks {

    public enum Format { CSV, PARQUET, JSONL }

    private ExportChecks() {
    }

    public static List<String> tableRows(CqlSession session, String table) {
        List<String> rows = new ArrayList<>();
        for (Row r : session.execute(SimpleStatement.newInstance("SELECT id, n, t, d, ts FROM " + table).setPageSize(5000))) {
            rows.add(key(r.getUuid("id").toString(), r.isNull("n") ? null : r.getLong("n"), r.getString("t"),
                    r.isNull("d") ? null : r.getDouble("d"), r.getInstant("ts") == null ? null : r.getInstant("ts").toEpochMilli()));
        }
        rows.sort(null);
        return rows;
    }

    public static List<String> fileRows(Format format, List<Path> files) throws SQLException {
        String list = files.stream().map(p -> "'" + p.toAbsolutePath().toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
        String sql = switch (format) {
            case CSV -> "SELECT id, n, t, d, ts FROM read_csv(" + list + ", header = true, all_varchar = true, "
                    + "allow_quoted_nulls = false, auto_detect = true)";
            case PARQUET -> "SELECT CAST(id AS VARCHAR) AS id, CAST(n AS VARCHAR) AS n, t, CAST(d AS VARCHAR) AS d, "
                    + "CAST(epoch_ms(ts) AS VARCHAR) AS ts FROM read_parquet(" + list + ")";
            case JSONL -> "SELECT id, CAST(n AS VARCHAR) AS n, t, CAST(d AS VARCHAR) AS d, ts FROM read_json(" + list
                    + ", format = 'newline_delimited', columns = {id: 'VARCHAR', n: 'BIGINT', t: 'VARCHAR', d: 'DOUBLE', ts: 'VARCHAR'})";
        };
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String n = rs.getString("n");
                String d = rs.getString("d");
                String ts = rs.getString("ts");
                Long millis = ts == null ? null : format == Format.PARQUET ? Long.valueOf(ts) : Instant.parse(ts).toEpochMilli();
                rows.add(key(rs.getString("id"), n == null ? null : Long.valueOf(n), rs.getString("t"),
                        d == null ? null : Double.valueOf(d), millis));
            }
        }
        rows.sort(null);
        return rows;
    }

    /**
     * Fails unless the two sorted row lists are equal, saying how many rows are missing and how many are extra (a
     * row exported twice counts as extra), with the first few of each: a 20,000-row list printed whole tells nothing.
     */
    public static void assertSameRows(String what, List<String> actual, List<String> expected) {
        if (actual.equals(expected)) {
            return;
        }
        Map<String, Integer> balance = new HashMap<>();
        expected.forEach(r -> balance.merge(r, 1, Integer::sum));
        actual.forEach(r -> balance.merge(r, -1, Integer::sum));
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        balance.forEach((row, n) -> {
            for (int i = 0; i < Math.abs(n); i++) {
                (n > 0 ? missing : extra).add(row);
            }
        });
        missing.sort(null);
        extra.sort(null);
        throw new AssertionError(what + ": " + actual.size() + " rows, expected " + expected.size() + "; "
                + missing.size() + " missing " + missing.subList(0, Math.min(5, missing.size())) + ", "
                + extra.size() + " extra or repeated " + extra.subList(0, Math.min(5, extra.size())));
    }

    public static long duckCount(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String key(String id, Long n, String t, Double d, Long ts) {
        return id + "|" + n + "|" + (t == null ? "<null>" : "'" + t + "'") + "|" + d + "|" + ts;
    }
}
