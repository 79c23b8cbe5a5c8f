package dev.ringside.app.spark.run;

import dev.ringside.app.spark.run.SparkRestClient.Stage;
import dev.ringside.app.spark.run.SparkRestClient.Task;
import dev.ringside.engine.progress.ProgressSnapshot;
import dev.ringside.engine.progress.RangeState;
import dev.ringside.engine.progress.RangeView;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what Spark's REST API says of the job's stages and tasks into the snapshots Ringside's live view draws:
 * tasks done out of the total, rows read where the connector reports them (its input metrics), and, with the
 * job's split map, each task's token ranges on the ring, done or running. One feed per launch; not thread-safe (one
 * poller calls it).
 */
public final class SparkProgressFeed {

    private long lastRows;
    private Duration lastElapsed = Duration.ZERO;
    private double recentRate;

    /** The stage that reads the table: the one with a task per split of the map, else the one with most tasks. */
    static Optional<Stage> readingStage(List<Stage> stages, Optional<SplitMap> splits) {
        List<Stage> latest = latestAttempts(stages);
        Comparator<Stage> order = Comparator.comparingInt(Stage::numTasks).thenComparing(Stage::stageId, Comparator.reverseOrder());
        if (splits.isPresent()) {
            int n = splits.get().tasks().size();
            Optional<Stage> match = latest.stream().filter(s -> s.numTasks() == n).min(Comparator.comparingInt(Stage::stageId));
            if (match.isPresent()) {
                return match;
            }
        }
        return latest.stream().max(order);
    }

    /** Each stage once, at its latest attempt (a retried stage's earlier attempt no longer counts). */
    static List<Stage> latestAttempts(List<Stage> stages) {
        Map<Integer, Stage> latest = new HashMap<>();
        for (Stage s : stages) {
            latest.merge(s.stageId(), s, (a, b) -> a.attemptId() >= b.attemptId() ? a : b);
        }
        return latest.values().stream().filter(s -> !"SKIPPED".equals(s.status()))
                .sorted(Comparator.comparingInt(Stage::stageId)).toList();
    }

    /**
     * @param stages what the REST API listed (empty before the job has any)
     * @param tasks  the reading stage's task attempts (empty when unknown)
     */
    public ProgressSnapshot snapshot(Duration elapsed, boolean finished, List<Stage> stages, List<Task> tasks,
                                     Optional<SplitMap> splits) {
        List<Stage> latest = latestAttempts(stages);
        int total = latest.stream().mapToInt(Stage::numTasks).sum();
        int done = latest.stream().mapToInt(Stage::complete).sum();
        int running = latest.stream().mapToInt(Stage::active).sum();
        if (total == 0 && splits.isPresent()) {
            total = splits.get().tasks().size();
        }
        long stageRows = latest.stream().mapToLong(Stage::inputRecords).sum();
        long taskRows = bestAttempts(tasks).values().stream().mapToLong(Task::recordsRead).sum();
        long rows = Math.max(stageRows, taskRows);

        List<RangeView> ranges = splits.map(m -> ranges(m, bestAttempts(tasks))).orElse(List.of());
        double fraction;
        if (finished && done == total && total > 0) {
            fraction = 1;
        } else if (!ranges.isEmpty()) {
            fraction = ranges.stream().filter(r -> r.state() == RangeState.DONE).mapToDouble(RangeView::fraction).sum();
        } else {
            fraction = total == 0 ? 0 : (double) done / total;
        }
        double seconds = elapsed.toMillis() / 1000.0;
        double step = (elapsed.minus(lastElapsed)).toMillis() / 1000.0;
        if (step > 0) {
            recentRate = Math.max(0, (rows - lastRows) / step);
            lastRows = rows;
            lastElapsed = elapsed;
        }
        Duration eta = fraction > 0 && fraction < 1 && !finished
                ? Duration.ofMillis(Math.round(elapsed.toMillis() * (1 - fraction) / fraction)) : null;
        return new ProgressSnapshot(rows, recentRate, seconds > 0 ? rows / seconds : 0, done, 0, running, total,
                Math.min(1, fraction), elapsed, eta, 0, 0, ranges, finished);
    }

    /**
     * The last snapshot of a job that succeeded. The driver's UI ends with the driver, so the last poll can be a
     * second behind; the job's success says every task of every stage is done, including those the poll missed.
     */
    public ProgressSnapshot succeeded(Duration elapsed, List<Stage> stages, List<Task> tasks, Optional<SplitMap> splits) {
        List<Stage> complete = stages.stream().map(s -> new Stage(s.stageId(), s.attemptId(), "COMPLETE", s.numTasks(), 0,
                s.numTasks(), s.failed(), s.inputRecords(), s.outputRecords())).toList();
        Map<Integer, Task> best = bestAttempts(tasks);
        int taskCount = splits.map(m -> m.tasks().size()).orElse(0);
        List<Task> done = new ArrayList<>();
        for (int i = 0; i < Math.max(taskCount, best.keySet().stream().mapToInt(k -> k + 1).max().orElse(0)); i++) {
            Task t = best.get(i);
            done.add(t == null ? new Task(i, "SUCCESS", 0, "", 0) : new Task(i, "SUCCESS", t.recordsRead(), t.host(), t.durationMillis()));
        }
        return snapshot(elapsed, true, complete, done, splits);
    }

    /** Per task index, its attempt that counts: the successful one, else a running one, else the latest. */
    private static Map<Integer, Task> bestAttempts(List<Task> tasks) {
        Map<Integer, Task> best = new HashMap<>();
        for (Task t : tasks) {
            best.merge(t.index(), t, (a, b) -> rank(b) > rank(a) ? b : a);
        }
        return best;
    }

    private static int rank(Task t) {
        return switch (t.status()) {
            case "SUCCESS" -> 3;
            case "RUNNING" -> 2;
            default -> 1;
        };
    }

    /** Each task's token ranges as arcs; a task's rows spread over its ranges by their spans. */
    private static List<RangeView> ranges(SplitMap map, Map<Integer, Task> tasks) {
        List<RangeView> out = new ArrayList<>();
        int id = 0;
        for (int i = 0; i < map.tasks().size(); i++) {
            List<TokenSpan> spans = map.tasks().get(i);
            Task task = tasks.get(i);
            RangeState state = task == null ? RangeState.PENDING : switch (task.status()) {
                case "SUCCESS" -> RangeState.DONE;
                case "RUNNING" -> RangeState.RUNNING;
                default -> RangeState.PENDING;
            };
            double taskSpan = spans.stream().mapToDouble(TokenSpan::fraction).sum();
            for (TokenSpan span : spans) {
                long rows = task == null || taskSpan <= 0 ? 0 : Math.round(task.recordsRead() * span.fraction() / taskSpan);
                out.add(new RangeView(id++, span.start(), span.end(), span.fraction(), state, rows,
                        task == null ? "" : task.host(), task == null ? Duration.ZERO : Duration.ofMillis(task.durationMillis())));
            }
        }
        out.sort(Comparator.comparingLong(RangeView::start));
        return out;
    }
}
