package dev.calyx.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * Kubernetes-style object metadata as Calico resources carry it. Besides the fields calyx uses (name, namespace,
 * labels, annotations, resourceVersion, uid, creationTimestamp) it accepts the other standard metadata fields so
 * that {@code kubectl get -o yaml} / {@code calicoctl get -o yaml} output can be applied back unchanged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectMeta(
        String name,
        String generateName,
        String namespace,
        Map<String, String> labels,
        Map<String, String> annotations,
        String resourceVersion,
        String uid,
        String creationTimestamp,
        String deletionTimestamp,
        Long deletionGracePeriodSeconds,
        Long generation,
        List<String> finalizers,
        List<Map<String, Object>> ownerReferences,
        List<Map<String, Object>> managedFields,
        String selfLink) {

    public ObjectMeta {
        labels = labels == null ? null : Maps.copyOrdered(labels);
        annotations = annotations == null ? null : Maps.copyOrdered(annotations);
        finalizers = finalizers == null ? null : List.copyOf(finalizers);
    }

    public static ObjectMeta named(String name) {
        return new ObjectMeta(name, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static ObjectMeta namespaced(String namespace, String name) {
        return named(name).withNamespace(namespace);
    }

    public ObjectMeta withName(String newName) {
        return new ObjectMeta(newName, generateName, namespace, labels, annotations, resourceVersion, uid,
                creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, generation, finalizers,
                ownerReferences, managedFields, selfLink);
    }

    public ObjectMeta withNamespace(String newNamespace) {
        return new ObjectMeta(name, generateName, newNamespace, labels, annotations, resourceVersion, uid,
                creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, generation, finalizers,
                ownerReferences, managedFields, selfLink);
    }

    public ObjectMeta withLabels(Map<String, String> newLabels) {
        return new ObjectMeta(name, generateName, namespace, newLabels, annotations, resourceVersion, uid,
                creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, generation, finalizers,
                ownerReferences, managedFields, selfLink);
    }

    public ObjectMeta withAnnotations(Map<String, String> newAnnotations) {
        return new ObjectMeta(name, generateName, namespace, labels, newAnnotations, resourceVersion, uid,
                creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, generation, finalizers,
                ownerReferences, managedFields, selfLink);
    }

    /** Stamps the datastore-owned fields (revision, uid, creation time) as a store does on write. */
    public ObjectMeta withStoreFields(String newResourceVersion, String newUid, String newCreationTimestamp) {
        return new ObjectMeta(name, generateName, namespace, labels, annotations, newResourceVersion, newUid,
                newCreationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, generation, finalizers,
                ownerReferences, managedFields, selfLink);
    }

    /** Labels, never null. */
    public Map<String, String> labelsOrEmpty() {
        return labels == null ? Map.of() : labels;
    }

    /** Annotations, never null. */
    public Map<String, String> annotationsOrEmpty() {
        return annotations == null ? Map.of() : annotations;
    }
}
