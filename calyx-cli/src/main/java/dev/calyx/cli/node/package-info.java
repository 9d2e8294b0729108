/** {@code calyx node}: runs the node agent ({@code calyx node run}). */
package dev.calyx.cli.node;
