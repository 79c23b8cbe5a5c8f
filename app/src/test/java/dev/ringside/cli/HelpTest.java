package dev.ringside.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --help} prints help and exits 0 for every command and subcommand, found by walking the command tree, so a
 * command added later is covered too. No cluster needed.
 */
class HelpTest {

    /** Every command path below {@code ringside}, e.g. ["sandbox", "up"], and the top command itself ([]). */
    static Stream<List<String>> commands() {
        CommandLine root = RingsideCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<List<String>> paths = new ArrayList<>();
        walk(root, new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void walk(CommandLine cli, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        cli.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // skip aliases
                List<String> next = new ArrayList<>(path);
                next.add(name);
                walk(sub, next, into);
            }
        });
    }

    @ParameterizedTest(name = "ringside {0} --help")
    @MethodSource("commands")
    void helpPrintsHelpAndExitsZero(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Usage: " + String.join(" ", prepend("ringside", command)));
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).doesNotContain("Missing required");
    }

    @ParameterizedTest(name = "ringside help {0}")
    @MethodSource("commands")
    void theHelpCommandPrintsTheSameHelp(List<String> command) {
        if (command.isEmpty() || command.get(0).equals("help")) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("help"));
        args.addAll(command.subList(0, 1));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: ringside " + command.get(0));
    }

    @ParameterizedTest(name = "ringside {0} --help after some of its options")
    @ValueSource(strings = {"count", "export", "bench"})
    void helpWinsOverMissingRequiredOptions(String command) {
        CliRun run = CliRun.of(command, "--keyspace", "ks", "--help");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Usage: ringside " + command).contains("--splits=N");
    }

    @ParameterizedTest(name = "ringside {0} --version")
    @ValueSource(strings = {"count", "export", "bench"})
    void versionPrintsTheVersion(String command) {
        CliRun run = CliRun.of(command, "--version");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsIgnoringCase("ringside");
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
