#!/usr/bin/env bash
# Builds a STAND-IN for a published base image of src/main/docker from this host's own files, for machines that cannot
# reach an image registry (CI here). It is not the published image: it keeps the contract the Dockerfile relies on,
# and is tagged with the published name so that the Dockerfile builds unchanged. On a machine that can pull the real
# base, do not run this.
#
#   jvm     registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23 (Dockerfile.jvm): a JDK 17 at JAVA_HOME, the user
#           185 (group 0) owning /deployments, and /opt/jboss/container/java/run/run-java.sh as the entry point,
#           reading JAVA_APP_JAR, JAVA_OPTS and JAVA_OPTS_APPEND (bench/container/run-java.sh)
#   jvm-aot eclipse-temurin:25.0.3_9-jdk-noble (Dockerfile.jvm-aot): Temurin's full JDK 25 at /opt/java/openjdk, on the
#           PATH, and a shell. The JDK is this host's Temurin 25 (STAND_IN_JDK, default /usr/lib/jvm/temurin-25-jdk-amd64):
#           the AOT cache needs the very JDK that wrote it, so it must be the one the aot build ran on; the published
#           image of that version is made from the same Temurin release archive. No user: the Dockerfile runs as 185
#   native  quay.io/quarkus/ubi9-quarkus-micro-image:2.0 (Dockerfile.native-micro): the C libraries a native executable
#           loads (glibc, zlib), a /work folder, the user 1001; no shell needed by the executable
#
#   bench/container/stand-in-base.sh jvm|jvm-aot|native [docker command]
set -euo pipefail
cd "$(dirname "$0")/../.."
kind=${1:?usage: bench/container/stand-in-base.sh jvm|jvm-aot|native [docker command]}
docker=${2:-docker}

root=$(mktemp -d)
chmod 0755 "$root"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/etc" "$root/bin" "$root/tmp"
chmod 1777 "$root/tmp"
printf '127.0.0.1 localhost\n' > "$root/etc/hosts"

# Copies every shared library that the given files load, with the dynamic loader, to the paths they are looked up at.
copy_libraries() {
  find "$@" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -print0 \
    | xargs -0 -n 20 ldd 2> /dev/null | grep -o '/[^ ]*\.so[^ ]*' | sort -u | while read -r lib; do
      [ -e "$lib" ] || continue
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
}

case "$kind" in
  jvm)
    tag=registry.access.redhat.com/ubi9/openjdk-17-runtime:1.23
    jdk=${STAND_IN_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}
    mkdir -p "$root/usr/lib/jvm/jre-17" "$root/opt/jboss/container/java/run" "$root/deployments" "$root/home/default"
    # The JDK with its links resolved (Debian points conf/ and cacerts into /etc); dangling ones (src.zip) left out.
    (cd "$jdk" && find . -xtype l > "$root/dangling" && tar -c --dereference --exclude-from="$root/dangling" .) \
      | tar -C "$root/usr/lib/jvm/jre-17" -x
    rm "$root/dangling"
    cp /bin/dash "$root/bin/sh"
    copy_libraries "$root/usr/lib/jvm/jre-17" "$root/bin"
    install -m 0755 bench/container/run-java.sh "$root/opt/jboss/container/java/run/run-java.sh"
    printf 'root:x:0:0:root:/root:/sbin/nologin\ndefault:x:185:0:default:/home/default:/sbin/nologin\n' > "$root/etc/passwd"
    printf 'root:x:0:\n' > "$root/etc/group"
    chown -R 185:0 "$root/deployments" "$root/home/default"
    changes=(--change 'ENV JAVA_HOME=/usr/lib/jvm/jre-17 PATH=/usr/lib/jvm/jre-17/bin:/usr/bin:/bin HOME=/home/default'
      --change 'USER 185' --change 'WORKDIR /home/default'
      --change 'ENTRYPOINT ["/opt/jboss/container/java/run/run-java.sh"]')
    ;;
  jvm-aot)
    tag=eclipse-temurin:25.0.3_9-jdk-noble
    jdk=${STAND_IN_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
    mkdir -p "$root/opt/java/openjdk"
    (cd "$jdk" && find . -xtype l > "$root/dangling" && tar -c --dereference --exclude-from="$root/dangling" .) \
      | tar -C "$root/opt/java/openjdk" -x
    rm "$root/dangling"
    cp /bin/dash "$root/bin/sh"
    copy_libraries "$root/opt/java/openjdk" "$root/bin"
    printf 'root:x:0:0:root:/root:/bin/sh\n' > "$root/etc/passwd"
    printf 'root:x:0:\n' > "$root/etc/group"
    changes=(--change 'ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/bin:/bin LANG=en_US.UTF-8'
      --change 'CMD ["jshell"]')
    ;;
  native)
    tag=quay.io/quarkus/ubi9-quarkus-micro-image:2.0
    # What a Quarkus native executable links: glibc (libc, libm, libdl, libpthread, librt), zlib; found through a
    # program that loads the same (java's launcher and libzip), plus the loader.
    # The Dockerfile's RUN needs a shell, chown and chmod, which the published micro image has too.
    mkdir -p "$root/work"
    cp /bin/dash "$root/bin/sh"
    cp /bin/chown /bin/chmod "$root/bin/"
    copy_libraries "$root/bin" /usr/lib/jvm/java-17-openjdk-amd64/lib/libzip.so
    for lib in libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libz.so.1; do
      found=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ { print $NF; exit }')
      [ -n "$found" ] && mkdir -p "$root$(dirname "$found")" && cp -L "$found" "$root$found"
    done
    printf 'root:x:0:0:root:/root:/sbin/nologin\n' > "$root/etc/passwd"
    printf 'root:x:0:\n' > "$root/etc/group"
    changes=(--change 'ENV PATH=/usr/bin:/bin' --change 'WORKDIR /work')
    ;;
  *)
    echo "usage: bench/container/stand-in-base.sh jvm|jvm-aot|native [docker command]" >&2
    exit 2
    ;;
esac

tar -C "$root" -c . | "$docker" import "${changes[@]}" \
  --change "LABEL description=\"stand-in for $tag, built from this host's files by bench/container/stand-in-base.sh\"" \
  - "$tag" > /dev/null
echo "built $tag: a STAND-IN made of this host's files, not the published image"
