package dev.ringside.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option at and beyond its limits, with no cluster: each bad value gets one clear message naming the option
 * and what to do, exit code 2, and no stack trace. Values at the limits pass validation and only then fail to
 * connect (port 1 refuses at once), which shows they were accepted.
 *
 * <p>The table: arguments → exit code → a phrase the message must contain. Arguments are split on " | ".
 */
class BadInputTest {

    @TempDir
    static Path sandboxDir;

    private static final String OK_BUT_NO_CLUSTER = "Cannot connect to Cassandra at 127.0.0.1:1";

    static Stream<Arguments> cases() {
        return Stream.of(
                // split count: 1 to 100,000
                row("count | -k | ks | -t | t | --splits | 0", 2, "--splits must be between 1 and 100,000 (got 0)"),
                row("count | -k | ks | -t | t | --splits | -5", 2, "--splits must be between 1 and 100,000 (got -5)"),
                row("count | -k | ks | -t | t | --splits | 100001", 2, "--splits must be between 1 and 100,000 (got 100,001)"),
                row("count | -k | ks | -t | t | --splits | many", 2, "Invalid value for option '--splits': 'many' is not a whole number"),
                row("count | -k | ks | -t | t | --splits | 1.5", 2, "'1.5' is not a whole number"),
                row("count | -k | ks | -t | t | --splits | 99999999999", 2, "'99999999999' is too large"),
                row("count | -k | ks | -t | t | --splits | ", 2, "'' is not a whole number"),
                row("count | -k | ks | -t | t | --splits", 2, "Missing required parameter for option '--splits'"),
                row("count | -k | ks | -t | t | --splits | 1 | --port | 1", 2, OK_BUT_NO_CLUSTER),
                row("count | -k | ks | -t | t | --splits | 100000 | --port | 1", 2, OK_BUT_NO_CLUSTER),
                // parallelism: 1 to 1,024, never above the split count
                row("count | -k | ks | -t | t | --parallelism | 0", 2, "--parallelism must be between 1 and 1,024 (got 0)"),
                row("count | -k | ks | -t | t | --parallelism | -3", 2, "--parallelism must be between 1 and 1,024 (got -3)"),
                row("count | -k | ks | -t | t | --parallelism | 1025 | --splits | 5000", 2, "--parallelism must be between 1 and 1,024 (got 1,025)"),
                row("count | -k | ks | -t | t | --parallelism | lots", 2, "Invalid value for option '--parallelism': 'lots' is not a whole number"),
                row("count | -k | ks | -t | t | --splits | 4 | --parallelism | 8", 2, "--parallelism (8) cannot be above --splits (4)"),
                row("count | -k | ks | -t | t | --splits | 1024 | --parallelism | 1024 | --port | 1", 2, OK_BUT_NO_CLUSTER),
                row("count | -k | ks | -t | t | --splits | 1 | --parallelism | 1 | --port | 1", 2, OK_BUT_NO_CLUSTER),
                // auto (the default) and its maximum
                row("count | -k | ks | -t | t | --parallelism | AUTO | --port | 1", 2, OK_BUT_NO_CLUSTER),
                row("count | -k | ks | -t | t | --parallelism | auto | --max-parallelism | 12 | --port | 1", 2, OK_BUT_NO_CLUSTER),
                row("count | -k | ks | -t | t | --max-parallelism | 2000 | --splits | 5000", 2, "--max-parallelism must be between 1 and 1,024 (got 2,000)"),
                row("count | -k | ks | -t | t | --max-parallelism | 0", 2, "--max-parallelism must be between 1 and 1,024 (got 0)"),
                row("count | -k | ks | -t | t | --parallelism | 4 | --max-parallelism | 8", 2, "--max-parallelism only applies to --parallelism auto"),
                row("export | -k | ks | -t | t | -o | x.csv | --parallelism | lots", 2, "'lots' is not a whole number; give auto or a whole number."),
                // consistency: the levels a range read accepts
                row("count | -k | ks | -t | t | --consistency | FOO", 2, "'FOO' is not a consistency level; choose one of LOCAL_ONE, ONE, LOCAL_QUORUM, QUORUM, ALL, TWO, THREE, EACH_QUORUM, SERIAL, LOCAL_SERIAL"),
                row("count | -k | ks | -t | t | --consistency | ANY", 2, "ANY is for writes only; choose one of LOCAL_ONE"),
                row("count | -k | ks | -t | t | --consistency | any", 2, "ANY is for writes only"),
                row("count | -k | ks | -t | t | --consistency | serial | --port | 1", 2, OK_BUT_NO_CLUSTER),
                row("count | -k | ks | -t | t | --consistency | each_quorum | --port | 1", 2, OK_BUT_NO_CLUSTER),
                row("count | -k | ks | -t | t | --consistency | ", 2, "'' is not a consistency level"),
                row("count | -k | ks | -t | t | --consistency | local_quorum | --port | 1", 2, OK_BUT_NO_CLUSTER),
                // token bounds: (start, end], start below end, each a 64-bit token
                row("count | -k | ks | -t | t | --start-token | 10 | --end-token | 5", 2, "--start-token (10) must be lower than --end-token (5)"),
                row("count | -k | ks | -t | t | --start-token | 7 | --end-token | 7", 2, "--start-token (7) must be lower than --end-token (7)"),
                row("count | -k | ks | -t | t | --start-token | abc", 2, "Invalid value for option '--start-token': 'abc' is not a whole number from -9223372036854775808 to 9223372036854775807"),
                row("count | -k | ks | -t | t | --end-token | 9223372036854775808", 2, "Invalid value for option '--end-token': '9223372036854775808' is not a whole number"),
                row("count | -k | ks | -t | t | --start-token | -9223372036854775808 | --end-token | 9223372036854775807 | --port | 1", 2, OK_BUT_NO_CLUSTER),
                // timeouts and retries
                row("count | -k | ks | -t | t | --range-timeout | 0", 2, "--range-timeout must be between 1 and 3600 seconds (got 0)"),
                row("count | -k | ks | -t | t | --range-timeout | 3601", 2, "--range-timeout must be between 1 and 3600 seconds (got 3601)"),
                row("count | -k | ks | -t | t | --retries | -1", 2, "--retries must be between 0 and 100 (got -1)"),
                row("count | -k | ks | -t | t | --retries | 101", 2, "--retries must be between 0 and 100 (got 101)"),
                row("count | -k | ks | -t | t | --connect-timeout | 0", 2, "--connect-timeout must be at least 1 second"),
                // names
                row("count | -k |  | -t | t", 2, "--keyspace is empty"),
                row("count | -k | ks | -t |  ", 2, "--table is empty"),
                row("count | -k | ks", 2, "Missing required option: '--table=<table>'"),
                // contact points and ports
                row("count | -k | ks | -t | t | --host | host:abc", 2, "--host 'host:abc' has a port that is not a number ('abc')"),
                row("count | -k | ks | -t | t | --host | 127.0.0.1:70000", 2, "--host '127.0.0.1:70000' has a port out of range (70000): use 1 to 65535"),
                row("count | -k | ks | -t | t | --host | 127.0.0.1:0", 2, "--host '127.0.0.1:0' has a port out of range (0)"),
                row("count | -k | ks | -t | t | --host | :9042", 2, "--host ':9042' has no host before the port"),
                row("count | -k | ks | -t | t | --host | 127.0.0.1:", 2, "--host '127.0.0.1:' has no port after the colon"),
                row("count | -k | ks | -t | t | --host | 127.0.0.1,host:x", 2, "--host 'host:x' has a port that is not a number"),
                row("count | -k | ks | -t | t | --host | ", 2, "--host is empty"),
                row("count | -k | ks | -t | t | --host | ,", 2, "--host is empty"),
                row("count | -k | ks | -t | t | --host | 127.0.0.1 127.0.0.2", 2, "--host '127.0.0.1 127.0.0.2' contains a space: separate contact points with commas"),
                row("count | -k | ks | -t | t | --port | 0", 2, "--port must be between 1 and 65535 (got 0)"),
                row("count | -k | ks | -t | t | --port | 70000", 2, "--port must be between 1 and 65535 (got 70000)"),
                row("count | -k | ks | -t | t | --port | abc", 2, "Invalid value for option '--port': 'abc' is not a whole number"),
                row("count | -k | ks | -t | t | --host | 127.0.0.1:1", 2, OK_BUT_NO_CLUSTER),
                // unknown options
                row("count | -k | ks | -t | t | --splitz | 4", 2, "Unknown options: '--splitz'"),
                // export and bench share the same rules
                row("export | -k | ks | -t | t | -o | x.csv | --splits | 0", 2, "--splits must be between 1 and 100,000 (got 0)"),
                row("export | -k | ks | -t | t | -o | x.csv | --splits | 2 | --parallelism | 3", 2, "--parallelism (3) cannot be above --splits (2)"),
                row("export | -k | ks | -t | t | -o | x.csv | --consistency | EACH", 2, "'EACH' is not a consistency level"),
                row("export | -k | ks | -t | t | -o | x.csv | --host | :1", 2, "--host ':1' has no host before the port"),
                row("export | -k | ks | -t | t | -o | x.csv | --files | 0", 2, "--files must be between 1 and 256 (got 0)"),
                row("export | -k | ks | -t | t | -o | x.csv | --page-size | 0", 2, "--page-size must be between 1 and 100000 (got 0)"),
                row("export | -k | ks | -t | t | -o | x.csv | --max-rows-per-second | -1", 2, "--max-rows-per-second must be 0 (no limit) or more"),
                row("export | -k | ks | -t | t", 2, "Missing required option: '--out=PATH'"),
                // the CSV dialect: one character each (\t for a tab), delimiter and quote different
                row("export | -k | ks | -t | t | -o | x.csv | --delimiter | ab", 2, "--delimiter must be exactly one character, or \\t for a tab (got 'ab')"),
                row("export | -k | ks | -t | t | -o | x.csv | --delimiter | ", 2, "--delimiter must be exactly one character"),
                row("export | -k | ks | -t | t | -o | x.csv | --quote | ''", 2, "--quote must be exactly one character"),
                row("export | -k | ks | -t | t | -o | x.csv | --delimiter | \"", 2, "--delimiter and --quote must differ (both are '\"')"),
                row("export | -k | ks | -t | t | -o | x.csv | --delimiter | \\t | --port | 1", 2, OK_BUT_NO_CLUSTER),
                row("bench | -k | ks | -t | t | --splits | 100001", 2, "--splits must be between 1 and 100,000 (got 100,001)"),
                row("bench | -k | ks | -t | t | --parallelism | 2000 | --splits | 5000", 2, "--parallelism must be between 1 and 1,024 (got 2,000)"),
                row("bench | -k | ks | -t | t | --consistency | ANY", 2, "ANY is for writes only"),
                row("bench | -k | ks | -t | t | --formats | xml", 2, "xml"),
                // sandbox
                row("sandbox | kill | abc", 2, "Invalid value for positional parameter at index 0 (NODE): 'abc' is not a whole number"),
                row("sandbox | kill", 2, "Missing required parameter: 'NODE'"),
                row("sandbox | up | --nodes | many", 2, "Invalid value for option '--nodes': 'many' is not a whole number"),
                row("sandbox | launch", 2, "Unmatched argument at index 1: 'launch'"),
                row("sandbox | up | --nodes | 0", 2, "--nodes must be between 1 and 5 (got 0)"),
                row("sandbox | up | --nodes | 6", 2, "--nodes must be between 1 and 5 (got 6)"),
                row("sandbox | up | --rows | -1", 2, "--rows must be 0 or more"),
                row("demo | --nodes | 0", 2, "--nodes must be between 1 and 5 (got 0)"),
                row("demo | --rows | -1", 2, "--rows must be 0 or more (got -1)"));
    }

    private static Arguments row(String args, int exitCode, String phrase) {
        return Arguments.of(args, exitCode, phrase);
    }

    @ParameterizedTest(name = "[{index}] {0} → exit {1}: {2}")
    @MethodSource("cases")
    void eachBadValueGetsOneClearMessage(String args, int exitCode, String phrase) {
        List<String> argv = new ArrayList<>(Arrays.asList(args.split(" \\| ", -1)));
        if (argv.get(0).equals("count") || argv.get(0).equals("export") || argv.get(0).equals("bench")) {
            if (!argv.contains("--connect-timeout")) {
                argv.addAll(1, List.of("--connect-timeout", "2"));
            }
        }
        if ((argv.get(0).equals("demo") || argv.get(0).equals("sandbox")) && argv.size() > 2) {
            // never the user's own sandbox folder, should validation let a value through
            argv.addAll(argv.get(0).equals("demo") ? 1 : 2, List.of("--dir", sandboxDir.toString()));
        }
        CliRun run = CliRun.of(argv.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err()).contains(phrase);
        assertThat(run.err().strip().lines().count()).as("one short message:%n%s", run.err()).isLessThanOrEqualTo(2);
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }
}
