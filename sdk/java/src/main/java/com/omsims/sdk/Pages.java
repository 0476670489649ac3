package com.omsims.sdk;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every item of a paged List RPC, fetched page by page as the iteration goes: the first page
 * with an empty page token, each next one with the previous response's {@code next_page_token},
 * until that is empty. Nothing is fetched before iterating; each iteration starts over.
 *
 * <pre>{@code
 * // Generic (any List RPC of iam.v1, ims.v1, oms.v1):
 * for (Order o : Pages.of(ListOrdersRequest.newBuilder().setTenantId(t).setPageSize(100).build(),
 *                         client.orders()::listOrders, Order.class)) { ... }
 * // Explicit:
 * Pages.iterate(token -> client.orders().listOrders(request.toBuilder().setPageToken(token).build()),
 *               ListOrdersResponse::getOrdersList, ListOrdersResponse::getNextPageToken);
 * }</pre>
 *
 * <p>A failed page throws the typed {@link ApiException}. A server that hands back the token it
 * was given makes the iteration fail with {@link IllegalStateException} rather than loop.
 *
 * @param <R> the response (page) type
 * @param <T> the item type
 */
public final class Pages<R, T> implements Iterable<T> {
  private final Function<String, R> fetch;
  private final Function<R, ? extends List<? extends T>> items;
  private final Function<R, String> nextToken;

  private Pages(
      Function<String, R> fetch,
      Function<R, ? extends List<? extends T>> items,
      Function<R, String> nextToken) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
    this.items = Objects.requireNonNull(items, "items");
    this.nextToken = Objects.requireNonNull(nextToken, "nextToken");
  }

  /**
   * The items of the pages that {@code fetch} returns for a page token ("" for the first page),
   * read with {@code items}, followed with {@code nextToken} ("" or null: the last page).
   */
  public static <R, T> Pages<R, T> iterate(
      Function<String, R> fetch,
      Function<R, ? extends List<? extends T>> items,
      Function<R, String> nextToken) {
    return new Pages<>(fetch, items, nextToken);
  }

  /**
   * The items of a List RPC by its descriptors: the request's {@code page_token} field is set
   * for each page (the rest of {@code request}, e.g. {@code page_size} and filters, is kept);
   * the items are the response's one repeated message field, of class {@code itemType}; the next
   * token is its {@code next_page_token}.
   */
  public static <Q extends Message, R extends Message, T extends Message> Pages<R, T> of(
      Q request, Function<Q, R> rpc, Class<T> itemType) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(itemType, "itemType");
    FieldDescriptor pageToken = stringField(request.getDescriptorForType(), "page_token");
    Function<String, R> fetch =
        token -> {
          @SuppressWarnings("unchecked") // toBuilder().build() of Q is a Q
          Q page = (Q) request.toBuilder().setField(pageToken, token).build();
          return rpc.apply(page);
        };
    return new Pages<>(fetch, response -> itemsOf(response, itemType), Pages::nextPageToken);
  }

  /** The pages themselves (responses), e.g. to read fields other than the items. */
  public Iterable<R> pages() {
    return PageIterator::new;
  }

  /** Every item, read into a list (fetching every page now). */
  public List<T> toList() {
    List<T> all = new ArrayList<>();
    forEach(all::add);
    return all;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private final PageIterator pages = new PageIterator();
      private Iterator<? extends T> current = List.<T>of().iterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          if (!pages.hasNext()) {
            return false;
          }
          current = items.apply(pages.next()).iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  private final class PageIterator implements Iterator<R> {
    private String token = ""; // of the page to fetch next; null after the last page

    @Override
    public boolean hasNext() {
      return token != null;
    }

    @Override
    public R next() {
      if (token == null) {
        throw new NoSuchElementException();
      }
      R page;
      try {
        page = fetch.apply(token);
      } catch (StatusRuntimeException e) {
        throw ApiException.from(e);
      }
      String next = nextToken.apply(page);
      if (next != null && !next.isEmpty() && next.equals(token)) {
        throw new IllegalStateException("the server returned the same page token again: " + next);
      }
      token = next == null || next.isEmpty() ? null : next;
      return page;
    }
  }

  private static FieldDescriptor stringField(Descriptor type, String name) {
    FieldDescriptor field = type.findFieldByName(name);
    if (field == null
        || field.isRepeated()
        || field.getJavaType() != FieldDescriptor.JavaType.STRING) {
      throw new IllegalArgumentException(type.getFullName() + " has no string field " + name);
    }
    return field;
  }

  private static String nextPageToken(Message response) {
    return (String) response.getField(stringField(response.getDescriptorForType(), "next_page_token"));
  }

  private static <T extends Message> List<T> itemsOf(Message response, Class<T> itemType) {
    Descriptor type = response.getDescriptorForType();
    FieldDescriptor itemsField = null;
    for (FieldDescriptor f : type.getFields()) {
      if (f.isRepeated() && !f.isMapField() && f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        if (itemsField != null) {
          throw new IllegalArgumentException(
              type.getFullName() + " has more than one repeated message field");
        }
        itemsField = f;
      }
    }
    if (itemsField == null) {
      throw new IllegalArgumentException(type.getFullName() + " has no repeated message field");
    }
    int n = response.getRepeatedFieldCount(itemsField);
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(itemType.cast(response.getRepeatedField(itemsField, i)));
    }
    return out;
  }
}
