package dev.ringside.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.List;

/**
 * Meters what a run costs this process: CPU time of all its threads (driver I/O, decoding, encoding, GC) from the
 * operating system's accounting, and the peak heap in use. Measured inside the JVM, so the numbers belong to the
 * client only, never to Cassandra nodes sharing the machine. The process CPU clock ticks every 10 ms on Linux, which
 * is noise on a bench run of seconds.
 */
public final class ResourceMeter {

    /** A run to meter. */
    @FunctionalInterface
    public interface Run {
        Measurement run() throws Exception;
    }

    private final com.sun.management.OperatingSystemMXBean os;
    private final List<MemoryPoolMXBean> heapPools;

    public ResourceMeter() {
        os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    /** Runs it after a collection (so one run's garbage is not billed to the next) and adds its CPU and peak heap. */
    public Measurement measure(Run run) throws Exception {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long cpuBefore = os.getProcessCpuTime();
        Measurement m = run.run();
        long cpu = os.getProcessCpuTime() - cpuBefore;
        // Each pool's peak comes at its own moment, so their sum bounds the true peak from above, by at most the
        // young generation: good enough to tell 50 MB from 500 MB.
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return m.withResources(Duration.ofNanos(Math.max(0, cpu)), peak);
    }
}
