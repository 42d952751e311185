package ua.igov.platform.itests.plugins.versioned.v2;

import ua.igov.platform.itests.plugins.SelfRegisteringPlugin;
import ua.igov.platform.spi.FormDefinition;

/**
 * Version 2 of the updated test plugin: the form also asks for a phone (a new form version), and the default
 * workflow (claim, review, decide, issue) applies.
 */
public class VersionedService extends SelfRegisteringPlugin {

    public VersionedService() {
        super("test-versioned", "Послуга, що оновлюється", 185);
    }

    @Override
    public FormDefinition form() {
        return new FormDefinition("2.0", "{\"type\": \"object\", \"required\": [\"name\", \"phone\"], \"additionalProperties\": false,"
                + " \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1},"
                + " \"phone\": {\"type\": \"string\", \"pattern\": \"^\\\\+380[0-9]{9}$\"}}}");
    }
}
