/** calyx-bench. */
package dev.calyx.bench;
