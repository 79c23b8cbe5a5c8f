package dev.ringside.sandbox;

/**
 * One sandbox node as {@code sandbox status} shows it.
 *
 * @param node      1-based node number
 * @param address   loopback address
 * @param pid       process id, or 0
 * @param running   whether the process is alive
 * @param answering whether its CQL port accepts connections
 */
public record NodeStatus(int node, String address, long pid, boolean running, boolean answering) {
}
