// Maven checks an archetype's validationRegex only for answers typed at its prompt, never for -D values or in batch
// mode (ARCHETYPE-532), which is how the plugin author's guide generates. The same rules are checked here: a region
// the platform would refuse, or whose JSON or XML a quote would break, is removed and the run fails, naming why.
def rules = [
        regionId    : ~/^(?=.{2,63}$)[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
        regionIgovId: ~/^[1-9][0-9]{0,3}$/,
        koatuu      : ~/^[0-9]{10}$/,
        regionNameUk: ~/^[^"\\&<>]{1,200}$/,
        regionNameEn: ~/^[^"\\&<>]{1,200}$/]
def wrong = rules.findAll { name, pattern -> !(request.properties.getProperty(name) ==~ pattern) }
        .collect { name, pattern -> "${name} '${request.properties.getProperty(name)}' must match ${pattern}" }
// The feature is named after the artifact: the operators' platform:plugin-* commands take igov-region-* features,
// and the catalogue's history takes igov-region-<regionId> for the region's own.
if (request.artifactId != "igov-region-" + request.properties.getProperty("regionId")) {
    wrong << "artifactId '${request.artifactId}' must be igov-region-${request.properties.getProperty('regionId')}"
}
if (wrong) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException("Nothing was generated: " + wrong.join("; "))
}
