package dev.calyx.ipam;

/** No address could be found; the message says, per pool, what is full (blocks, host limit, strict affinity). */
public class IpamExhaustedException extends IpamException {
    public IpamExhaustedException(String message) {
        super(message);
    }
}
