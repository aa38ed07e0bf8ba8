package dev.seestack;

import dev.seestack.internal.ClientAccess;
import dev.seestack.internal.ClientComponents;
import dev.seestack.internal.delivery.RetryPolicy;
import dev.seestack.testkit.IngestStub;
import java.util.function.Consumer;

/** Fixture factory: clients wired to a stub, a manual scheduler, zero jitter and a recording sink. */
public final class TestClients {
    public final ManualScheduler scheduler = new ManualScheduler();
    public final RecordingSink sink = new RecordingSink();

    public static SeeStackConfig.Builder config(IngestStub stub) {
        return SeeStackConfig.builder(name -> null).apiKey(IngestStub.API_KEY).host(stub.host())
                .environment("test").release("1.0.0")
                .serverName(""); // the host name differs per machine: off for exact-JSON tests (ErrorScreeningTest has it)
    }

    public SeeStackClient client(IngestStub stub) {
        return client(stub, b -> { });
    }

    public SeeStackClient client(IngestStub stub, Consumer<SeeStackConfig.Builder> customize) {
        SeeStackConfig.Builder b = config(stub);
        customize.accept(b);
        return ClientAccess.create(b.build(), ClientComponents.defaults()
                .scheduler(() -> scheduler)
                .retryPolicy(new RetryPolicy(() -> 0, System::currentTimeMillis))
                .diagnosticSink(sink)
                .shutdownHook(false));
    }
}
