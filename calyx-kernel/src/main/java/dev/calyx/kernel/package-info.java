/** calyx-kernel. */
package dev.calyx.kernel;
