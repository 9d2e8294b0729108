/** Liveness and readiness over HTTP (Felix's /liveness and /readiness on port 9099). */
package dev.calyx.agent.health;
