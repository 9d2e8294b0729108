/** The node's place in the datastore and its fitness to run: Node resource, default IPPool, preflight, STATUS. */
package dev.calyx.agent.node;
