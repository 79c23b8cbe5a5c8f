package dev.ringside.app;

/** A table chosen in the browser, by its internal (unquoted) names. */
public record TableRef(String keyspace, String table) {

    @Override
    public String toString() {
        return keyspace + "." + table;
    }
}
