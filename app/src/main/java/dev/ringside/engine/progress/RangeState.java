package dev.ringside.engine.progress;

/** Where a planned range stands in a job. */
public enum RangeState { PENDING, RUNNING, DONE, FAILED }
