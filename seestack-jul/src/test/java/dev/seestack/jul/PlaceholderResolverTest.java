package dev.seestack.jul;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholderResolverTest {
    private final Map<String, String> variables = Map.of("KEY", "abc", "PORT", "8080", "ODD", "$1 ${KEY}");
    private final PlaceholderResolver resolver = new PlaceholderResolver(variables::get);

    @Test
    void replacesAWholeValueReference() {
        assertEquals("abc", resolver.resolve("${KEY}"));
    }

    @Test
    void replacesReferencesInsideALongerValue() {
        assertEquals("http://localhost:8080/abc", resolver.resolve("http://localhost:${PORT}/${ KEY }"));
    }

    @Test
    void treatsAValueWithAnUndefinedOrBlankReferenceAsMissing() {
        assertNull(resolver.resolve("https://${UNDEFINED}.example.com"));
        assertNull(resolver.resolve("${KEY}${}"));
    }

    @Test
    void keepsValuesWithoutReferencesAndResolvedTextAsIs() {
        assertEquals("plain $value", resolver.resolve("plain $value"));
        assertEquals("$1 ${KEY}", resolver.resolve("${ODD}"));
    }

    @Test
    void fallsBackToSystemPropertiesAfterTheEnvironment() {
        System.setProperty("SEESTACK_JUL_RESOLVER_TEST", "from-property");
        try {
            assertEquals("x-from-property", PlaceholderResolver.fromEnvironment().resolve("x-${SEESTACK_JUL_RESOLVER_TEST}"));
        } finally {
            System.clearProperty("SEESTACK_JUL_RESOLVER_TEST");
        }
    }
}
