/** calyx-preflight. */
package dev.calyx.preflight;
