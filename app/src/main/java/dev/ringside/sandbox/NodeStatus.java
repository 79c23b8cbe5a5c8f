package dev.ringside.sandbox;

/**
 * One sandbox node as {@code sandbox status} shows it.
 *
 * @param node      1-based node number
 * @param address   loopback address
 * @param port      CQL port
 * @param pid       process id, or 0
 * @param running   whether the process is alive
 * @param answering whether its CQL port accepts connections
 */
public record NodeStatus(int node, String address, int port, long pid, boolean running, boolean answering) {

    /** {@code address:port}, as clients name the node. */
    public String endpoint() {
        return address + ":" + port;
    }
}
