package dev.coineconomy.internal;

import dev.coineconomy.Channel;
import dev.coineconomy.Region;
import dev.coineconomy.catalog.Catalog;
import dev.coineconomy.catalog.CoinPack;
import dev.coineconomy.catalog.Gift;
import dev.coineconomy.catalog.PriceKey;
import dev.coineconomy.money.Money;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalog numbered for the journal's columns: every gift and every price row (pack × region ×
 * channel) gets a dense index. Immutable and thread-safe.
 */
public final class CatalogIndex {

    /** A gift and its index. */
    public record GiftSlot(int index, Gift gift, long price) {
    }

    /** One price of one pack, and its index. */
    public record PriceRow(int index, CoinPack pack, Region region, Channel channel, Money price,
                           long priceMinorUnits) {
    }

    private final Catalog catalog;
    private final GiftSlot[] gifts;
    private final Map<String, GiftSlot> giftsById = new HashMap<>();
    private final PriceRow[] rows;
    private final Map<String, Map<PriceKey, PriceRow>> rowsByPack = new HashMap<>();

    /**
     * Numbers a catalog.
     *
     * @param catalog the catalog
     */
    public CatalogIndex(Catalog catalog) {
        this.catalog = catalog;
        List<GiftSlot> g = new ArrayList<>();
        for (Gift gift : catalog.gifts()) {
            GiftSlot slot = new GiftSlot(g.size(), gift, gift.price().amount());
            g.add(slot);
            giftsById.put(gift.id(), slot);
        }
        gifts = g.toArray(GiftSlot[]::new);
        List<PriceRow> r = new ArrayList<>();
        for (CoinPack pack : catalog.packs()) {
            Map<PriceKey, PriceRow> byKey = new HashMap<>();
            pack.prices().forEach((key, price) -> {
                PriceRow row = new PriceRow(r.size(), pack, key.region(), key.channel(), price, price.toMinorUnits());
                r.add(row);
                byKey.put(key, row);
            });
            rowsByPack.put(pack.id(), byKey);
        }
        rows = r.toArray(PriceRow[]::new);
    }

    /** @return the catalog */
    public Catalog catalog() {
        return catalog;
    }

    /** @return the gift with that id, or {@code null} */
    public GiftSlot gift(String id) {
        return giftsById.get(id);
    }

    /** @return the gift at that index */
    public GiftSlot gift(int index) {
        return gifts[index];
    }

    /** @return whether a pack with that id exists */
    public boolean hasPack(String packId) {
        return rowsByPack.containsKey(packId);
    }

    /** @return the price row of a pack in a region and channel, or {@code null} */
    public PriceRow row(String packId, Region region, Channel channel) {
        Map<PriceKey, PriceRow> byKey = rowsByPack.get(packId);
        return byKey == null ? null : byKey.get(PriceKey.of(region, channel));
    }

    /** @return the price row at that index */
    public PriceRow row(int index) {
        return rows[index];
    }
}
