package dev.seestack.spring.boot.internal;

import dev.seestack.SeeStackConfig;
import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.options.Option;
import dev.seestack.internal.options.OptionValues;
import dev.seestack.spring.boot.SeeStackProperties;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Turns the {@code seestack.*} properties into the SDK's configuration: one property per row of the SDK's option
 * table, named {@code seestack.} plus the option in kebab case ({@code seestack.flush-interval-ms}). Unset options fall back to
 * {@code SEESTACK_*} names looked up in Spring's {@code Environment} (environment variables, or properties of
 * those names). The starter closes the client itself, so the SDK's own JVM shutdown hook is off.
 */
final class StarterConfig {
    /** The application's name, the default {@code service} of the logs and errors the starter's client sends. */
    static final String APPLICATION_NAME = "spring.application.name";

    private StarterConfig() {
    }

    static SeeStackProperties bind(Environment environment) {
        return Binder.get(environment).bind("seestack", SeeStackProperties.class).orElseGet(SeeStackProperties::new);
    }

    /**
     * The configuration, or an {@link IllegalArgumentException} whose message names the {@code seestack.*}
     * property that is missing or invalid. Unusable values (not a number, out of range) are warned about once
     * and leave the default.
     */
    static SeeStackConfig build(Environment environment) {
        return build(environment, null);
    }

    /**
     * {@link #build(Environment)} with {@code detectedRelease} (from the application's build info) as the release
     * when neither {@code seestack.release} nor {@code SEESTACK_RELEASE} sets one.
     */
    static SeeStackConfig build(Environment environment, String detectedRelease) {
        OptionValues values = clientOptions(environment);
        if (detectedRelease != null && !values.isSet(Option.RELEASE)
                && environment.getProperty(Option.RELEASE.env()) == null) {
            values.putText(Option.RELEASE, detectedRelease);
        }
        values.put(Option.SHUTDOWN_HOOK, false);
        for (String warning : values.warnings()) {
            StarterWarnings.once(inPropertyTerms(warning));
        }
        try {
            return ClientAccess.buildConfig(values, null, environment::getProperty);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(inPropertyTerms(e.getMessage()), e);
        }
    }

    /**
     * The client options of the option table, each read from its {@code seestack.<kebab-case>} property; the
     * service defaults to {@code spring.application.name}.
     */
    static OptionValues clientOptions(Environment environment) {
        OptionValues values = new OptionValues();
        Binder binder = Binder.get(environment);
        for (Option option : Option.of(Option.Scope.CLIENT)) {
            values.putText(option, property(binder, option.springProperty()));
        }
        if (!values.isSet(Option.SERVICE)) {
            values.putText(Option.SERVICE, property(binder, APPLICATION_NAME));
        }
        if (!values.isSet(Option.TAGS)) {
            // seestack.tags.region=eu-1: the map form of the tags
            binder.bind(Option.TAGS.springProperty(), Bindable.mapOf(String.class, String.class))
                    .ifBound(tags -> values.putText(Option.TAGS, tagsText(tags)));
        }
        return values;
    }

    /**
     * The value of a logging adapter option: {@code seestack.logging.<option>} (it configures the appender the
     * starter attaches), else {@code seestack.<option>}.
     */
    static String mappingOption(Environment environment, Option option) {
        Binder binder = Binder.get(environment);
        String nested = property(binder, option.springProperty().replaceFirst("^seestack\\.", "seestack.logging."));
        return nested != null ? nested : property(binder, option.springProperty());
    }

    private static String tagsText(Map<String, String> tags) {
        StringBuilder text = new StringBuilder();
        tags.forEach((k, v) -> text.append(text.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return text.toString();
    }

    private static String property(Binder binder, String name) {
        return binder.bind(name, String.class).orElse(null);
    }

    private static String inPropertyTerms(String message) {
        String m = message == null ? "SeeStack: invalid configuration" : message;
        for (Option option : Option.values()) {
            m = m.replace("option '" + option.optionName() + "'", "property '" + option.springProperty() + "'");
        }
        return m;
    }
}
