package dev.ringside.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;

import java.io.Serializable;

/** A step between reading and writing; the job's is the identity, tests inject a failing task attempt here. */
@FunctionalInterface
public interface RowsTap extends Serializable {
    JavaRDD<Row> apply(JavaRDD<Row> rows);

    static RowsTap none() {
        return rows -> rows;
    }
}
