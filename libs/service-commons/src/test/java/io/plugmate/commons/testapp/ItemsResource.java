package io.plugmate.commons.testapp;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.plugmate.commons.pagination.Cursor;
import io.plugmate.commons.pagination.KeysetQuery;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageParams;
import io.plugmate.commons.pagination.PageRequest;
import io.plugmate.commons.tenant.Roles;

/** A list endpoint over 7 fixed items, paged the way a repository would (keyset + one extra row). */
@Path("/probe/items")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.API_CLIENT)
public class ItemsResource {

    public record Item(String id, Instant createdAt) {
    }

    static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");
    static final List<Item> ITEMS = IntStream.range(0, 7)
            .mapToObj(i -> new Item("item-" + i, T0.plusSeconds(i)))
            .toList();
    private static final Comparator<Item> ORDER = Comparator.comparing(Item::createdAt).thenComparing(Item::id);

    @GET
    public Page<Item> list(@BeanParam PageParams params) {
        PageRequest request = params.toRequest();
        KeysetQuery keyset = KeysetQuery.of(request, "createdAt", "id", Function.identity());
        Cursor cursor = request.backward() ? request.before() : request.after();
        Comparator<Item> order = request.backward() ? ORDER.reversed() : ORDER;
        List<Item> rows = ITEMS.stream()
                .filter(item -> cursor == null || order.compare(item, new Item(cursor.id(), cursor.at())) > 0)
                .sorted(order)
                .limit(keyset.fetchSize())
                .toList();
        return keyset.toPage(rows, item -> new Cursor(item.createdAt(), item.id()), Function.identity());
    }
}
