package dev.seestack.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own switches ({@code seestack.enabled}, {@code seestack.logging.enabled}, {@code seestack.web.*},
 * {@code seestack.openfeature.enabled}).
 * The SDK's options are bound from the SDK's option table, each as {@code seestack.<option in kebab case>}
 * ({@code seestack.api-key}, {@code seestack.flush-interval-ms}, ...; the logging adapter options also as
 * {@code seestack.logging.<option>}), listed in the README and in this module's configuration metadata. Unset
 * options fall back to the environment variables the SDK reads itself ({@code SEESTACK_API_KEY}, ...), looked up
 * through Spring's {@code Environment}, so they may also be given as properties of those names.
 */
@ConfigurationProperties("seestack")
public class SeeStackProperties {
    /** Whether the SDK runs at all; false leaves every SeeStack bean out. */
    private boolean enabled = true;
    private final Logging logging = new Logging();
    private final Web web = new Web();
    private final OpenFeature openfeature = new OpenFeature();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Logging getLogging() {
        return logging;
    }

    public Web getWeb() {
        return web;
    }

    public OpenFeature getOpenfeature() {
        return openfeature;
    }

    /** {@code seestack.openfeature.*}: the OpenFeature provider the starter registers when the application has both. */
    public static class OpenFeature {
        /**
         * Whether the starter's client becomes OpenFeature's default provider (with the OpenFeature SDK and
         * seestack-openfeature on the class path).
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code seestack.logging.*}: the Logback appender the starter attaches when the logging config has none. */
    public static class Logging {
        /** Whether the starter attaches a SeeStack appender to the root logger when the logging config has none. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** {@code seestack.web.*}: inbound HTTP monitoring of servlet applications. */
    public static class Web {
        /** Whether the servlet filter recording inbound requests is registered. */
        private boolean enabled = true;
        /** Order of the servlet filter; early by default, so the trace id is set before other filters log. */
        private int filterOrder = org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10;
        /** Whether unhandled controller exceptions are captured as errors with the request's trace id and user. */
        private boolean captureExceptions = true;
        /** Whether calls made with RestClient builders and RestTemplate beans are recorded as outbound items. */
        private boolean outbound = true;

        public boolean isOutbound() {
            return outbound;
        }

        public void setOutbound(boolean outbound) {
            this.outbound = outbound;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getFilterOrder() {
            return filterOrder;
        }

        public void setFilterOrder(int filterOrder) {
            this.filterOrder = filterOrder;
        }

        public boolean isCaptureExceptions() {
            return captureExceptions;
        }

        public void setCaptureExceptions(boolean captureExceptions) {
            this.captureExceptions = captureExceptions;
        }
    }
}
