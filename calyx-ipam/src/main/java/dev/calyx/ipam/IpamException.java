package dev.calyx.ipam;

/** Base of IPAM failures; messages name the node, handle, pool, block or address concerned. */
public class IpamException extends RuntimeException {
    public IpamException(String message) {
        super(message);
    }

    public IpamException(String message, Throwable cause) {
        super(message, cause);
    }
}
