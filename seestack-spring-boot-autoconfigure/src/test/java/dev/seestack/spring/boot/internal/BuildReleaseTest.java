package dev.seestack.spring.boot.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.mock.env.MockEnvironment;

/** The release comes from the build info, else git.properties, unless seestack.release or SEESTACK_RELEASE sets one. */
class BuildReleaseTest {
    private static final BuildProperties BUILD = new BuildProperties(properties("version", "2.7.1"));
    private static final GitProperties GIT = new GitProperties(
            properties("commit.id", "9f3c2b1e8d7a6c5b4a39281706f5e4d3c2b1a090"));

    @Test
    void buildInfoVersionWinsOverTheCommit() {
        assertEquals("2.7.1", BuildRelease.of(BUILD, GIT));
    }

    @Test
    void withoutBuildInfoTheShortCommitIdIsTheRelease() {
        assertEquals("9f3c2b1", BuildRelease.of(null, GIT));
        assertNull(BuildRelease.of(null, null));
    }

    @Test
    void detectedReleaseIsUsedOnlyWhenNoPropertyOrEnvironmentVariableSetsOne() {
        assertEquals("2.7.1", StarterConfig.build(backend(), "2.7.1").release());
        assertEquals("3.0.0", StarterConfig.build(backend().withProperty("seestack.release", "3.0.0"), "2.7.1")
                .release());
        assertEquals("4.0.0", StarterConfig.build(backend().withProperty("SEESTACK_RELEASE", "4.0.0"), "2.7.1")
                .release());
    }

    private static MockEnvironment backend() {
        return new MockEnvironment().withProperty("seestack.api-key", "test-key-123")
                .withProperty("seestack.host", "http://127.0.0.1:1");
    }

    private static Properties properties(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }
}
