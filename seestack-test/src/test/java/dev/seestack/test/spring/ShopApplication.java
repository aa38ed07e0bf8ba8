package dev.seestack.test.spring;

import dev.seestack.spring.boot.SeeStackMonitored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Service;

/** A user's Spring Boot application: the starter on the class path, no seestack.* property set. */
@SpringBootApplication
public class ShopApplication {
    /** Application code that logs a failure and runs a monitored job. */
    @Service
    public static class Orders {
        private static final Logger LOG = LoggerFactory.getLogger(Orders.class);

        public void cancel(int orderId) {
            try {
                throw new IllegalStateException("order " + orderId + " already shipped");
            } catch (IllegalStateException e) {
                LOG.error("cancel failed", e);
            }
        }

        @SeeStackMonitored("reindex")
        public void reindex() {
            LOG.info("reindexed");
        }
    }
}
