package dev.ringside.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the run's {@link TlsSandbox}: started once, in the root context's store, on first use, and closed by JUnit
 * when the whole run ends (surefire runs every test class in one JVM).
 */
public final class TlsSandboxExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TlsSandboxExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TlsSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("sandbox", key -> {
            try {
                return TlsSandbox.start();
            } catch (Exception e) {
                throw new ParameterResolutionException("Cannot start the TlsSandbox: " + e.getMessage(), e);
            }
        }, TlsSandbox.class);
    }
}
