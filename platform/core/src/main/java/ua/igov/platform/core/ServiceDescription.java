package ua.igov.platform.core;

import java.util.List;

import ua.igov.platform.spi.LocalizedText;

/**
 * A service as described to a citizen about to apply.
 *
 * @param installed       whether its plugin is installed now (only then can one apply)
 * @param regions         the regions that offer it online
 */
public record ServiceDescription(String code, LocalizedText name, boolean installed, String formVersion,
                                 List<Integer> catalogueServiceIds, List<String> regions) {

    public ServiceDescription {
        catalogueServiceIds = List.copyOf(catalogueServiceIds);
        regions = List.copyOf(regions);
    }
}
