/**
 * The few libc calls the kernel layer makes, bound through FFM ({@link dev.calyx.kernel.sys.Libc}, results as
 * {@code -errno}), and errno names ({@link dev.calyx.kernel.sys.Errno}). Shared by netlink, netns and sysctl.
 */
package dev.calyx.kernel.sys;
