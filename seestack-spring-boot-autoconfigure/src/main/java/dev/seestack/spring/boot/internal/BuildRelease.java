package dev.seestack.spring.boot.internal;

import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;

/**
 * The release the application's build describes, for errors when {@code seestack.release} is unset: the version
 * in Boot's build info ({@code META-INF/build-info.properties}, the {@code build-info} goal), else the short commit
 * id in {@code git.properties}.
 */
final class BuildRelease {
    private BuildRelease() {
    }

    /** The release, or null when neither (may be null) names one. */
    static String of(BuildProperties build, GitProperties git) {
        if (build != null && hasText(build.getVersion())) {
            return build.getVersion();
        }
        if (git != null && hasText(git.getShortCommitId())) {
            return git.getShortCommitId();
        }
        return null;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
