package dev.ringside.bench;

import java.util.Comparator;
import java.util.List;

/**
 * A contender over all rounds: the median wall time (and the rows/s it gives), the median client CPU time, the
 * highest peak heap, and beside its ceiling: its share of the ceiling's rows/s and its client CPU per row over the
 * ceiling's (both 1 for the ceiling itself; 0 when it has none).
 */
public record Summary(Contender contender, List<Measurement> runs, double medianSeconds, double medianCpuSeconds,
                      long peakHeapBytes, double shareOfCeiling, double cpuPerRowOverCeiling) {

    public Summary {
        runs = List.copyOf(runs);
    }

    public static Summary of(Contender contender, List<Measurement> runs, Summary ceiling) {
        double seconds = median(runs.stream().map(Measurement::seconds).toList());
        double cpu = median(runs.stream().map(Measurement::cpuSeconds).toList());
        long heap = runs.stream().mapToLong(Measurement::peakHeapBytes).max().orElse(0);
        Summary s = new Summary(contender, runs, seconds, cpu, heap, 0, 0);
        if (contender.ceiling()) {
            return new Summary(contender, runs, seconds, cpu, heap, 1, 1);
        }
        if (ceiling == null) {
            return s;
        }
        double share = ceiling.rowsPerSecond() == 0 ? 0 : s.rowsPerSecond() / ceiling.rowsPerSecond();
        return new Summary(contender, runs, seconds, cpu, heap, share, s.cpuPerRowOver(ceiling));
    }

    /** The median; for an even count, the mean of the two middle values. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public String name() {
        return contender.name();
    }

    public Measurement first() {
        return runs.get(0);
    }

    public long rows() {
        return first().rows();
    }

    public long bytes() {
        return first().bytes();
    }

    public double rowsPerSecond() {
        return medianSeconds > 0 ? rows() / medianSeconds : 0;
    }

    public double megabytesPerSecond() {
        return medianSeconds > 0 ? bytes() / 1e6 / medianSeconds : 0;
    }

    /** Rows per CPU-second of the client: what predicts a workstation with more cores than this one. */
    public double rowsPerCpuSecond() {
        return medianCpuSeconds > 0 ? rows() / medianCpuSeconds : 0;
    }

    /** Client CPU per row relative to another's (e.g. CSV export over the raw scan). */
    private double cpuPerRowOver(Summary other) {
        double mine = rows() > 0 ? medianCpuSeconds / rows() : 0;
        double theirs = other.rows() > 0 ? other.medianCpuSeconds / other.rows() : 0;
        return theirs > 0 ? mine / theirs : 0;
    }
}
