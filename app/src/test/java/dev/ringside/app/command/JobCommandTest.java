package dev.ringside.app.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The copied line, read back by a real POSIX shell, gives back every argument as it was. */
class JobCommandTest {

    private static final List<String> AWKWARD = List.of("plain", "with space", "it's", "'", "", "$HOME", "`id`",
            "a\"b", "back\\slash", "tab\there", "kind = 'click' ALLOW FILTERING", "*.csv", "ünïcode", "semi;colon",
            "new\nline", "--where", "C:\\data\\out.csv");

    @Test
    void plainArgumentsStayUnquoted() {
        assertThat(new JobCommand(List.of("count", "--host", "10.0.0.5,10.0.0.6:9043", "--out", "/data/t-1.csv")).posix())
                .isEqualTo("ringside count --host 10.0.0.5,10.0.0.6:9043 --out /data/t-1.csv");
        assertThat(JobCommand.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(JobCommand.quote("")).isEqualTo("''");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aPosixShellReadsBackEveryArgument() throws Exception {
        String line = new JobCommand(AWKWARD).posix();
        // The same words after printf instead of ringside: each argument on its own, NUL-terminated.
        String script = "printf '%s\\0'" + line.substring(JobCommand.PROGRAM.length());
        Process sh = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        byte[] out = sh.getInputStream().readAllBytes();
        assertThat(sh.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1))).isEqualTo(AWKWARD);
    }
}
