/** calyx-model. */
package dev.calyx.model;
