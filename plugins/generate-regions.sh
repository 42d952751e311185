#!/usr/bin/env bash
# Regenerates the region plugins, and the region lists of the shared build files, from the iGov catalogue extract.
#
# Usage (from anywhere):
#   plugins/generate-regions.sh                 all 27 regions (the same as --all)
#   plugins/generate-regions.sh --all           all 27 regions
#   plugins/generate-regions.sh lviv kherson    only the named regions' plugin files (the shared lists are still
#                                               rewritten, and always name all 27)
#
# Input:  plugins/catalog-generator/src/main/data/igov-catalog/*.csv (see the README there), and the template
#         plugins/catalog-generator/src/main/templates/region-plugin-pom.xml.
# Output, per region (created if missing):
#         plugins/region-<slug>/src/main/resources/META-INF/igov/region.json  pretty-printed UTF-8, sorted by id
#         plugins/region-<slug>/pom.xml                                       the template, filled in for the region
# Output, shared: the lines between the marker lines
#             <!-- BEGIN generated: regions (plugins/generate-regions.sh) -->
#             <!-- END generated: regions -->
#         in plugins/pom.xml (modules), features/pom.xml (provided dependencies),
#         features/src/main/feature/features.xml (one feature per region) and karaf-assembly/pom.xml (boot features).
#         Everything outside the markers is left as it is; a file whose markers are missing or doubled stops the run
#         before anything is written.
# Every file is byte-identical on every run over the same inputs, so a second run changes nothing.
# How:    Maven compiles plugins/catalog-generator (its parents are read from this checkout, nothing needs to be
#         installed first) and runs RegionCatalogGenerator with exec:java; the main class is set in that pom.
# After regenerating, commit the changed files: CommittedRegionDataTest and SharedBuildFilesTest fail while they
# differ from the generator's output.
# Format and details: docs/region-plugin-format.md.
set -euo pipefail

plugins_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
generator="$plugins_dir/catalog-generator"
csv_dir="$generator/src/main/data/igov-catalog"

slugs=()
if [[ $# -eq 1 && $1 == --all ]]; then
  slugs=()   # the generator writes every region when given none
else
  slugs=("$@")
fi

# exec.args is split on spaces by the exec plugin, so quote each path for it.
args="'$csv_dir' '$plugins_dir' --build-files"
for slug in "${slugs[@]}"; do
  args+=" $slug"
done

mvn -q -B -f "$generator/pom.xml" compile exec:java -Dexec.args="$args"
