/**
 * Calico's label selector language: parser, canonical form, evaluation, the Kubernetes label selector
 * translation, and an incremental selector/endpoint index.
 *
 * <p>Entry points: {@link dev.calyx.model.selector.Selector#parse(String)},
 * {@link dev.calyx.model.selector.LabelSelectors}, {@link dev.calyx.model.selector.SelectorIndex}.
 */
package dev.calyx.model.selector;
