package dev.ringside.engine.export;

import com.datastax.oss.driver.api.core.CqlSession;

/** Lets tests in other packages fill a table the way the export tests do. */
public final class ExportEngineTestAccess {

    private ExportEngineTestAccess() {
    }

    public static void fill(CqlSession session, String table, int rows) throws InterruptedException {
        ExportEngineTest.fill(session, table, rows, false);
    }
}
