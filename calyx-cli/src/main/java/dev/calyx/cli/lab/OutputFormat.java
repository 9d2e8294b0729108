package dev.calyx.cli.lab;

/** {@code -o} of the lab commands. */
enum OutputFormat { table, json }
