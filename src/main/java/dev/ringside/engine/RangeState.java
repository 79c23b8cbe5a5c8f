package dev.ringside.engine;

/** Where a planned range stands in a job. */
public enum RangeState { PENDING, RUNNING, DONE, FAILED }
