package dev.ringside.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether this machine can listen on a loopback address. Linux answers on the whole of 127.0.0.0/8; macOS configures
 * 127.0.0.1 only, so nodes on 127.0.0.2 and .3 could not start there. Asked by binding, never by the OS's name.
 */
@FunctionalInterface
public interface LoopbackProbe {

    boolean canBind(String address);

    /** Binds an ephemeral port on the address and lets it go at once. */
    LoopbackProbe SYSTEM = address -> {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(address, 0));
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    };
}
