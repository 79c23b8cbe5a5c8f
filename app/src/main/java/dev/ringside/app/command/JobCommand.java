package dev.ringside.app.command;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A job as a {@code ringside} command line: its arguments, and the line to paste into a POSIX shell (bash, zsh,
 * sh). It holds no secret: passwords are asked for on the terminal or read from files it names.
 *
 * @param args the arguments after {@code ringside}, unquoted
 */
public record JobCommand(List<String> args) {

    /** The program, as the installers put it on the path. */
    public static final String PROGRAM = "ringside";
    /** Arguments that need no quotes in a POSIX shell. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    public JobCommand {
        args = List.copyOf(args);
    }

    /** The whole line for a POSIX shell: each argument that needs it in single quotes. */
    public String posix() {
        StringBuilder line = new StringBuilder(PROGRAM);
        for (String a : args) {
            line.append(' ').append(quote(a));
        }
        return line.toString();
    }

    /**
     * One argument for a POSIX shell: as it is when it holds only safe characters, else in single quotes, inside
     * which nothing is special but the single quote itself (written {@code '\''}).
     */
    public static String quote(String arg) {
        if (!arg.isEmpty() && PLAIN.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
