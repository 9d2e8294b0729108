/**
 * rtnetlink over the Java FFM API: {@link dev.calyx.kernel.netlink.RtNetlink} (the role) and
 * {@link dev.calyx.kernel.netlink.FfmRtNetlink} (the mechanism), value records ({@code Link}, {@code Address},
 * {@code Route}, {@code Neighbor}, {@code FdbEntry}, {@code VxlanSpec}, {@code VethSpec}, {@code IpPrefix},
 * {@code MacAddress}), events ({@code RtEvent}, {@code Subscription}) and the one exception type
 * {@link dev.calyx.kernel.netlink.NetlinkException}.
 *
 * <pre>
 *  FfmRtNetlink ──► FfmAddresses / FfmRoutes / FfmNeighbors      (one concern each)
 *       │                 │ build with *Codec, parse with *Codec
 *       ▼                 ▼
 *  NetlinkSocket  (seq checks, never-truncating receive, ext-ack, DUMP_INTR retry)
 *       │
 *  sys.Libc       (socket/bind/sendto/recvfrom/setsockopt through FFM, errno captured)
 * </pre>
 * Byte layouts are drawn on {@link dev.calyx.kernel.netlink.NlMessageBuilder} and the *Codec classes. Kernel
 * constants live in holder classes named after their kernel prefix ({@code Ifla.IFNAME} is IFLA_IFNAME).
 */
package dev.calyx.kernel.netlink;
