#!/usr/bin/env bash
# Renders every kustomization under kubernetes/ with the real kustomize, so what the unit test
# (KubernetesManifestsTest, which renders the overlays itself) checks is what kustomize builds.
# Uses `kustomize` if it is on PATH, else `kubectl kustomize` (kubectl embeds kustomize); fails
# when neither exists. With KUBECONFORM=1 and kubeconform on PATH, also validates the output.
# Usage: kubernetes/check.sh [output-dir]     (default: target/kubernetes)
set -euo pipefail

cd "$(dirname "$0")/.."
out="${1:-target/kubernetes}"
mkdir -p "$out"

if command -v kustomize >/dev/null 2>&1; then
    build=(kustomize build)
    echo "check: $(kustomize version 2>/dev/null | head -1)"
elif command -v kubectl >/dev/null 2>&1; then
    build=(kubectl kustomize)
    echo "check: kubectl kustomize ($(kubectl version --client 2>/dev/null | grep -i kustomize || echo 'version unknown'))"
else
    echo "check: neither kustomize nor kubectl is on PATH: install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/)" >&2
    exit 2
fi

failed=0
for dir in kubernetes/base kubernetes/overlays/dev kubernetes/overlays/prod kubernetes/gateway-api kubernetes/operator; do
    name="${dir#kubernetes/}"
    file="$out/${name//\//-}.yaml"
    if "${build[@]}" "$dir" >"$file"; then
        echo "check: $dir renders ($(grep -c '^kind:' "$file") objects) -> $file"
    else
        echo "check: $dir does NOT render" >&2
        failed=1
    fi
done

if [[ "${KUBECONFORM:-0}" == 1 ]]; then
    if command -v kubeconform >/dev/null 2>&1; then
        # -ignore-missing-schemas: HTTPRoute and OpenLibertyApplication are CRDs.
        kubeconform -strict -summary -ignore-missing-schemas "$out"/*.yaml || failed=1
    else
        echo "check: KUBECONFORM=1 but kubeconform is not on PATH" >&2
        failed=1
    fi
fi
exit "$failed"
