#!/usr/bin/env bash
# Regenerates META-INF/igov/region.json of the region plugins from the iGov catalogue extract.
#
# Usage (from anywhere):
#   plugins/generate-regions.sh                 every region that already has a plugins/region-<slug> folder
#   plugins/generate-regions.sh lviv kherson    the named regions (creates plugins/region-<slug>/src/main/resources/...)
#   plugins/generate-regions.sh --all           all 27 regions
#
# Input:  plugins/catalog-generator/src/main/data/igov-catalog/*.csv (see the README there).
# Output: plugins/region-<slug>/src/main/resources/META-INF/igov/region.json, pretty-printed UTF-8, sorted by id,
#         byte-identical on every run over the same CSVs. The region plugin's pom is not touched.
# How:    Maven compiles plugins/catalog-generator (its parents are read from this checkout, nothing needs to be
#         installed first) and runs RegionCatalogGenerator with exec:java; the main class is set in that pom.
# After regenerating, commit the changed region.json files: CommittedRegionDataTest fails while they differ.
# Format: docs/region-plugin-format.md.
set -euo pipefail

plugins_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
generator="$plugins_dir/catalog-generator"
csv_dir="$generator/src/main/data/igov-catalog"

slugs=()
if [[ $# -eq 0 ]]; then
  for dir in "$plugins_dir"/region-*/; do
    [[ -d "$dir" ]] && slugs+=("$(basename "$dir" | sed 's/^region-//')")
  done
  if [[ ${#slugs[@]} -eq 0 ]]; then
    echo "no plugins/region-* folder yet; name the regions to generate, or pass --all" >&2
    exit 2
  fi
elif [[ $# -eq 1 && $1 == --all ]]; then
  slugs=()   # the generator writes every region when given none
else
  slugs=("$@")
fi

# exec.args is split on spaces by the exec plugin, so quote each path for it.
args="'$csv_dir' '$plugins_dir'"
for slug in "${slugs[@]}"; do
  args+=" $slug"
done

mvn -q -B -f "$generator/pom.xml" compile exec:java -Dexec.args="$args"
