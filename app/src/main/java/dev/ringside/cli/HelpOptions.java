package dev.ringside.cli;

import picocli.CommandLine.Option;

/**
 * {@code --help} and {@code --version} for the commands whose {@code -h} means {@code --host}. picocli drops its
 * whole standard help mixin when a command already has {@code -h}, so these commands declare help themselves.
 */
public final class HelpOptions {

    @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;
}
