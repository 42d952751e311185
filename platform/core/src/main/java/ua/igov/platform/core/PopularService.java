package ua.igov.platform.core;

import ua.igov.platform.spi.LocalizedText;

/** A catalogue service and how many applications citizens have made for it. */
public record PopularService(int serviceId, LocalizedText name, long applications, String serviceCode) {
}
