/** calyx-testkit. */
package dev.calyx.testkit;
