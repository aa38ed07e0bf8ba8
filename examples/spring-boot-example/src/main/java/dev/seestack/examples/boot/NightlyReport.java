package dev.seestack.examples.boot;

import dev.seestack.spring.boot.SeeStackMonitored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** A scheduled job whose runs are heartbeats of the cron monitor {@code nightly-report}. */
@Component
class NightlyReport {
    private static final Logger log = LoggerFactory.getLogger(NightlyReport.class);

    @SeeStackMonitored("nightly-report")
    @Scheduled(fixedDelayString = "${shop.report-interval:60000}")
    public void run() {
        log.info("nightly report generated");
    }
}
