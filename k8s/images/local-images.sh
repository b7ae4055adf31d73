#!/usr/bin/env bash
# Container images on a machine without Docker and without access to any container registry (the build machines
# of this project reach only Maven Central, Debian and npm). Machine setup, not a project dependency: the normal build
# and ./plugmate test never call this. Needs root and, from Debian: debootstrap umoci skopeo docker-registry podman runc.
#
#   k8s/images/local-images.sh setup           let podman run here (a containers.conf drop-in, see setup())
#   k8s/images/local-images.sh registry        start a registry (Debian's docker-registry) on 127.0.0.1:5000
#   k8s/images/local-images.sh base            build the JRE 25 base image and push it there:
#                                              Debian 12 minbase (debootstrap) + a jlinked runtime of the build JDK
#   k8s/images/local-images.sh apps [-pl …]    the normal Maven build with -Dimages, based on that image, pushed there
#   k8s/images/local-images.sh run <app> [port] [podman run options…]
#                                              run an application's image with podman (host network)
#   k8s/images/local-images.sh stop            stop the registry
#
# The base image holds the same JDK build as the Maven build (jlinked from $JAVA_HOME), so the AOT cache that Quarkus
# trains in a container of that image at build time (quarkus.package.jar.aot.*) is the one the image runs with.
# Everything lands in $PLUGMATE_IMAGES_WORK (default /tmp/plugmate-images); nothing is written into the repository
# except the modules' target/ folders. docs/deploy.md says what was run with it and what it proved.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${PLUGMATE_IMAGES_WORK:-/tmp/plugmate-images}
REGISTRY=${PLUGMATE_IMAGES_REGISTRY:-127.0.0.1:5000}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
SUITE=bookworm
MIRROR=${PLUGMATE_IMAGES_MIRROR:-http://deb.debian.org/debian}
# the modules a Quarkus service needs at run time (jdeps cannot see through Quarkus' class loading)
MODULES=java.se,jdk.unsupported,jdk.zipfs,jdk.naming.dns,jdk.crypto.cryptoki,jdk.management,jdk.management.agent,jdk.jfr,jdk.localedata,jdk.charsets,jdk.net,jdk.security.auth,jdk.security.jgss,jdk.attach,jdk.jcmd
APPS=vehicle-service,charger-service,pairing-service/service,orchestration-service,statistics-service,dev/gateway,dev/oem-simulator

need() { for t in "$@"; do command -v "$t" > /dev/null || { echo "missing $t (apt-get install $*)" >&2; exit 1; }; done; }
java_version() { "$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p' | tr '+' '_'; }
base_image() { echo "$REGISTRY/plugmate/jre25:$(java_version)"; }

# Podman's defaults fail on these VMs: it asks for RLIMIT_NOFILE/NPROC 1048576 but the VM has no CAP_SYS_RESOURCE
# (crun/runc: "setrlimit RLIMIT_NOFILE: Operation not permitted"), and crun refuses the hybrid cgroup v1/v2 layout
# ("cgroups in hybrid mode not supported"); runc works. Quarkus' AOT training calls a plain `podman run`, hence a
# drop-in rather than command-line flags.
setup() {
  need podman runc
  mkdir -p /etc/containers/containers.conf.d
  local nproc
  nproc=$(ulimit -Hu)
  if [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ]; then nproc=32768; fi
  cat > /etc/containers/containers.conf.d/zz-plugmate-local.conf <<EOF
# written by plugmate k8s/images/local-images.sh setup
[containers]
default_ulimits = ["nofile=$(ulimit -Hn):$(ulimit -Hn)", "nproc=$nproc:$nproc"]
[engine]
runtime = "runc"
EOF
  podman info --format 'podman {{.Version.Version}}, runtime {{.Host.OCIRuntime.Name}}, storage {{.Store.GraphDriverName}}'
}

registry() {
  need docker-registry curl
  mkdir -p "$WORK/registry"
  if curl -fsS "http://$REGISTRY/v2/" > /dev/null 2>&1; then echo "registry already up on $REGISTRY"; return; fi
  cat > "$WORK/registry.yml" <<EOF
version: 0.1
storage:
  filesystem:
    rootdirectory: $WORK/registry
  delete:
    enabled: true
http:
  addr: $REGISTRY
EOF
  nohup docker-registry serve "$WORK/registry.yml" > "$WORK/registry.log" 2>&1 < /dev/null &
  echo $! > "$WORK/registry.pid"
  for _ in $(seq 50); do curl -fsS "http://$REGISTRY/v2/" > /dev/null 2>&1 && { echo "registry up on $REGISTRY (pid $(cat "$WORK/registry.pid"))"; return; }; sleep 0.2; done
  echo "registry did not start, see $WORK/registry.log" >&2; exit 1
}

base() {
  need debootstrap umoci skopeo
  local rootfs=$WORK/rootfs image
  image=$(base_image)
  if [ ! -x "$rootfs/usr/bin/env" ]; then
    rm -rf "$rootfs"
    debootstrap --variant=minbase "$SUITE" "$rootfs" "$MIRROR"
  fi
  # the runtime: a jlinked image of the build JDK (same build, so a cache trained with it is valid in the image)
  rm -rf "$rootfs/opt/java"
  mkdir -p "$rootfs/opt/java"
  "$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive --output "$rootfs/opt/java/openjdk"
  # uid 185, group 0, home /home/jboss: the user and working directory of the UBI OpenJDK images and of Jib's default
  chroot "$rootfs" sh -c 'id -u jboss > /dev/null 2>&1 || useradd -u 185 -g 0 -m -d /home/jboss -s /usr/sbin/nologin jboss'
  rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc "$rootfs"/usr/share/man \
    "$rootfs"/usr/share/info "$rootfs"/usr/share/locale "$rootfs"/var/log/*.log "$rootfs"/var/cache/debconf/*-old
  rm -rf "$WORK/oci" "$WORK/layer.tar"
  tar --numeric-owner --sort=name --mtime=@0 -C "$rootfs" -cf "$WORK/layer.tar" .
  umoci init --layout "$WORK/oci"
  umoci new --image "$WORK/oci:jre25"
  umoci raw add-layer --image "$WORK/oci:jre25" "$WORK/layer.tar"
  umoci config --image "$WORK/oci:jre25" --author plugmate --os linux --architecture amd64 \
    --config.user 185 --config.workingdir /home/jboss \
    --config.env PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --config.env JAVA_HOME=/opt/java/openjdk --config.env LANG=C.UTF-8 \
    --config.label "org.opencontainers.image.description=Debian $SUITE minbase + jlinked $(java_version)"
  rm -f "$WORK/layer.tar"
  skopeo copy --dest-tls-verify=false "oci:$WORK/oci:jre25" "docker://$image"
  # the AOT training at build time runs `podman run <base image>`: podman must find it locally
  if command -v podman > /dev/null; then podman pull -q --tls-verify=false "$image" > /dev/null; fi
  echo "base image: $image"
}

apps() {
  cd "$ROOT"
  local pl=$APPS
  if [ "${1:-}" = -pl ]; then pl=$2; shift 2; fi
  ./mvnw -B -ntp package -DskipTests -Dimages -pl "$pl" -am \
    -Dquarkus.jib.base-jvm-image="$(base_image)" \
    -Dquarkus.container-image.registry="$REGISTRY" -Dquarkus.container-image.insecure=true \
    -Dquarkus.container-image.push=true -Dquarkus.native.container-runtime=podman "$@"
}

run() {
  need podman
  local app=$1 port=${2:-8080}
  shift; [ $# -gt 0 ] && shift
  # host network: the application reaches PostgreSQL, Kafka and the IdP of ./plugmate run on localhost
  exec podman run --rm --tls-verify=false --network host --read-only --tmpfs /tmp \
    -e QUARKUS_HTTP_PORT="$port" "$@" "$REGISTRY/plugmate/$app:$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
}

stop() {
  if [ -f "$WORK/registry.pid" ]; then kill "$(cat "$WORK/registry.pid")" 2> /dev/null || true; rm -f "$WORK/registry.pid"; fi
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  setup | registry | base | apps | run | stop) "$cmd" "$@" ;;
  *) sed -n '2,17p' "$0" >&2; exit 2 ;;
esac
