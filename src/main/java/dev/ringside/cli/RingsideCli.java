package dev.ringside.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/** Builds the picocli command line and maps failures to Ringside's exit codes. */
public final class RingsideCli {

    /** The job ended and its result is exact and complete. */
    public static final int OK = 0;
    /** The job failed or is incomplete. */
    public static final int INCOMPLETE = 1;
    /** Bad usage or input: nothing was done. */
    public static final int BAD_INPUT = 2;

    private RingsideCli() {
    }

    public static int run(String[] args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** A command line writing to the given streams (tests capture them). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RingsideCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(ex.getMessage());
            c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for the options.");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler(new FailureHandler());
        return cli;
    }
}
