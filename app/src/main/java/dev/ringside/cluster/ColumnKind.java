package dev.ringside.cluster;

/** The role a column plays in its table. */
public enum ColumnKind { PARTITION_KEY, CLUSTERING, STATIC, REGULAR }
