package dev.seestack.test;

import dev.seestack.SeeStack;
import dev.seestack.cron.JobHandle;
import dev.seestack.cron.JobStatus;
import dev.seestack.cron.SeeStackCron;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Application code as a user writes it: logs through SLF4J, reports jobs through the facade. */
final class Checkout {
    private static final Logger LOG = LoggerFactory.getLogger(Checkout.class);

    void pay(String userId, int orderId) {
        MDC.put("userId", userId);
        try {
            LOG.info("paying order {}", orderId);
            throw new IllegalStateException("card declined for order " + orderId);
        } catch (IllegalStateException e) {
            LOG.error("payment failed, db password=hunter2", e);
        } finally {
            MDC.remove("userId");
        }
    }

    void nightlyReport() {
        JobHandle job = SeeStack.startJob("nightly-report");
        SeeStack.finishJob(job, JobStatus.SUCCESS, null);
    }

    void importFeed() {
        SeeStackCron.run("import-feed", () -> {
            throw new IllegalArgumentException("feed unreachable");
        });
    }

    boolean newCheckout(String userId) {
        return SeeStack.getFlag("new-checkout", userId, null).asBoolean();
    }
}
