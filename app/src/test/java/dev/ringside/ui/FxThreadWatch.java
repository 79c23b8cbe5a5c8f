package dev.ringside.ui;

import javafx.application.Platform;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the JavaFX thread while a job runs: which file and socket I/O it did, recorded by Java Flight Recorder
 * (every read, write and force, however short), and how late a pulse posted to it every 10 ms ran (its stalls).
 * Reading jars, class files and the JDK's files is class and resource loading, not the app's I/O, and is left out.
 * It also records the JVM's GC pauses, which stop the FX thread with every other, so that a stall can be told
 * apart from the app's own work on that thread. When asked, it samples the FX thread's stack every 5 ms
 * ({@link #samples}), to say what it was doing, above all while it was late.
 */
final class FxThreadWatch implements AutoCloseable {

    private static final String FX_THREAD = "JavaFX Application Thread";
    private static final List<String> IO_EVENTS = List.of("jdk.FileRead", "jdk.FileWrite", "jdk.FileForce",
            "jdk.SocketRead", "jdk.SocketWrite");

    private final Recording recording = new Recording();
    private final ScheduledExecutorService pulses = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-pulse");
        t.setDaemon(true);
        return t;
    });
    /** Each pulse's post time (wall clock, to compare with the recording's GC pauses) and wait. */
    private final List<Pulse> pulsesSeen = new CopyOnWriteArrayList<>();
    /** The JVM's stop-the-world GC pauses while watched: they stop the FX thread with every other. */
    private final List<Pause> gcPauses = new ArrayList<>();

    record Pulse(Instant posted, long waitNanos) {
    }

    record Pause(Instant start, Duration length) {
        boolean overlaps(Pulse p) {
            Instant end = start.plus(length);
            Instant ran = p.posted().plusNanos(p.waitNanos());
            return !p.posted().isAfter(end) && !ran.isBefore(start);
        }
    }
    private final Path file;
    private List<String> fxIo;
    /** When a posted pulse last ran (System.nanoTime), and the FX thread itself, for the stall sampler. */
    private volatile long lastRan = System.nanoTime();
    private volatile Thread fxThread;
    /** Where the FX thread was, sampled every 5 ms. */
    private final FxThreadSamples samples = new FxThreadSamples();
    private static final long LATE = TimeUnit.MILLISECONDS.toNanos(40);

    FxThreadWatch(Path dir) throws IOException {
        this(dir, false);
    }

    /** With {@code sampleStacks}, also samples the FX thread's stack every 5 ms ({@link #samples}). */
    FxThreadWatch(Path dir, boolean sampleStacks) throws IOException {
        file = Files.createTempFile(dir, "fx-thread", ".jfr");
        for (String event : IO_EVENTS) {
            recording.enable(event).withThreshold(Duration.ZERO).withStackTrace();
        }
        recording.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
        recording.start();
        pulses.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Instant at = Instant.now();
            Platform.runLater(() -> {
                long ran = System.nanoTime();
                fxThread = Thread.currentThread();
                lastRan = ran;
                pulsesSeen.add(new Pulse(at, ran - posted));
            });
        }, 0, 10, TimeUnit.MILLISECONDS);
        if (sampleStacks) {
            pulses.scheduleAtFixedRate(this::sample, 5, 5, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() throws IOException {
        pulses.shutdownNow();
        recording.stop();
        recording.dump(file);
        recording.close();
        fxIo = new ArrayList<>();
        String javaHome = Path.of(System.getProperty("java.home")).toString();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals("jdk.GCPhasePause")) {
                gcPauses.add(new Pause(e.getStartTime(), e.getDuration()));
                continue;
            }
            if (e.getThread() == null || !FX_THREAD.equals(e.getThread().getJavaName())) {
                continue;
            }
            String path = e.hasField("path") ? e.getString("path") : null;
            if (path != null && (path.endsWith(".jar") || path.endsWith(".class") || path.startsWith(javaHome))) {
                continue;
            }
            String where = e.getStackTrace() == null ? "" : e.getStackTrace().getFrames().stream().limit(12)
                    .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName())
                    .filter(m -> m.startsWith("dev.ringside")).findFirst().orElse("");
            fxIo.add(e.getEventType().getName() + " " + (path != null ? path
                    : e.hasField("host") ? e.getString("host") + ":" + e.getInt("port") : "") + " from " + where);
        }
        Files.deleteIfExists(file);
    }

    /** Samples the FX thread's stack, noting whether a pulse posted to it has waited over {@link #LATE}. */
    private void sample() {
        Thread fx = fxThread;
        if (fx != null) {
            samples.add(fx.getStackTrace(), System.nanoTime() - lastRan >= LATE);
        }
    }

    /** Where the FX thread was while watched (5 ms samples, if asked for): busy at all, and while late. */
    FxThreadSamples samples() {
        return samples;
    }

    /** File and socket I/O done on the FX thread while watched, each with the Ringside method that did it. */
    List<String> fxThreadIo() {
        return fxIo;
    }

    /** The longest a pulse waited for the FX thread, in milliseconds. */
    double maxStallMillis() {
        return pulsesSeen.stream().mapToLong(Pulse::waitNanos).max().orElse(0) / 1e6;
    }

    /** The 99th percentile of the pulses' waits, in milliseconds. */
    double p99StallMillis() {
        return p99Millis(pulsesSeen.stream().map(Pulse::waitNanos).toList());
    }

    /** The longest GC pause while watched, in milliseconds. */
    double longestGcPauseMillis() {
        return gcPauses.stream().mapToLong(p -> p.length().toNanos()).max().orElse(0) / 1e6;
    }

    int gcPauses() {
        return gcPauses.size();
    }

    /** The 99th percentile of the waits of pulses that no GC pause overlapped: what the app's own work costs. */
    double p99StallOutsideGcMillis() {
        return p99Millis(pulsesSeen.stream().filter(p -> gcPauses.stream().noneMatch(g -> g.overlaps(p))).map(Pulse::waitNanos).toList());
    }

    private static double p99Millis(List<Long> waitsNanos) {
        List<Long> sorted = new ArrayList<>(waitsNanos);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(0.99 * sorted.size()) - 1)) / 1e6;
    }

    int pulses() {
        return pulsesSeen.size();
    }
}
