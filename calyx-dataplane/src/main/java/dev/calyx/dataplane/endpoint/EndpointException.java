package dev.calyx.dataplane.endpoint;

/**
 * Wiring, unwiring or checking an endpoint failed. The message names the endpoint, the step and the kernel's reason:
 * "wire endpoint calic440f455693 (eth0 in /proc/42/ns/net): add route 10.244.0.5/32 dev calic440f455693: File
 * exists (EEXIST)". The cause is the kernel-layer exception. Mapped to CNI error 11 ("try again later") or
 * ≥100 at the agent's edge.
 */
public final class EndpointException extends RuntimeException {
    public EndpointException(String message, Throwable cause) {
        super(message, cause);
    }

    public EndpointException(String message) {
        super(message);
    }
}
