package dev.seestack.test.spring;

import dev.seestack.test.SeeStackExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * On a {@code @SpringBootTest}: the starter's client delivers to the {@link dev.seestack.test.InMemorySeeStack}
 * (injectable as a bean), which is reset before each test. No {@code seestack.api-key} or {@code seestack.host} is
 * needed in the test; nothing leaves the process.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SeeStackExtension.class)
@ImportAutoConfiguration(SeeStackTestAutoConfiguration.class)
public @interface AutoConfigureSeeStack {
}
