package dev.ringside.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the run's {@link TwoDcSandbox}: started once, in the root context's store, on first use, and closed by JUnit
 * when the whole run ends (surefire runs every test class in one JVM).
 */
public final class TwoDcSandboxExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TwoDcSandboxExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TwoDcSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("sandbox", key -> {
            try {
                return TwoDcSandbox.start();
            } catch (Exception e) {
                throw new ParameterResolutionException("Cannot start the TwoDcSandbox: " + e.getMessage(), e);
            }
        }, TwoDcSandbox.class);
    }
}
