package dev.calyx.kernel.sysctl;

/** Reading or writing a sysctl failed: "set sysctl net/ipv4/conf/cali1/proxy_arp=1 in netns pod1: ...". */
public final class SysctlException extends RuntimeException {
    public SysctlException(String message, Throwable cause) {
        super(message, cause);
    }
}
