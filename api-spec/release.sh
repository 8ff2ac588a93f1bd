#!/usr/bin/env bash
# Cuts a contract release: copies openapi.yaml, asyncapi.yaml and schemas/*.json into
# api-spec/releases/<version>/, which the compatibility gate (module contract-diff, `mvn verify`)
# then compares every later working contract against.
#
#   bash api-spec/release.sh 1.1.0
#
# Refuses when the version is not SemVer, when the documents do not both carry it, when the
# release already exists, or when the contract is not compatible with the previous release
# (the diff's report is printed; build contract-diff first: mvn -B -o package -pl contract-diff -DskipTests).
set -euo pipefail

version="${1:-}"
spec_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
releases="$spec_dir/releases"
jar="$spec_dir/../contract-diff/target/contract-diff.jar"

if [[ ! "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]]; then
  echo "release.sh: usage: bash api-spec/release.sh <MAJOR.MINOR.PATCH>, got '${version}'" >&2
  exit 2
fi
for doc in openapi.yaml asyncapi.yaml; do
  declared="$(grep -m1 -E '^  version:' "$spec_dir/$doc" | sed -E "s/^  version:[[:space:]]*['\"]?([^'\"]*)['\"]?[[:space:]]*$/\1/")"
  if [[ "$declared" != "$version" ]]; then
    echo "release.sh: $doc declares info.version $declared, not $version; set both documents first" >&2
    exit 1
  fi
done
if [[ -e "$releases/$version" ]]; then
  echo "release.sh: $releases/$version already exists; a release is never rewritten" >&2
  exit 1
fi
if [[ -d "$releases" ]] && ls "$releases" | grep -qE '^[0-9]+\.[0-9]+\.[0-9]+$'; then
  if [[ ! -f "$jar" ]]; then
    echo "release.sh: $jar is missing; build it with: mvn -B -o package -pl contract-diff -DskipTests" >&2
    exit 1
  fi
  accept=()
  [[ -f "$releases/accepted-breaks.yaml" ]] && accept=(--accept "$releases/accepted-breaks.yaml")
  java -jar "$jar" --base-latest-release "$releases" --candidate "$spec_dir" "${accept[@]}"
fi

target="$releases/$version"
mkdir -p "$target/schemas"
cp "$spec_dir/openapi.yaml" "$spec_dir/asyncapi.yaml" "$target/"
cp "$spec_dir"/schemas/*.json "$target/schemas/"
echo "release.sh: contract $version kept in api-spec/releases/$version/."
echo "Next: move the CHANGELOG's draft section to [$version] with today's date, drop the entries of"
echo "releases/accepted-breaks.yaml whose base is older than $version, commit, and tag v$version."
