package ua.igov.platform.core;

import java.util.List;

/** One page of catalogue search results, and how many there are in all. */
public record CataloguePage(long total, int page, int size, List<RegionServiceEntry> items) {

    public CataloguePage {
        items = List.copyOf(items);
    }
}
