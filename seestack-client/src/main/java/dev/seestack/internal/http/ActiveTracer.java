package dev.seestack.internal.http;

import dev.seestack.internal.json.BlankText;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The trace id of a tracer active on the current thread, so the SDK adopts it instead of generating its own:
 * Micrometer Tracing's MDC {@code traceId} (recognised by the {@code spanId} beside it, which the SDK never
 * sets), the OpenTelemetry agent's MDC {@code trace_id}, else the current OpenTelemetry or Brave span when their
 * API is on the classpath (reached reflectively: the core depends on neither). Every lookup is failure-silent.
 */
public final class ActiveTracer {
    /** MDC key of the trace id written by Micrometer Tracing (Brave or OpenTelemetry bridge). */
    public static final String MICROMETER_TRACE_KEY = "traceId";
    /** MDC key of the span id written by Micrometer Tracing beside its trace id. */
    public static final String MICROMETER_SPAN_KEY = "spanId";
    /** MDC key of the trace id written by the OpenTelemetry Java agent's logging instrumentation. */
    public static final String OTEL_TRACE_KEY = "trace_id";

    private static final SpanLookup OTEL = SpanLookup.otel();
    private static final SpanLookup BRAVE = SpanLookup.brave();

    private ActiveTracer() {
    }

    /** The active tracer's trace id on this thread, or null when no tracer has one. */
    public static String traceId() {
        String id = MdcBridge.get(MICROMETER_SPAN_KEY) == null ? null : MdcBridge.get(MICROMETER_TRACE_KEY);
        if (BlankText.isBlank(id)) {
            id = MdcBridge.get(OTEL_TRACE_KEY);
        }
        if (BlankText.isBlank(id)) {
            id = currentSpanTraceId();
        }
        return BlankText.isBlank(id) ? null : id;
    }

    /** The trace id of the current OpenTelemetry, else Brave, span; null when neither API has one. */
    public static String currentSpanTraceId() {
        String id = OTEL.traceId();
        return id != null ? id : BRAVE.traceId();
    }

    /** A chain of reflective calls from a static entry point to the trace id string, or nothing when absent. */
    private static final class SpanLookup {
        private static final String INVALID_OTEL_TRACE = "00000000000000000000000000000000";
        private final MethodHandle entry;
        private final MethodHandle[] steps;

        private SpanLookup(MethodHandle entry, MethodHandle... steps) {
            this.entry = entry;
            this.steps = steps;
        }

        /** {@code Span.current().getSpanContext().getTraceId()}. */
        static SpanLookup otel() {
            try {
                Class<?> span = load("io.opentelemetry.api.trace.Span");
                Class<?> context = load("io.opentelemetry.api.trace.SpanContext");
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                return new SpanLookup(lookup.findStatic(span, "current", MethodType.methodType(span)),
                        lookup.findVirtual(span, "getSpanContext", MethodType.methodType(context)),
                        lookup.findVirtual(context, "getTraceId", MethodType.methodType(String.class)));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return new SpanLookup(null);
            }
        }

        /** {@code Tracing.current().currentTraceContext().get().traceIdString()}. */
        static SpanLookup brave() {
            try {
                Class<?> tracing = load("brave.Tracing");
                Class<?> current = load("brave.propagation.CurrentTraceContext");
                Class<?> context = load("brave.propagation.TraceContext");
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                return new SpanLookup(lookup.findStatic(tracing, "current", MethodType.methodType(tracing)),
                        lookup.findVirtual(tracing, "currentTraceContext", MethodType.methodType(current)),
                        lookup.findVirtual(current, "get", MethodType.methodType(context)),
                        lookup.findVirtual(context, "traceIdString", MethodType.methodType(String.class)));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return new SpanLookup(null);
            }
        }

        String traceId() {
            if (entry == null) {
                return null;
            }
            try {
                Object value = entry.invoke();
                for (MethodHandle step : steps) {
                    if (value == null) {
                        return null;
                    }
                    value = step.invoke(value);
                }
                String id = (String) value;
                return BlankText.isBlank(id) || INVALID_OTEL_TRACE.equals(id) ? null : id;
            } catch (Throwable t) {
                return null;
            }
        }

        private static Class<?> load(String name) throws ClassNotFoundException {
            ClassNotFoundException missing = null;
            for (ClassLoader loader : new ClassLoader[] {ActiveTracer.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
                try {
                    return Class.forName(name, false, loader);
                } catch (ClassNotFoundException e) {
                    missing = e;
                }
            }
            throw missing;
        }
    }
}
