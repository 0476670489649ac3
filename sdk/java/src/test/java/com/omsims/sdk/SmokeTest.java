package com.omsims.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.omsims.ims.v1.CreateHubRequest;
import com.omsims.ims.v1.CreateSellerRequest;
import com.omsims.ims.v1.CreateSkuRequest;
import com.omsims.ims.v1.Hub;
import com.omsims.ims.v1.Seller;
import com.omsims.ims.v1.Sku;
import com.omsims.ims.v1.UpsertInventoryRequest;
import com.omsims.oms.v1.CreateOrderRequest;
import com.omsims.oms.v1.GetOrderRequest;
import com.omsims.oms.v1.ListOrdersRequest;
import com.omsims.oms.v1.ListOrdersResponse;
import com.omsims.oms.v1.Order;
import com.omsims.oms.v1.OrderLine;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The partner journey of tests/sdk/sdk_support.py against live IMS and OMS servers, with the
 * tenant API key only; prints one line {@code SMOKE {json}} that the pytest side checks.
 *
 * <p>Tagged "smoke": left out of a plain {@code mvn test}; run by {@code mvn test -Psmoke}
 * (tests/sdk/test_java_sdk.py). It fails, never skips, when its OMSIMS_* environment is missing.
 */
@Tag("smoke")
class SmokeTest {
  private static final int ORDERS = 3;
  private static final int PAGE_SIZE = 2;
  private static final long STOCK = 10;

  private static String env(String name) {
    String value = System.getenv(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(
          name + " is not set: SmokeTest runs from tests/sdk/test_java_sdk.py (partner fixture)");
    }
    return value;
  }

  @Test
  void partnerJourney() {
    String imsTarget = env("OMSIMS_IMS_TARGET");
    String omsTarget = env("OMSIMS_OMS_TARGET");
    String tenantId = env("OMSIMS_TENANT_ID");
    String apiKey = env("OMSIMS_API_KEY");
    String foreignOrderId = env("OMSIMS_FOREIGN_ORDER_ID");
    String suffix = UUID.randomUUID().toString().substring(0, 8);

    try (OmsImsClient client =
        OmsImsClient.builder()
            .imsTarget(imsTarget)
            .omsTarget(omsTarget)
            .apiKey(apiKey)
            .usePlaintext()
            .build()) {
      String sellerId =
          ApiException.call(
                  () ->
                      client
                          .sellers()
                          .createSeller(
                              CreateSellerRequest.newBuilder()
                                  .setSeller(
                                      Seller.newBuilder()
                                          .setTenantId(tenantId)
                                          .setName("Java seller " + suffix)
                                          .setCode("java-seller-" + suffix))
                                  .build()))
              .getSeller()
              .getId();
      String hubId =
          ApiException.call(
                  () ->
                      client
                          .hubs()
                          .createHub(
                              CreateHubRequest.newBuilder()
                                  .setHub(
                                      Hub.newBuilder()
                                          .setTenantId(tenantId)
                                          .setSellerId(sellerId)
                                          .setName("Java hub " + suffix)
                                          .setCode("java-hub-" + suffix))
                                  .build()))
              .getHub()
              .getId();
      String skuId =
          ApiException.call(
                  () ->
                      client
                          .skus()
                          .createSku(
                              CreateSkuRequest.newBuilder()
                                  .setSku(
                                      Sku.newBuilder()
                                          .setTenantId(tenantId)
                                          .setSellerId(sellerId)
                                          .setName("Java SKU " + suffix)
                                          .setCode("java-sku-" + suffix))
                                  .build()))
              .getSku()
              .getId();
      ApiException.call(
          () ->
              client
                  .inventory()
                  .upsertInventory(
                      UpsertInventoryRequest.newBuilder()
                          .setTenantId(tenantId)
                          .setHubId(hubId)
                          .setSkuId(skuId)
                          .setSetQuantityOnHand(STOCK)
                          .setReason("java sdk smoke")
                          .build()));

      List<String> orderIds = new ArrayList<>();
      for (int i = 0; i < ORDERS; i++) {
        Order order =
            ApiException.call(
                    () ->
                        client
                            .orders()
                            .createOrder(
                                CreateOrderRequest.newBuilder()
                                    .setTenantId(tenantId)
                                    .setSellerId(sellerId)
                                    .setHubId(hubId)
                                    .addLines(
                                        OrderLine.newBuilder().setSkuId(skuId).setQuantity(1))
                                    .setIdempotencyKey("java-" + suffix + "-" + orderIds.size())
                                    .build()))
                .getOrder();
        orderIds.add(order.getId());
      }

      Order first =
          ApiException.call(
                  () ->
                      client
                          .orders()
                          .getOrder(
                              GetOrderRequest.newBuilder()
                                  .setTenantId(tenantId)
                                  .setId(orderIds.get(0))
                                  .build()))
              .getOrder();
      assertEquals(orderIds.get(0), first.getId());
      assertEquals(skuId, first.getLines(0).getSkuId());

      Pages<ListOrdersResponse, Order> listed =
          Pages.of(
              ListOrdersRequest.newBuilder()
                  .setTenantId(tenantId)
                  .setPageSize(PAGE_SIZE)
                  .build(),
              client.orders()::listOrders,
              Order.class);
      List<String> pagedIds = new ArrayList<>();
      int pages = 0;
      for (ListOrdersResponse page : listed.pages()) {
        pages++;
        assertFalse(page.getOrdersCount() > PAGE_SIZE, "page larger than page_size");
        page.getOrdersList().forEach(o -> pagedIds.add(o.getId()));
      }
      // The item iterator sees the same orders.
      assertEquals(
          pagedIds, listed.toList().stream().map(Order::getId).collect(Collectors.toList()));

      NotFoundException notFound =
          assertThrows(
              NotFoundException.class,
              () ->
                  ApiException.call(
                      () ->
                          client
                              .orders()
                              .getOrder(
                                  GetOrderRequest.newBuilder()
                                      .setTenantId(tenantId)
                                      .setId(foreignOrderId)
                                      .build())));
      String foreign = notFound.getCode().name();

      System.out.println(
          "SMOKE {"
              + field("seller_id", quote(sellerId))
              + ", "
              + field("hub_id", quote(hubId))
              + ", "
              + field("sku_id", quote(skuId))
              + ", "
              + field("order_ids", list(orderIds))
              + ", "
              + field("paged_order_ids", list(pagedIds))
              + ", "
              + field("pages", Integer.toString(pages))
              + ", "
              + field("foreign", quote(foreign))
              + "}");
      System.out.flush();
    }
  }

  private static String field(String name, String json) {
    return quote(name) + ": " + json;
  }

  private static String list(List<String> values) {
    return values.stream().map(SmokeTest::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  /** A JSON string literal. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
