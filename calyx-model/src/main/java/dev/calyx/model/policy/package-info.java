/**
 * Calico's rule schema ({@code api/pkg/apis/projectcalico/v3/policy_common.go}) shared by NetworkPolicy,
 * GlobalNetworkPolicy, their staged variants and Profile. Field names are Calico's JSON names.
 */
package dev.calyx.model.policy;
