package dev.seestack.internal.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class RequestFailuresTest {

    @Test
    void remembersTheTraceIdOfAnEscapedExceptionAndOfItsCauses() {
        IllegalStateException cause = new IllegalStateException("root");
        RuntimeException escaped = new RuntimeException("wrapper", cause);

        RequestFailures.remember(escaped, "trace-1");

        assertEquals("trace-1", RequestFailures.find(escaped));
        assertEquals("trace-1", RequestFailures.find(cause));
        assertNull(RequestFailures.find(new RuntimeException("another request")));
    }

    @Test
    void asksTheCopyOfTheSdkThatTheContextClassLoaderSees() throws Exception {
        URL sdk = RequestFailures.class.getProtectionDomain().getCodeSource().getLocation();
        IllegalStateException escaped = new IllegalStateException("in a webapp");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader webapp = new URLClassLoader("webapp", new URL[] {sdk},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> webappCopy = webapp.loadClass(RequestFailures.class.getName());
            webappCopy.getMethod("remember", Throwable.class, String.class).invoke(null, escaped, "trace-2");
            assertNull(RequestFailures.find(escaped), "not known outside the webapp's thread context");

            thread.setContextClassLoader(webapp);
            assertEquals("trace-2", RequestFailures.find(escaped));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
