package dev.ringside.spark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** DuckDB reading the job's output directories, independently of Spark. */
final class Duck {

    private Duck() {
    }

    /** Every row of a query, each as its columns' text (null stays null). */
    static List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static long single(String sql) throws SQLException {
        return Long.parseLong(rows(sql).get(0).get(0));
    }

    /** The part files of a Spark output directory, as a DuckDB glob (Spark's _SUCCESS and .crc files left out). */
    static String parts(java.nio.file.Path dir, String extension) {
        return dir.resolve("part-*" + extension).toString();
    }
}
