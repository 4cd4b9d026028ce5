package dev.khabar.kafka;

import java.util.Objects;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link EmbeddedKafkaBroker} per test class and injects it into constructors, {@code @BeforeAll}
 * (static or not) and test methods that take an {@code EmbeddedKafkaBroker} parameter.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedKafkaExtension.class)
 * class FooIT {
 *     FooIT(EmbeddedKafkaBroker kafka) { ... }
 * }
 * }</pre>
 *
 * <p>{@code @Nested} classes share the broker of their enclosing class. The broker has a temporary data
 * dir that survives {@code stop()}/{@code start()} and is deleted after the class. To change its
 * configuration, register an instance:
 * {@code @RegisterExtension static EmbeddedKafkaExtension kafka = new EmbeddedKafkaExtension(b -> b.brokerProperty(...));}
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(EmbeddedKafkaExtension.class);
    private static final String BROKER = "broker";

    private final Consumer<EmbeddedKafkaBrokerBuilder> customizer;

    public EmbeddedKafkaExtension() {
        this(builder -> { });
    }

    /** @param customizer configures the broker before it is built, e.g. with broker properties */
    public EmbeddedKafkaExtension(Consumer<EmbeddedKafkaBrokerBuilder> customizer) {
        this.customizer = Objects.requireNonNull(customizer, "customizer");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker(context);
    }

    /**
     * Closes the broker this class started. A {@code @Nested} class's store does not hold its enclosing
     * class's broker (lookups fall back to the parent store, removals do not), so it closes nothing.
     */
    @Override
    public void afterAll(ExtensionContext context) {
        EmbeddedKafkaBroker broker = context.getStore(NAMESPACE).remove(BROKER, EmbeddedKafkaBroker.class);
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedKafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return broker(extensionContext);
    }

    /**
     * The broker of the class owning {@code context}, started on first use: with
     * {@code @TestInstance(PER_CLASS)} the constructor is resolved before {@link #beforeAll} runs.
     */
    private EmbeddedKafkaBroker broker(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        // computeIfAbsent finds a broker in an enclosing class's store before it computes a new one.
        return classContext.getStore(NAMESPACE).computeIfAbsent(BROKER, key -> startBroker(),
                EmbeddedKafkaBroker.class);
    }

    private EmbeddedKafkaBroker startBroker() {
        EmbeddedKafkaBrokerBuilder builder = EmbeddedKafkaBroker.builder();
        customizer.accept(builder);
        EmbeddedKafkaBroker broker = builder.build();
        try {
            return broker.start();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }
}
