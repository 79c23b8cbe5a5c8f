package dev.ringside.cli;

import dev.ringside.cli.sandbox.DemoCommand;
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

    private final AppLauncher app;

    /** A command line whose {@code demo} opens the app with {@code app}. */
    public RingsideCli(AppLauncher app) {
        this.app = app;
    }

    /** Runs {@code args} on stdout and stderr and returns the exit code. */
    public int execute(String[] args) {
        return newCommandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** Runs {@code args} on a command line without the app ({@code demo} says the window is not available). */
    public static int run(String[] args) {
        return new RingsideCli(AppLauncher.NONE).execute(args);
    }

    /** What to do: for a bad option value, what the option takes; otherwise where the help is. */
    private static String hint(CommandLine.ParameterException ex) {
        String help = "Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.";
        if (ex.getArgSpec() instanceof CommandLine.Model.OptionSpec option && ex.getValue() != null
                && option.description().length > 0 && !ex.getMessage().contains("Unknown option")
                && !ex.getMessage().contains("choose one of")) {
            return option.longestName() + ": " + String.join(" ", option.description()).replace("%n", " ");
        }
        return help;
    }

    /** A command line without the app, writing to the given streams (tests capture them). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return new RingsideCli(AppLauncher.NONE).newCommandLine(out, err);
    }

    /** A command line writing to the given streams. */
    public CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RingsideCommand(), factory(app));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        Converters.register(cli);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(ex.getMessage());
            c.getErr().println(hint(ex));
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler(new FailureHandler());
        return cli;
    }

    /** Picocli's own factory, except that the demo command gets the app launcher. */
    private static CommandLine.IFactory factory(AppLauncher app) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == DemoCommand.class ? type.cast(new DemoCommand(app)) : defaults.create(type);
            }
        };
    }
}
