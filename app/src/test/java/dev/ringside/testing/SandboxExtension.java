package dev.ringside.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the run's {@link SharedSandbox}: started once, in the root context's store, on first use, and closed by
 * JUnit when the whole run ends. Surefire runs every test class in one JVM, so the cluster starts once per run.
 */
public final class SandboxExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SharedSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return sandbox(context);
    }

    static SharedSandbox sandbox(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("sandbox", key -> {
            try {
                return SharedSandbox.start();
            } catch (Exception e) {
                throw new ParameterResolutionException("Cannot start the test sandbox cluster: " + e.getMessage(), e);
            }
        }, SharedSandbox.class);
    }
}
