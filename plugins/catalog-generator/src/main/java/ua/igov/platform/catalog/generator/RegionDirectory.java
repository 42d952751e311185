package ua.igov.platform.catalog.generator;

import java.util.List;
import java.util.Optional;

/**
 * The 27 iGov regions as region plugins know them: a stable slug (the plugin is {@code region-<slug>})
 * and display names. Slugs and English names follow the official Ukrainian romanisation, not iGov's
 * Russian-era spellings, and are fixed here because they name modules and must not change when the data does.
 */
final class RegionDirectory {

    /** An entry; {@code ukName} null means the oblast rule: the name in regions.csv followed by "область". */
    record Entry(int igovId, String slug, String ukName, String enName) {
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry(1, "dnipropetrovsk", null, "Dnipropetrovsk Oblast"),
            new Entry(2, "lviv", null, "Lviv Oblast"),
            new Entry(3, "ivano-frankivsk", null, "Ivano-Frankivsk Oblast"),
            new Entry(5, "kyiv-city", "м. Київ", "Kyiv City"),
            new Entry(6, "kherson", null, "Kherson Oblast"),
            new Entry(7, "rivne", null, "Rivne Oblast"),
            new Entry(8, "volyn", null, "Volyn Oblast"),
            new Entry(9, "ternopil", null, "Ternopil Oblast"),
            new Entry(10, "crimea", "Автономна Республіка Крим", "Autonomous Republic of Crimea"),
            new Entry(11, "vinnytsia", null, "Vinnytsia Oblast"),
            new Entry(12, "donetsk", null, "Donetsk Oblast"),
            new Entry(13, "zhytomyr", null, "Zhytomyr Oblast"),
            new Entry(14, "zakarpattia", null, "Zakarpattia Oblast"),
            new Entry(15, "zaporizhzhia", null, "Zaporizhzhia Oblast"),
            new Entry(16, "kyiv", null, "Kyiv Oblast"),
            new Entry(17, "kirovohrad", null, "Kirovohrad Oblast"),
            new Entry(18, "luhansk", null, "Luhansk Oblast"),
            new Entry(19, "sevastopol", "м. Севастополь", "Sevastopol City"),
            new Entry(20, "mykolaiv", null, "Mykolaiv Oblast"),
            new Entry(21, "odesa", null, "Odesa Oblast"),
            new Entry(22, "poltava", null, "Poltava Oblast"),
            new Entry(23, "sumy", null, "Sumy Oblast"),
            new Entry(24, "kharkiv", null, "Kharkiv Oblast"),
            new Entry(25, "khmelnytskyi", null, "Khmelnytskyi Oblast"),
            new Entry(26, "cherkasy", null, "Cherkasy Oblast"),
            new Entry(27, "chernivtsi", null, "Chernivtsi Oblast"),
            new Entry(28, "chernihiv", null, "Chernihiv Oblast"));

    private RegionDirectory() {
    }

    static Optional<Entry> bySlug(String slug) {
        return ENTRIES.stream().filter(e -> e.slug().equals(slug)).findFirst();
    }

    /** The region header of region.json; koatuu and the oblast name come from regions.csv. */
    static RegionCatalog.Region header(Entry entry, IgovDump dump) {
        CsvTable.Row row = dump.regions().get(entry.igovId());
        if (row == null) {
            throw new IllegalStateException("regions.csv has no region " + entry.igovId());
        }
        String uk = entry.ukName() != null ? entry.ukName() : row.requiredText("name_uk") + " область";
        return new RegionCatalog.Region(entry.slug(), entry.igovId(), row.text("koatuu"),
                new RegionCatalog.Name(uk, entry.enName()));
    }
}
