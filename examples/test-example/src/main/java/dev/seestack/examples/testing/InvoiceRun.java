package dev.seestack.examples.testing;

import dev.seestack.SeeStack;
import dev.seestack.cron.JobHandle;
import dev.seestack.cron.JobStatus;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** A nightly job of an application: bills each customer, logs a failed one with its user, reports a heartbeat. */
public final class InvoiceRun {
    private static final Logger LOG = LoggerFactory.getLogger(InvoiceRun.class);

    /** Bills every customer; returns how many failed. */
    public int billAll(List<String> customers) {
        JobHandle job = SeeStack.startJob("nightly-invoices");
        int failed = 0;
        for (String customer : customers) {
            MDC.put("userId", customer);
            try {
                bill(customer);
            } catch (IllegalStateException e) {
                failed++;
                LOG.error("could not bill {}", customer, e);
            } finally {
                MDC.remove("userId");
            }
        }
        SeeStack.finishJob(job, failed == 0 ? JobStatus.SUCCESS : JobStatus.FAILED,
                failed == 0 ? null : failed + " invoices failed");
        return failed;
    }

    private static void bill(String customer) {
        if (customer.startsWith("blocked-")) {
            throw new IllegalStateException("card expired");
        }
    }
}
