#!/usr/bin/env bash
# Builds the application image from Containerfile with Podman or Docker, whichever has a
# running engine (Podman first). Usage:
#   scripts/build-image.sh [image[:tag]]        default: bakery-alerts:latest
# Environment: CONTAINER_ENGINE=podman|docker picks one; SKIP_MAVEN=1 reuses target/ as it is.
# The Maven step packages the WAR and the resource adapter (target/bakery-alerts.war,
# target/rabbitmq-ra.rar) and stages the JDBC drivers in target/container/jdbc.
set -euo pipefail

cd "$(dirname "$0")/.."
image="${1:-bakery-alerts:latest}"

engine_works() {
    # A client alone is not enough (a docker CLI without a daemon is common): ask the engine.
    command -v "$1" >/dev/null 2>&1 && "$1" info >/dev/null 2>&1
}

engine="${CONTAINER_ENGINE:-}"
if [[ -n "$engine" ]]; then
    if ! engine_works "$engine"; then
        echo "build-image: CONTAINER_ENGINE=$engine, but '$engine info' fails: is it installed and running?" >&2
        exit 2
    fi
else
    for candidate in podman docker; do
        if engine_works "$candidate"; then
            engine="$candidate"
            break
        fi
    done
fi
if [[ -z "$engine" ]]; then
    echo "build-image: no container engine here: neither 'podman info' nor 'docker info' works." >&2
    echo "build-image: install Podman (or start a Docker daemon), or build Containerfile in CI." >&2
    exit 2
fi

if [[ "${SKIP_MAVEN:-0}" != 1 ]]; then
    rm -rf target/container
    # The JDBC drivers are 'provided' dependencies: copy those of the two groups, without their
    # own dependencies (the drivers need none), as the liberty-maven-plugin's copyDependencies
    # does for target/liberty.
    ./mvnw -q -DskipTests package dependency:copy-dependencies \
        -DincludeScope=provided \
        -DincludeGroupIds=org.apache.derby,org.postgresql \
        -DexcludeTransitive=true \
        -DoutputDirectory=target/container/jdbc
fi

for f in target/bakery-alerts.war target/rabbitmq-ra.rar; do
    [[ -f "$f" ]] || { echo "build-image: $f is missing: run without SKIP_MAVEN=1" >&2; exit 2; }
done
compgen -G "target/container/jdbc/derby-*.jar" >/dev/null \
    && compgen -G "target/container/jdbc/postgresql-*.jar" >/dev/null \
    || { echo "build-image: JDBC drivers missing in target/container/jdbc: run without SKIP_MAVEN=1" >&2; exit 2; }

echo "build-image: building $image with $engine"
"$engine" build -f Containerfile -t "$image" .
echo "build-image: built $image. Push it to your registry and set it in the overlay (kustomize edit set image bakery-alerts=<registry>/bakery-alerts:<tag>)."
