package dev.seestack.test.spring;

import dev.seestack.test.InMemorySeeStack;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Imported by {@link AutoConfigureSeeStack}: the {@link InMemorySeeStack} as a bean. */
@AutoConfiguration
public class SeeStackTestAutoConfiguration {
    /** The JVM's in-memory SeeStack, to autowire into tests. */
    @Bean
    public InMemorySeeStack inMemorySeeStack() {
        return InMemorySeeStack.get();
    }
}
