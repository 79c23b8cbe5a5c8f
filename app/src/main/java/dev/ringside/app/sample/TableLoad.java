package dev.ringside.app.sample;

import dev.ringside.app.TableRef;

/**
 * How far a background load into a table has come: rows written of the total, and its failure if it stopped.
 *
 * @param error why the load stopped, or {@code null} while it runs or once it is done
 */
public record TableLoad(TableRef table, long loaded, long total, String error) {

    public static TableLoad started(TableRef table, long total) {
        return new TableLoad(table, 0, total, null);
    }

    public TableLoad at(long rows) {
        return new TableLoad(table, Math.min(rows, total), total, null);
    }

    public TableLoad done() {
        return new TableLoad(table, total, total, null);
    }

    public TableLoad failed(String why) {
        return new TableLoad(table, loaded, total, why);
    }

    /** Still writing: jobs on the table would see only part of it. */
    public boolean loading() {
        return error == null && loaded < total;
    }

    public boolean failedToLoad() {
        return error != null;
    }
}
