package dev.ringside.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs every contender once per round, for several rounds, and summarises each over its rounds. Each round starts
 * one contender further along the list, so that no contender always meets the cluster just after the same other
 * (a cache warmed by the raw scan, a compaction set off by an export), and slow drifts of a shared machine spread
 * over all of them alike.
 */
public final class BenchRounds {

    private final ResourceMeter meter;
    private final Consumer<String> say;

    public BenchRounds(ResourceMeter meter, Consumer<String> say) {
        this.meter = meter;
        this.say = say;
    }

    /** Every contender's summary, in the contenders' order. A run that throws ends the benchmark. */
    public List<Summary> run(List<Contender> contenders, int rounds) throws Exception {
        if (rounds < 1) {
            throw new IllegalArgumentException("The number of rounds must be at least 1 (got " + rounds + ").");
        }
        Map<Contender, List<Measurement>> runs = new LinkedHashMap<>();
        contenders.forEach(c -> runs.put(c, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < contenders.size(); i++) {
                Contender c = contenders.get((i + round) % contenders.size());
                say.accept("Round " + (round + 1) + " of " + rounds + ": " + c.name() + " …");
                runs.get(c).add(meter.measure(c.run()));
            }
        }
        List<Summary> summaries = new ArrayList<>();
        for (Contender c : contenders) {
            Summary ceiling = null;
            if (!c.ceiling()) {
                for (Contender other : contenders) {
                    if (other.ceiling() && other.group().equals(c.group()) && other.kind().equals(c.kind())) {
                        ceiling = Summary.of(other, runs.get(other), null);
                    }
                }
            }
            summaries.add(Summary.of(c, runs.get(c), ceiling));
        }
        return summaries;
    }
}
