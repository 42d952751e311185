// Maven checks an archetype's validationRegex only for answers typed at its prompt, never for -D values or in batch
// mode (ARCHETYPE-532), which is how the plugin author's guide generates. The same rules are checked here: a project
// the platform would refuse, or whose Java, JSON or XML a quote would break, is removed and the run fails, naming why.
def rules = [
        serviceCode       : ~/^(?=.{1,64}$)[a-z0-9]+(-[a-z0-9]+)*$/,
        catalogueServiceId: ~/^[1-9][0-9]{0,8}$/,
        serviceNameUk     : ~/^[^"\\&<>]{1,200}$/,
        serviceNameEn     : ~/^[^"\\&<>]{1,200}$/]
def wrong = rules.findAll { name, pattern -> !(request.properties.getProperty(name) ==~ pattern) }
        .collect { name, pattern -> "${name} '${request.properties.getProperty(name)}' must match ${pattern}" }
// The feature is named after the artifact: the operators' platform:plugin-* commands take igov-service-* features.
if (!(request.artifactId ==~ /^igov-service-[a-z0-9]+(-[a-z0-9]+)*$/)) {
    wrong << "artifactId '${request.artifactId}' must start with igov-service- (lower-case letters, digits, dashes)"
}
if (wrong) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException("Nothing was generated: " + wrong.join("; "))
}
