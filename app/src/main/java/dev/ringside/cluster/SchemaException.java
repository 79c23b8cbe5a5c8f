package dev.ringside.cluster;

/** A keyspace, table or column the user named does not exist; the message says so and what exists instead. */
public class SchemaException extends Exception {

    private static final long serialVersionUID = 1L;

    public SchemaException(String message) {
        super(message);
    }
}
