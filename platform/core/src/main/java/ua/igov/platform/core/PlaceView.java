package ua.igov.platform.core;

import ua.igov.platform.spi.LocalizedText;

/** A place as listed for citizens choosing where to apply. */
public record PlaceView(int id, LocalizedText name, String type, String koatuu, Integer parentId) {
}
