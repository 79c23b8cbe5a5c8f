package dev.ringside.bench;

/**
 * One thing a benchmark times, e.g. the raw scan or a CSV export at parallelism 8. {@code group} ties contenders
 * that are compared with one another: each is shown beside the ceiling of its group.
 *
 * @param name    the row's name in the table
 * @param group   e.g. the parallelism of a sweep; "" when there is one group
 * @param ceiling whether this contender is its group's ceiling for others of the same {@code kind}
 * @param kind    what is compared: "scan" (raw scan, exports) or "count" (raw count(*), count)
 * @param run     the run itself
 */
public record Contender(String name, String group, boolean ceiling, String kind, ResourceMeter.Run run) {
}
