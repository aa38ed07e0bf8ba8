package dev.seestack.examples.cron;

import dev.seestack.SeeStack;
import dev.seestack.SeeStackConfig;
import dev.seestack.cron.SeeStackCron;

/**
 * Cron heartbeats: {@link SeeStackCron#run} times a job and sends {@code success}, or {@code failed} with the
 * exception's message before rethrowing it unchanged.
 */
public final class CronExample {
    private CronExample() {
    }

    public static void main(String[] args) {
        SeeStack.init(SeeStackConfig.builder()
                .host(env("SEESTACK_HOST", "http://127.0.0.1:7717"))
                .apiKey(env("SEESTACK_API_KEY", "local-dev-key"))
                .environment(env("SEESTACK_ENVIRONMENT", "development"))
                .build());
        try {
            SeeStackCron.run("nightly-report", () -> System.out.println("nightly-report: generated"));

            try {
                SeeStackCron.run("import-feed", () -> {
                    throw new IllegalStateException("feed unavailable");
                });
            } catch (IllegalStateException e) {
                System.out.println("import-feed failed: " + e.getMessage());
            }
        } finally {
            // A short-lived batch JVM flushes before it exits, so delivery is part of the job.
            SeeStack.flush();
            SeeStack.close();
        }
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
