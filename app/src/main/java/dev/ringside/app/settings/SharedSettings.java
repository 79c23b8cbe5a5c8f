package dev.ringside.app.settings;

import dev.ringside.app.history.JobSpec;

import java.util.List;

/**
 * What a settings file holds, for sharing with colleagues: connection profiles and job settings (what to run and
 * how, with the cluster it ran on), never a password. Either list may be empty: the Connect screen writes profiles,
 * the Jobs screen job settings.
 *
 * @param format  always {@link #FORMAT}, so that another JSON file is refused with a clear message
 * @param version the shape's version, {@link #VERSION}
 */
public record SharedSettings(String format, int version, List<SharedProfile> profiles, List<JobSpec> jobs) {

    public static final String FORMAT = "ringside-settings";
    public static final int VERSION = 1;

    public SharedSettings {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }

    public static SharedSettings ofProfiles(List<SharedProfile> profiles) {
        return new SharedSettings(FORMAT, VERSION, profiles, List.of());
    }

    public static SharedSettings ofJobs(List<JobSpec> jobs) {
        return new SharedSettings(FORMAT, VERSION, List.of(), jobs);
    }
}
