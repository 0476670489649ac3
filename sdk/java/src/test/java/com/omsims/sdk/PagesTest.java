package com.omsims.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.omsims.ims.v1.ListSkusRequest;
import com.omsims.ims.v1.ListSkusResponse;
import com.omsims.ims.v1.ListTenantsRequest;
import com.omsims.ims.v1.Sku;
import com.omsims.oms.v1.ListOrdersRequest;
import com.omsims.oms.v1.ListOrdersResponse;
import com.omsims.oms.v1.Order;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class PagesTest {
  /** A fake List RPC: page token -> (items, next token). */
  record Page(List<String> items, String next) {}

  private static final Map<String, Page> BOOK =
      Map.of(
          "", new Page(List.of("a", "b"), "t1"),
          "t1", new Page(List.of(), "t2"), // an empty page that is not the last
          "t2", new Page(List.of("c"), ""));

  @Test
  void followsTokensUntilEmpty() {
    List<String> asked = new ArrayList<>();
    Pages<Page, String> pages =
        Pages.iterate(
            token -> {
              asked.add(token);
              return BOOK.get(token);
            },
            Page::items,
            Page::next);
    assertEquals(List.of(), asked, "nothing fetched before iterating");
    assertEquals(List.of("a", "b", "c"), pages.toList());
    assertEquals(List.of("", "t1", "t2"), asked);
    // Each iteration starts over.
    assertEquals(List.of("a", "b", "c"), pages.toList());
    int count = 0;
    for (Page p : pages.pages()) {
      count++;
    }
    assertEquals(3, count);
  }

  @Test
  void nullTokenEndsAndExhaustedIteratorThrows() {
    Iterator<String> it =
        Pages.iterate(token -> new Page(List.of("only"), null), Page::items, Page::next).iterator();
    assertEquals("only", it.next());
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);
  }

  @Test
  void repeatedTokenFailsInsteadOfLooping() {
    Pages<Page, String> pages =
        Pages.iterate(token -> new Page(List.of("x"), "same"), Page::items, Page::next);
    assertThrows(IllegalStateException.class, pages::toList);
  }

  @Test
  void failedPageThrowsTypedException() {
    Pages<Page, String> pages =
        Pages.iterate(
            token -> {
              throw Status.PERMISSION_DENIED.withDescription("no").asRuntimeException();
            },
            Page::items,
            Page::next);
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class, pages::toList);
    assertEquals("no", e.getDescription());
  }

  @Test
  void genericByDescriptorsSetsPageTokenAndKeepsTheRest() {
    List<ListOrdersRequest> asked = new ArrayList<>();
    ListOrdersRequest request =
        ListOrdersRequest.newBuilder().setTenantId("t").setPageSize(2).build();
    Pages<ListOrdersResponse, Order> pages =
        Pages.of(
            request,
            r -> {
              asked.add(r);
              return r.getPageToken().isEmpty()
                  ? ListOrdersResponse.newBuilder()
                      .addOrders(Order.newBuilder().setId("o1"))
                      .addOrders(Order.newBuilder().setId("o2"))
                      .setNextPageToken("n")
                      .build()
                  : ListOrdersResponse.newBuilder()
                      .addOrders(Order.newBuilder().setId("o3"))
                      .build();
            },
            Order.class);
    List<String> ids = new ArrayList<>();
    for (Order o : pages) {
      ids.add(o.getId());
    }
    assertEquals(List.of("o1", "o2", "o3"), ids);
    assertEquals(
        List.of(request, request.toBuilder().setPageToken("n").build()), asked);
  }

  @Test
  void genericWorksForOtherListRpcs() {
    Pages<ListSkusResponse, Sku> pages =
        Pages.of(
            ListSkusRequest.newBuilder().setTenantId("t").build(),
            r -> ListSkusResponse.newBuilder().addSkus(Sku.newBuilder().setCode("c")).build(),
            Sku.class);
    assertEquals("c", pages.toList().get(0).getCode());
  }

  @Test
  void genericRejectsWrongItemTypeAndNonListMessages() {
    Pages<ListSkusResponse, Order> wrong =
        Pages.of(
            ListSkusRequest.getDefaultInstance(),
            r -> ListSkusResponse.newBuilder().addSkus(Sku.getDefaultInstance()).build(),
            Order.class);
    assertThrows(ClassCastException.class, wrong::toList);
    assertThrows(
        IllegalArgumentException.class,
        () -> Pages.of(Order.getDefaultInstance(), r -> r, Order.class));
    // ListTenantsRequest has page_token, so this builds; its response shape is checked per page.
    Pages.of(ListTenantsRequest.getDefaultInstance(), r -> r, Order.class);
  }
}
