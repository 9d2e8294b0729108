/** Per-namespace network sysctls ({@link dev.calyx.kernel.sysctl.Sysctl}), written from inside the namespace. */
package dev.calyx.kernel.sysctl;
