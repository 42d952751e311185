package ua.igov.platform.spi;

import java.util.Objects;

/**
 * A body that delivers services: an administrative service centre (ЦНАП), a ministry, a bank.
 *
 * @param kind a short type label as published, e.g. {@code ЦНАП}
 */
public record Authority(int id, LocalizedText name, LocalizedText fullName, String kind) {

    public Authority {
        Objects.requireNonNull(name, "name");
    }
}
