package dev.calyx.kernel.netlink;

/** Route and address scopes ({@code RT_SCOPE_*}, linux/rtnetlink.h). Kernel spelling minus the prefix. */
public final class RtScope {
    public static final int UNIVERSE = 0;
    public static final int SITE = 200;
    public static final int LINK = 253;
    public static final int HOST = 254;
    public static final int NOWHERE = 255;

    private RtScope() {}
}
