package dev.ringside.cli;

import picocli.CommandLine.Option;

/** How a command reports: JSON or text, progress or not, stack traces or not. */
public final class OutputOptions {

    @Option(names = "--json", description = "Print the result as one JSON object on one line.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress line.")
    boolean quiet;

    @Option(names = "--verbose", description = "Log details and show stack traces on errors.")
    boolean verbose;

    public boolean json() {
        return json;
    }

    public boolean quiet() {
        return quiet;
    }
}
