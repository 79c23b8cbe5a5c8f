package dev.ringside.cli;

import dev.ringside.cluster.ConnectionException;
import dev.ringside.cluster.SchemaException;
import dev.ringside.engine.JobException;
import dev.ringside.sandbox.SandboxException;
import dev.ringside.sandbox.SandboxNotInstalledException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Turns exceptions into a short message and an exit code: bad input (2) for what the user can fix, failure (1) for
 * the rest. Stack traces only with {@code --verbose}.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean badInput = ex instanceof ConnectionException || ex instanceof SchemaException
                || ex instanceof IllegalArgumentException || ex instanceof UsageException || ex instanceof JobException
                || ex instanceof SandboxNotInstalledException;
        String message = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
        if (ex instanceof SandboxException) {
            err.println("Sandbox: " + message);
        } else if (badInput) {
            err.println(message);
            if (ex instanceof ConnectionException connection) {
                cliAdvice(connection.kind()).ifPresent(err::println);
            }
        } else {
            err.println("Failed: " + message);
        }
        if (isVerbose(parsed)) {
            err.print(trace(ex));
        } else if (!badInput) {
            err.println("Run again with --verbose for details.");
        }
        err.flush();
        return badInput ? RingsideCli.BAD_INPUT : RingsideCli.INCOMPLETE;
    }

    /** What to type, for the connection failures whose fix is a flag. */
    static java.util.Optional<String> cliAdvice(ConnectionException.Kind kind) {
        return java.util.Optional.ofNullable(switch (kind) {
            case TLS_UNTRUSTED -> "Trust the cluster's CA with --tls-ca FILE (PEM), or with --tls-truststore FILE and "
                    + "--tls-truststore-password-file FILE.";
            case TLS_HOSTNAME_MISMATCH -> "Host-name verification is on by default; to turn it off for this "
                    + "connection, add --tls-no-hostname-verification.";
            case LOCAL_DC -> "Name it with --dc NAME.";
            case AUTHENTICATION -> "Give the user with --user and the password with --password-file FILE or --password-prompt.";
            default -> null;
        });
    }

    /** The exception and its causes, frame by frame, for --verbose. */
    static String trace(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
            sb.append(e == t ? "" : "Caused by: ").append(e).append(System.lineSeparator());
            for (StackTraceElement frame : e.getStackTrace()) {
                sb.append("\tat ").append(frame).append(System.lineSeparator());
            }
        }
        return sb.toString();
    }

    private static boolean isVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
